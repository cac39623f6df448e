// End-to-end: the registry screen tells the truth (issue 19). What a write
// changed shows at once in the version's row and details; "← Registry"
// comes back to where the reviewer was; outcomes are said beside the
// action; the versions list has a card status column; groups and versions
// are searched. Against the SageMaker emulator, read back and changed
// behind the app's back with boto3.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { openApp, registryConfig, openRegistryScreen } from "./support.mjs";

const GROUP = "fraud-detector";
const arn = (version) => `arn:aws:sagemaker:us-east-2:123456789012:model-package/${GROUP}/${version}`;
const SHOTS = "/tmp/shots-registry";

let emulator;
let app;
let page;
before(async () => {
  ({ emulator, app, page } = await openRegistryScreen());
  page.setDefaultTimeout(15000);
});
after(async () => {
  await app?.close();
  emulator?.stop();
});

const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();
const row = (version) => page.locator(`[data-testid=versions] tr[data-arn="${arn(version)}"]`);
const cell = (version, column) => row(version).locator(`td[data-column=${column}]`);
const details = () => page.getByTestId("version-details");
const approvalForm = () => details().getByRole("form", { name: "Approval" });
const groupButton = (name) => page.getByRole("navigation", { name: "Model package groups" }).getByRole("button", { name: new RegExp(`^${name}`) });
/** Unicode isolates (around typed text in a sentence) left out. */
const plain = (text) => text.replace(/[\u2068\u2069]/g, "").trim();

/** The version details' facts, label to value. */
const facts = () =>
  details().evaluate((article) => Object.fromEntries([...article.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));

/** Every row's card status cell, version label to text. */
const cardColumn = () =>
  page.locator("[data-testid=versions] tbody tr[data-arn]").evaluateAll((rows) =>
    Object.fromEntries(rows.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td[data-column=card]").textContent.trim()])),
  );

async function showRegistry() {
  if (!(await page.getByTestId("registry").isVisible())) await page.getByTestId("open-registry").click();
  await page.getByTestId("registry").waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=groups-count]")?.textContent.length > 0);
}

async function chooseGroup(name) {
  await showRegistry();
  await groupButton(name).click();
  await page.waitForFunction((name) => document.querySelector("#mce-versions-heading")?.textContent === name, name);
}

async function showVersion(version) {
  await chooseGroup(GROUP);
  await page.getByRole("button", { name: `Version ${version}`, exact: true }).click();
  await page.waitForFunction((v) => document.querySelector("#mce-details-heading")?.textContent.endsWith(`version ${v}`), version);
}

/** Opens the chosen version's card in the editor (an earlier draft declined). */
async function editCard() {
  await details().getByRole("button", { name: /Edit the card|Write a card/ }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  const recovery = page.locator("#mce-recovery");
  if (await recovery.isVisible()) await recovery.getByRole("button", { name: "Discard it" }).click();
}

async function waitForCardStatuses() {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll("[data-testid=versions] td[data-column=card]")];
    return cells.length > 0 && cells.every((cell) => !cell.textContent.includes("Reading"));
  });
}

/** The top-of-page banner is not where the registry's outcomes go. */
async function assertNoBanner() {
  for (const id of ["notice", "notice-error"]) assert.equal(await page.getByTestId(id).isVisible(), false, `the ${id} banner stays hidden`);
}

/** Whether `locator`'s element is inside a live region that announces it. */
const announced = (locator) => locator.evaluate((element) => Boolean(element.closest('[role=status], [role=alert], [aria-live]:not([aria-live="off"])')));

test("the versions list has a card status column, read without holding the list up, with 'No card' for a version without one", async () => {
  // The first group's card status is read as the page opens; then every
  // card status read waits 1.5 s: the rows are there before.
  await chooseGroup("churn-model");
  await waitForCardStatuses();
  emulator.boto("fault", JSON.stringify({ operation: "DescribeModelPackage", delay_ms: 1500, count: 4 }));
  await chooseGroup(GROUP);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=versions] tbody tr[data-arn]").length === 4);
  assert.deepEqual(Object.values(await cardColumn()), ["Reading…", "Reading…", "Reading…", "Reading…"]);
  const headers = await page.getByTestId("versions").locator("thead th").allTextContents();
  assert.ok(headers.some((header) => header.startsWith("Card status")), `columns: ${headers}`);
  await waitForCardStatuses();
  assert.deepEqual(await cardColumn(), { "Version 4": "No card", "Version 3": "PendingReview", "Version 2": "Draft", "Version 1": "Approved" });
  // Sorted by card status, as by any other column.
  await page.getByRole("button", { name: "Card status", exact: true }).click();
  assert.deepEqual(Object.values(await cardColumn()), ["Approved", "Draft", "No card", "PendingReview"]);
  await page.getByRole("button", { name: "Version", exact: true }).click();
});

test("a card status that cannot be read says so in its own row, not as a page error, and can be read again", async () => {
  await chooseGroup(GROUP);
  await waitForCardStatuses();
  emulator.boto("fault", JSON.stringify({ operation: "DescribeModelPackage", status: 400, type: "ValidationException", message: "Injected" }));
  await page.getByRole("button", { name: "Refresh" }).click();
  await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=versions] td[data-column=card]")].some((cell) => cell.textContent.startsWith("Not read")));
  await waitForCardStatuses();
  const column = await cardColumn();
  const failed = Object.entries(column).filter(([, text]) => text.startsWith("Not read"));
  assert.equal(failed.length, 1, `one row failed: ${JSON.stringify(column)}`);
  const [label, text] = failed[0];
  assert.match(text, /^Not read: refused as invalid/);
  assert.equal(Object.values(column).filter((status) => /^(No card|PendingReview|Draft|Approved)$/.test(status)).length, 3, "the others are read");
  assert.equal(await page.locator("[data-testid=versions-problem]").count(), 0, "no error for the whole list");
  await assertNoBanner();
  await page.getByRole("button", { name: `Try again: read the card status of ${label}` }).click();
  await waitForCardStatuses();
  assert.ok(!Object.values(await cardColumn()).some((status) => status.startsWith("Not read")));
});

test("setting the approval shows in the version's row and details at once, said beside the form", async () => {
  await showVersion(2);
  assert.match(await row(2).textContent(), /Rejected/);
  const form = approvalForm();
  const description = "Recall is acceptable after the rerun 🙂 — المراجعة مقبولة";
  await form.getByLabel("Approval status").selectOption("Approved");
  await form.getByLabel("Approval description").fill(description);
  const update = form.getByRole("button", { name: "Update approval" });
  await update.click();
  // Once the details show the new approval, the row does too, without
  // choosing the group again.
  await page.waitForFunction(() => {
    const label = [...document.querySelectorAll("[data-testid=version-details] dt")].find((dt) => dt.textContent === "Approval status");
    return label?.nextElementSibling.textContent === "Approved";
  });
  assert.doesNotMatch(await row(2).textContent(), /Rejected/, "the row no longer shows the old approval");
  assert.equal(await cell(2, "approval").textContent(), "Approved");
  await waitForCardStatuses();
  assert.equal(await cell(2, "card").textContent(), "Draft");
  const done = form.getByTestId("approval-done");
  assert.equal(await done.textContent(), "The approval status of fraud-detector, version 2 is now Approved.");
  assert.ok(await announced(done), "the confirmation is announced");
  await assertNoBanner();
  const shown = await facts();
  assert.equal(shown["Approval status"], "Approved");
  assert.equal(shown["Approval description"], description);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Update approval", "focus stays on the button");
  const described = emulator.boto("describe", arn(2));
  assert.equal(described.ModelApprovalStatus, "Approved");
  assert.equal(described.ApprovalDescription, description);
});

test("an approval the service refuses is said beside the form and announced, and what was entered is kept", async () => {
  await showVersion(3);
  const form = approvalForm();
  await form.getByLabel("Approval status").selectOption("Rejected");
  await form.getByLabel("Approval description").fill("Too many false positives on new merchants");
  emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", status: 400, type: "ValidationException", message: "ApprovalDescription is too long" }));
  await form.getByRole("button", { name: "Update approval" }).click();
  const problem = form.getByTestId("approval-problem");
  await problem.waitFor({ state: "visible" });
  assert.match(
    await problem.textContent(),
    /^Setting the approval status failed\. The service refused the request as invalid\. The service said: “ApprovalDescription is too long”/,
  );
  assert.ok(await announced(problem), "the error is announced");
  await assertNoBanner();
  assert.equal(await form.getByLabel("Approval status").inputValue(), "Rejected");
  assert.equal(await form.getByLabel("Approval description").inputValue(), "Too many false positives on new merchants");
  assert.equal(await cell(3, "approval").textContent(), "PendingManualApproval", "the row keeps what the server holds");
  assert.equal(emulator.boto("describe", arn(3)).ModelApprovalStatus, "PendingManualApproval");
  // Sent again, it goes through, and the error gives way to the confirmation.
  await form.getByRole("button", { name: "Update approval" }).click();
  await form.getByTestId("approval-done").getByText(/is now Rejected/).waitFor();
  assert.equal(await problem.isVisible(), false);
  assert.equal(await cell(3, "approval").textContent(), "Rejected");
});

test("a failed listing or reading is said where it happened, with a way to try again", async () => {
  await chooseGroup(GROUP);
  emulator.boto("fault", JSON.stringify({ operation: "ListModelPackages", status: 400, type: "ValidationException", message: "Injected listing" }));
  await chooseGroup("churn-model");
  const listing = page.getByRole("alert").filter({ hasText: "Listing the versions failed" });
  await listing.waitFor({ state: "visible" });
  assert.match(await listing.textContent(), /Listing the versions failed\. .*“Injected listing”/);
  await listing.getByRole("button", { name: "Try again" }).click();
  await assertNoBanner();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=versions] tbody tr[data-arn]").length === 1);
  await waitForCardStatuses();
  emulator.boto("fault", JSON.stringify({ operation: "DescribeModelPackage", status: 400, type: "ValidationException", message: "Injected reading" }));
  await page.getByRole("button", { name: "Version 1", exact: true }).click();
  const reading = page.getByRole("alert").filter({ hasText: "Reading the version failed" });
  await reading.waitFor({ state: "visible" });
  assert.match(await reading.textContent(), /Reading the version failed\. .*“Injected reading”/);
  await reading.getByRole("button", { name: "Try again" }).click();
  await details().waitFor();
  await assertNoBanner();
});

test("a card that cannot be opened is said beside the button that tried", async () => {
  emulator.boto("set-card", arn(4), "{not json", "Draft");
  await showVersion(4);
  await details().getByRole("button", { name: "Edit the card" }).click();
  const problem = details().getByTestId("open-problem");
  await problem.waitFor({ state: "visible" });
  assert.match(await problem.textContent(), /The version's card cannot be opened/);
  assert.ok(await announced(problem));
  assert.ok(await page.getByTestId("registry").isVisible(), "the registry stays");
  await assertNoBanner();
  emulator.boto("set-card", arn(4), JSON.stringify({ model_overview: { model_creator: "Fixed" } }), "Draft");
});

test("after a submit, the version's row and details show the new card status and approval", async () => {
  await showVersion(1);
  assert.match(await row(1).textContent(), /Approved/);
  await editCard();
  await field("/model_overview/model_creator").fill("Archiving team");
  await page.getByTestId("submit-bar").getByLabel("Card status").selectOption("Archived");
  await page.getByTestId("review").click();
  const review = page.locator("#mce-review");
  await review.getByLabel("Also set the version's approval status").check();
  await review.getByLabel("Approval status", { exact: true }).selectOption("Rejected");
  await review.getByTestId("submit").click();
  await page.getByTestId("submit-status").filter({ hasText: /Submitted\./ }).waitFor({ timeout: 20000 });
  const described = emulator.boto("describe", arn(1));
  assert.equal(described.ModelCard.ModelCardStatus, "Archived");
  assert.equal(described.ModelApprovalStatus, "Rejected");
  await page.getByTestId("submit-bar").getByRole("button", { name: "← Registry" }).click();
  await page.getByTestId("registry").waitFor();
  assert.equal(await cell(1, "card").textContent(), "Archived");
  assert.equal(await cell(1, "approval").textContent(), "Rejected");
  const shown = await facts();
  assert.equal(shown["Card status"], "Archived");
  assert.equal(shown["Approval status"], "Rejected");
});

test("“← Registry” goes back to the group and version the reviewer came from, focus on its row", async () => {
  await chooseGroup("churn-model");
  await chooseGroup(GROUP);
  await page.getByRole("button", { name: "Version 3", exact: true }).click();
  await editCard();
  await page.getByTestId("submit-bar").getByRole("button", { name: "← Registry" }).click();
  await page.getByTestId("registry").waitFor();
  await page.waitForFunction((arn) => document.activeElement?.closest("tr")?.dataset.arn === arn, arn(3), { timeout: 5000 });
  assert.equal(await page.locator("#mce-versions-heading").textContent(), GROUP);
  assert.equal(await groupButton(GROUP).getAttribute("aria-current"), "true");
  assert.match(await page.locator("#mce-details-heading").textContent(), /fraud-detector, version 3$/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Version 3");
  // The keyboard goes on from there: Enter chooses the focused version.
  await page.getByRole("button", { name: "Version 4", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#mce-details-heading")?.textContent.endsWith("version 4"));
});

test("groups are searched by name, by the service too, and the configured groups still apply", async () => {
  await showRegistry();
  const search = page.getByLabel("Search groups by name");
  const names = () => page.getByRole("navigation", { name: "Model package groups" }).locator(".mce-registry__group-name").allTextContents();
  const count = async () => plain(await page.getByTestId("groups-count").textContent());
  assert.deepEqual(await names(), ["churn-model", "fraud-detector"]);
  await search.fill("FRAUD");
  assert.deepEqual(await names(), ["fraud-detector"]);
  assert.equal(await count(), "1 group matches “FRAUD”");
  assert.ok(await announced(page.getByTestId("groups-count")));
  // A group made after the list was fetched is found by asking the service.
  emulator.boto("many", "fraud-canary", "1");
  await search.fill("fraud-c");
  await page.waitForFunction(() => [...document.querySelectorAll(".mce-registry__group-name")].some((name) => name.textContent === "fraud-canary"));
  assert.deepEqual(await names(), ["fraud-canary"]);
  const list = page.locator(".mce-registry__groups ul");
  for (const typed of ["zzz", "🙂", "غش"]) {
    await search.fill(typed);
    assert.deepEqual(await names(), []);
    assert.equal(await count(), `No group matches “${typed}”`);
  }
  // Text no group name can hold is not sent (the service would refuse it).
  assert.equal(await list.getAttribute("aria-busy"), null);
  assert.equal(await page.locator(".mce-registry__groups [role=alert]:visible").count(), 0, "no search error");
  await search.fill("");
  assert.deepEqual(await names(), ["churn-model", "fraud-canary", "fraud-detector"]);
  assert.equal(await count(), "3 groups");

  const limited = await openApp({ config: registryConfig(emulator.endpoint, { groups: ["fraud-detector"] }) });
  try {
    const other = limited.page;
    await other.goto(limited.url);
    await other.getByTestId("registry").waitFor();
    const otherNames = () => other.locator(".mce-registry__group-name").allTextContents();
    const answered = () => other.waitForFunction(() => !document.querySelector(".mce-registry__groups ul[aria-busy]"));
    await other.getByLabel("Search groups by name").fill("c");
    assert.equal(await other.locator(".mce-registry__groups ul").getAttribute("aria-busy"), "true", "the service is asked");
    await answered();
    assert.deepEqual(await otherNames(), ["fraud-detector"], "the service finds churn-model and fraud-canary; the configuration keeps them out");
    await other.getByLabel("Search groups by name").fill("churn");
    await answered();
    assert.deepEqual(await otherNames(), []);
    assert.equal(plain(await other.getByTestId("groups-count").textContent()), "No group matches “churn”");
  } finally {
    await limited.close();
  }
});

test("versions are searched by label, number and description as the reviewer types", async () => {
  await chooseGroup(GROUP);
  const search = page.getByLabel("Search versions");
  const labels = () => page.locator("[data-testid=versions] tbody tr[data-arn] th").allTextContents();
  const count = async () => plain(await page.getByTestId("versions-count").textContent());
  await page.getByRole("button", { name: "Version", exact: true }).click();
  await search.fill("");
  assert.equal(await count(), "4 versions");
  await search.fill("retrain");
  assert.deepEqual(await labels(), ["Version 1"]);
  assert.equal(await count(), "1 of 4 versions matches “retrain”");
  await search.fill("version 3");
  assert.deepEqual(await labels(), ["Version 3"]);
  await search.fill("CANDIDATE");
  assert.deepEqual(await labels(), ["Version 4"]);
  await search.fill("e");
  assert.equal((await labels()).length, 4);
  assert.equal(await count(), "4 of 4 versions match “e”");
  await search.fill("trees");
  await page.getByRole("combobox", { name: "Approval", exact: true }).selectOption("PendingManualApproval");
  assert.deepEqual(await labels(), []);
  assert.equal(await count(), "No version matches “trees” and is PendingManualApproval");
  assert.match(await page.getByTestId("versions").textContent(), /No version matches the search and filter\./);
  await page.getByRole("combobox", { name: "Approval", exact: true }).selectOption("");
  await search.fill("zzz 🙂");
  assert.equal(await count(), "No version matches “zzz 🙂”");
  // The search and the filter are kept while a card is edited; when they
  // hide the version's row, focus comes back to its details.
  const approval = page.getByRole("combobox", { name: "Approval", exact: true });
  await search.fill("evaluation");
  await page.getByRole("button", { name: "Version 3", exact: true }).click();
  await approval.selectOption("Approved");
  assert.deepEqual(await labels(), []);
  await editCard();
  await page.getByTestId("submit-bar").getByRole("button", { name: "← Registry" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "mce-details-heading");
  assert.equal(await search.inputValue(), "evaluation");
  assert.equal(await approval.inputValue(), "Approved");
  await approval.selectOption("");
  assert.deepEqual(await labels(), ["Version 3"]);
  await search.fill("");
  assert.equal((await labels()).length, 4);
});

test("the registry screen at 1440 x 900 and at 320 px wide: the versions table scrolls in its own labelled box, the page never sideways", async () => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await showVersion(2);
  await waitForCardStatuses();
  await approvalForm().getByRole("button", { name: "Update approval" }).click();
  await page.getByTestId("approval-done").getByText(/is now/).waitFor();
  await page.locator("#mce-main").evaluate((main) => main.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/registry-1440.png` });
  await approvalForm().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/registry-1440-approval.png` });
  await page.getByLabel("Search versions").fill("zzz");
  await page.screenshot({ path: `${SHOTS}/registry-1440-no-match.png` });
  await page.getByLabel("Search versions").fill("");
  try {
    await page.setViewportSize({ width: 320, height: 740 });
    await page.locator("#mce-main").evaluate((main) => main.scrollTo(0, 0));
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, "the page does not scroll sideways");
    // Each version a card: its approval and card status in sight, not off
    // to the side, and still rows and cells to a screen reader.
    const outside = await page.locator("[data-testid=versions] td[data-column]").evaluateAll((cells) =>
      cells.filter((cell) => cell.getBoundingClientRect().right > window.innerWidth).map((cell) => cell.textContent),
    );
    assert.deepEqual(outside, [], "every approval and card status is in sight");
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const roles = nodes.map((node) => node.role?.value);
    assert.ok(roles.filter((role) => role === "row").length >= 5, "the versions are rows");
    assert.ok(roles.includes("cell") && roles.includes("rowheader") && roles.includes("columnheader"));
    const box = page.locator(".mce-registry__table-scroll");
    assert.equal(await box.getAttribute("tabindex"), "0");
    assert.equal(await box.getAttribute("role"), "region");
    assert.equal(await box.getAttribute("aria-label"), "Versions of fraud-detector");
    const fits = await page.evaluate(() =>
      [...document.querySelectorAll(".mce-registry div, .mce-registry section, .mce-registry nav, .mce-registry article")]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .filter((element) => !element.closest(".mce-table-scroll"))
        .map((element) => element.className),
    );
    assert.deepEqual(fits, [], "nothing but a table's own box is wider than the screen");
    await page.screenshot({ path: `${SHOTS}/registry-320-top.png` });
    await page.screenshot({ path: `${SHOTS}/registry-320.png`, fullPage: true });
    await page.locator(".mce-registry__versions").screenshot({ path: `${SHOTS}/registry-320-versions.png` });
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});
