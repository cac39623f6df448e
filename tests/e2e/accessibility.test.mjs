// End-to-end: an automated accessibility audit of every screen and dialog
// with axe-core (WCAG 2.2 A and AA, and axe's best practices), in headless
// Chromium against the release build. A violation fails the test with the
// rule, the elements it found and how to fix them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, openApp, openAppWithRegistry, openCardByLink, paste, registryConfig, slowConnection } from "./support.mjs";

const complete = readFileSync(resolve(import.meta.dirname, "../fixtures/cards/complete.json"));

let emulator;
let app;
let page;
before(async () => {
  ({ emulator, app } = await openAppWithRegistry());
  page = app.page;
});
after(async () => {
  await app?.close();
  emulator?.stop();
});

/** Runs axe on `target` as it is and fails with a readable list of what it found. */
async function assertAccessible(what, target = page) {
  const violations = await axeViolations(target);
  assert.deepEqual(violations, [], `${what}: ${violations.length} axe violation(s)\n${JSON.stringify(violations, null, 2)}`);
}

const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();

/** Opens one of the site's example cards, as a test's starting point. */
const openExample = (name) => openCardByLink(app, `/examples/${name}`);

/** Opens every collapsed item card, outermost first, until none is left. */
async function expandAllItems() {
  await page.evaluate(async () => {
    const collapsed = () => document.querySelectorAll('.mce-item__toggle[aria-expanded="false"]');
    while (collapsed().length > 0) {
      for (const toggle of collapsed()) toggle.click();
      await new Promise((next) => requestAnimationFrame(next));
    }
  });
}

test("the form: the largest card as it opens, and a card using every widget with every item open", async () => {
  await openExample("large.json");
  await assertAccessible("the form, large card");
  // Opening all of the large card makes 72,000 elements, which axe needs
  // minutes for; the complete example has every widget the schema gives.
  await openExample("complete.json");
  await expandAllItems();
  for (const widget of [".mce-items", ".mce-grid", ".mce-map", ".mce-table", ".mce-list"]) {
    assert.ok((await page.locator(`${widget}:visible`).count()) > 0, `the audit covers ${widget}`);
  }
  await assertAccessible("the form, complete card, every item open");
});

test("the form showing errors, warnings and an unknown field, and the source view", async () => {
  const card = {
    model_overview: { model_creator: "", model_artifact: ["s3://bucket/model.tar.gz"], legacy_owner: "kept" },
    intended_uses: { risk_rating: "Severe" },
    evaluation_details: [{ evaluation_observation: "no name" }],
    additional_information: { custom_details: { team: "fraud" } },
  };
  await page.getByRole("tab", { name: "Source" }).click();
  await paste(page, page.getByRole("textbox", { name: "Card JSON" }), JSON.stringify(card, null, 2));
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=problem-count]").dataset.count) > 0);
  await assertAccessible("the source view");
  await page.getByRole("tab", { name: "Form" }).click();
  await page.getByTestId("form-view").waitFor();
  await expandAllItems();
  assert.equal(await field("/intended_uses/risk_rating").getAttribute("aria-invalid"), "true");
  assert.ok((await page.locator(".mce-unknown").count()) > 0, "the audit covers an unknown field");
  await assertAccessible("the form with problems");
});

test("the printable preview", async () => {
  await openExample("complete.json");
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByTestId("print-view").waitFor();
  await assertAccessible("the preview");
  await page.getByRole("tab", { name: "Form" }).click();
});

test("the paste and AWS CLI dialogs", async () => {
  for (const [button, dialog] of [
    ["Paste…", "Paste a card"],
    ["AWS CLI…", "Update the model package with the AWS CLI"],
  ]) {
    await page.getByRole("button", { name: button }).click();
    const shown = page.getByRole("dialog", { name: dialog });
    await shown.waitFor();
    await assertAccessible(`the "${dialog}" dialog`);
    await page.keyboard.press("Escape");
    await shown.waitFor({ state: "hidden" });
  }
});

test("the start screen with no card open (light, dark and at 320 px), and the AWS CLI dialog asking for the region", async () => {
  const fresh = await openApp();
  try {
    const { page } = fresh;
    await page.goto(fresh.url);
    await page.getByTestId("start-screen").waitFor();
    await assertAccessible("the start screen", page);
    await page.emulateMedia({ colorScheme: "dark" });
    await assertAccessible("the start screen, dark", page);
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 320, height: 740 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, "no sideways scrolling at 320 px");
    await assertAccessible("the start screen at 320 px", page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId("start-new-card").click();
    await page.getByRole("button", { name: "AWS CLI…" }).click();
    const dialog = page.getByRole("dialog", { name: "Update the model package with the AWS CLI" });
    await dialog.getByLabel("AWS region").waitFor();
    await assertAccessible("the AWS CLI dialog asking for the region", page);
  } finally {
    await fresh.close();
  }
});

test("the model registry: groups, a version's details and the review before submitting", async () => {
  await page.getByTestId("open-registry").click();
  await page.getByTestId("registry").waitFor();
  await page.getByRole("button", { name: /fraud-detector/ }).click();
  await page.getByRole("button", { name: "Version 1", exact: true }).click();
  await page.getByTestId("version-details").waitFor();
  await assertAccessible("the registry");
  await page.getByTestId("version-details").getByRole("button", { name: /Edit the card|Write a card/ }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  const recovery = page.locator("#mce-recovery");
  if (await recovery.isVisible()) await recovery.getByRole("button", { name: "Discard it" }).click();
  await field("/model_overview/model_creator").fill("Accessible Team");
  await page.getByTestId("review").click();
  await page.locator("#mce-review").waitFor({ state: "visible" });
  await assertAccessible("the review dialog");
});

test("the review with a long value shown whole, a matrix edit, approval and status lines; the conflict screen; both at 320 px", async () => {
  // Goes on from the review of version 1 the test before opened.
  await page.locator("#mce-review").getByRole("button", { name: "Keep editing" }).click();
  await page.getByRole("tab", { name: "Source" }).click();
  const source = page.getByRole("textbox", { name: "Card JSON" });
  const card = JSON.parse(await source.inputValue());
  card.business_details.business_problem = "Fraud losses on card-not-present payments 💳 rose after the holidays; خسائر الاحتيال ارتفعت بعد العطلة. ".repeat(6);
  card.evaluation_details[0].metric_groups[0].metric_data[4].value = [[98000, 430], [200, 1370]];
  await source.fill(JSON.stringify(card, null, 2));
  await page.getByRole("tab", { name: "Form" }).click();
  await page.getByTestId("submit-bar").getByLabel("Card status").selectOption("Archived");
  const review = page.locator("#mce-review");
  await page.getByTestId("review").click();
  await review.getByLabel("Also set the version's approval status").check();
  await review.getByLabel("Approval description").fill("Reviewed by the model risk office");
  await review.getByRole("button", { name: /Show the whole text \(After/ }).click();
  await assertAccessible("the review with every kind of change");
  await page.setViewportSize({ width: 320, height: 740 });
  try {
    await assertAccessible("the review at 320 px");
    await review.getByRole("button", { name: "Keep editing" }).click();
    const arn = "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud-detector/1";
    const theirs = JSON.parse(emulator.boto("describe", arn).ModelCard.ModelCardContent);
    theirs.model_overview.model_creator = "Changed on the server";
    theirs.business_details.business_problem = "Changed on the server too";
    emulator.boto("set-card", arn, JSON.stringify(theirs), "PendingReview");
    await page.getByTestId("review").click();
    await review.getByTestId("submit").click();
    const conflict = page.locator("#mce-conflict");
    await conflict.waitFor({ state: "visible" });
    await assertAccessible("the conflict screen at 320 px");
    await page.setViewportSize({ width: 1280, height: 720 });
    await assertAccessible("the conflict screen");
    await conflict.getByRole("button", { name: "Keep editing" }).click();
    await page.getByTestId("submit-status").filter({ hasText: /Not submitted/ }).waitFor();
    await assertAccessible("the submit bar saying the submit stopped");
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});

test("the draft recovery dialog and the list of drafts", async () => {
  const fresh = await openApp();
  try {
    const { page } = fresh;
    const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();
    await page.goto(fresh.url);
    await page.getByTestId("file-input").setInputFiles({ name: "fraud.json", mimeType: "application/json", buffer: complete });
    await page.waitForFunction(() => document.querySelector('[data-path="/model_overview/model_creator"]')?.value === "Fraud Analytics Team");
    await field("/model_overview/model_creator").fill("Risk Analytics Team");
    await page.waitForFunction(() => document.querySelector("[data-testid=save-state]").textContent.startsWith("Saved in this browser"));
    await page.reload();
    await page.locator("#mce-recovery").waitFor({ state: "visible" });
    await assertAccessible("the recovery dialog", page);
    // The list of drafts, with this card's draft and a deletion being confirmed.
    await page.locator("#mce-recovery").getByRole("button", { name: "Restore the draft" }).click();
    await page.getByTestId("open-drafts").click();
    await page.locator("#mce-drafts tbody tr").first().waitFor();
    await assertAccessible("the drafts dialog", page);
    await page.evaluate(() => localStorage.setItem("model-card-editor.draft.file:old.json", "{damaged"));
    await page.locator("#mce-drafts").getByRole("button", { name: "Close" }).last().click();
    await page.getByTestId("open-drafts").click();
    await page.locator("#mce-drafts").getByRole("button", { name: "Delete the draft of “old.json”" }).click();
    await assertAccessible("the drafts dialog confirming a deletion", page);
  } finally {
    await fresh.close();
  }
});

test("the dialog for a card another tab changed too", async () => {
  const fresh = await openApp();
  try {
    const { page } = fresh;
    await openCardByLink(fresh, "/examples/complete.json");
    await page.locator('[data-path="/model_overview/model_creator"]').fill("Edited in this tab");
    await page.waitForFunction(() => document.querySelector("[data-testid=save-state]").textContent.startsWith("Saved in this browser"));
    const other = await fresh.context.newPage();
    await other.goto(`${fresh.url}examples/complete.json`);
    await other.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        const draft = JSON.parse(localStorage.getItem(key));
        if (!draft || !("source_card" in draft)) continue;
        draft.card.model_overview.model_creator = "Edited in the other tab";
        localStorage.setItem(key, JSON.stringify(draft));
      }
    });
    await page.locator("#mce-other-tab").waitFor({ state: "visible" });
    await assertAccessible("the other-tab dialog", page);
  } finally {
    await fresh.close();
  }
});

test("the first view, shown while the editor downloads, with an item opened", async () => {
  const waiting = await app.context.newPage();
  try {
    await slowConnection(waiting); // the first view is for slow connections
    await waiting.route(/\/model-card-editor-[0-9a-f]+_bg\.wasm$/, () => {}); // never arrives
    // A card with a draft (an earlier test's) opens in the editor instead.
    await waiting.goto(`${app.url}404`);
    await waiting.evaluate(() => localStorage.removeItem("model-card-editor.draft.link:/examples/large.json"));
    await waiting.goto(`${app.url}?card=/examples/large.json`, { waitUntil: "domcontentloaded" });
    await waiting.locator("#mce-first-view .mce-form").waitFor();
    await waiting.locator('#mce-first-view [data-path="/evaluation_details/0"] .mce-item__toggle').first().click();
    await assertAccessible("the first view", waiting);
  } finally {
    await waiting.close();
  }
});

test("the sign-in form of a deployment that signs in the page, and an error notice", async () => {
  const signing = await openApp({ config: registryConfig(emulator.endpoint, { signing: "sigv4" }) });
  try {
    const { page } = signing;
    await page.goto(`${signing.url}?card=/examples/missing.json`);
    await page.getByTestId("notice-error").waitFor({ state: "visible" });
    await assertAccessible("an error notice", page);
    await page.getByTestId("open-registry").click();
    await page.locator(".mce-credentials").waitFor();
    await assertAccessible("the sign-in form", page);
  } finally {
    await signing.close();
  }
});

test("the registry's states: searches matching nothing, a card status not read, an approval confirmed and refused", async () => {
  await page.goto(app.url);
  await page.getByTestId("registry").waitFor();
  // The card edited in an earlier test is offered back as the page opens.
  const recovery = page.locator("#mce-recovery");
  if (await recovery.waitFor({ state: "visible", timeout: 3000 }).then(() => true, () => false)) {
    await recovery.getByRole("button", { name: "Discard it" }).click();
  }
  const group = (name) => page.getByRole("navigation", { name: "Model package groups" }).getByRole("button", { name: new RegExp(`^${name}`) });
  await group("churn-model").click();
  await group("fraud-detector").click();
  await page.locator("[data-testid=versions] tbody tr[data-arn]").first().waitFor();
  emulator.boto("fault", JSON.stringify({ operation: "DescribeModelPackage", status: 400, type: "ValidationException", message: "Injected" }));
  await page.getByRole("button", { name: "Refresh" }).click();
  await page.getByRole("button", { name: /^Try again: read the card status of / }).waitFor();
  await page.getByLabel("Search groups by name").fill("zzz");
  await page.getByLabel("Search versions").fill("zzz");
  await assertAccessible("the registry with searches matching nothing and a card status not read");
  await page.getByLabel("Search groups by name").fill("");
  await page.getByLabel("Search versions").fill("");
  await page.getByRole("button", { name: "Version 1", exact: true }).click();
  const form = page.getByRole("form", { name: "Approval" });
  await form.getByRole("button", { name: "Update approval" }).click();
  await form.getByTestId("approval-done").getByText(/is now/).waitFor();
  await assertAccessible("the registry with an approval confirmed");
  emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", status: 400, type: "ValidationException", message: "Refused" }));
  await form.getByRole("button", { name: "Update approval" }).click();
  await form.getByTestId("approval-problem").waitFor({ state: "visible" });
  await assertAccessible("the registry with an approval refused");
  // The browser logs the two refusals this test injected (the emulator's
  // status text "Fault"); they are not the page's errors.
  const injected = "console error: Failed to load resource: the server responded with a status of 400 (Fault)";
  assert.equal(app.errors.filter((error) => error === injected).length, 2);
  app.errors.splice(0, app.errors.length, ...app.errors.filter((error) => error !== injected));
});

test("at 320 CSS pixels wide the form, the registry and the preview reflow without scrolling sideways (WCAG 1.4.10)", async () => {
  // Nothing may scroll sideways but data tables and charts (which WCAG
  // 1.4.10 excepts as two-dimensional content), inside their own box: the
  // page, the main area and every group of fields fit the width.
  const sideways = () =>
    page.evaluate(() => [
      document.documentElement.scrollWidth - window.innerWidth,
      ...[...document.querySelectorAll(".mce-main, .mce-main div, .mce-main section, .mce-main li")]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .filter((element) => !element.closest(".mce-table-scroll, .mce-chart-panel__body"))
        .map((element) => element.id || element.className),
    ]);
  await page.setViewportSize({ width: 320, height: 740 });
  try {
    await openExample("complete.json");
    await expandAllItems();
    assert.deepEqual(await sideways(), [0], "the form");
    await assertAccessible("the form at 320 px");
    await page.getByTestId("open-registry").click();
    await page.getByRole("button", { name: /fraud-detector/ }).click();
    await page.getByRole("button", { name: "Version 1", exact: true }).click();
    await page.getByTestId("version-details").waitFor();
    assert.deepEqual(await sideways(), [0], "the registry");
    await assertAccessible("the registry at 320 px");
    await page.getByRole("tab", { name: "Preview" }).click();
    await page.getByTestId("print-view").waitFor();
    assert.deepEqual(await sideways(), [0], "the preview");
    await assertAccessible("the preview at 320 px");
    await page.getByRole("tab", { name: "Form" }).click();
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});

test("in dark mode: the form with every item open, the preview, the form with problems and an unknown field, and a dialog", async () => {
  await page.emulateMedia({ colorScheme: "dark" });
  try {
    await openExample("complete.json");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, "rgb(13, 17, 23)", "the dark palette is in use");
    await expandAllItems();
    await assertAccessible("the form, dark");
    await page.getByRole("tab", { name: "Preview" }).click();
    await page.getByTestId("print-view").waitFor();
    await assertAccessible("the preview, dark");
    await page.getByRole("tab", { name: "Source" }).click();
    const card = {
      model_overview: { model_creator: "", legacy_owner: "kept" },
      intended_uses: { risk_rating: "Severe" },
      evaluation_details: [{ evaluation_observation: "no name" }],
    };
    await paste(page, page.getByRole("textbox", { name: "Card JSON" }), JSON.stringify(card, null, 2));
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=problem-count]").dataset.count) > 0);
    await page.getByRole("tab", { name: "Form" }).click();
    await page.getByTestId("form-view").waitFor();
    await expandAllItems();
    await assertAccessible("the form with problems, dark");
    // With problems in the card, exporting asks first.
    await page.getByRole("button", { name: "AWS CLI…" }).click();
    await page.locator("dialog[open]").waitFor();
    await assertAccessible("the export confirmation, dark");
    await page.keyboard.press("Escape");
  } finally {
    await page.emulateMedia({ colorScheme: "light" });
  }
});

test("in forced colours (Windows high contrast) the selected view tab keeps a visible mark", async () => {
  await openExample("complete.json");
  const selectedTab = page.getByRole("tab", { selected: true });
  const outlineOf = (tab) => tab.evaluate((element) => getComputedStyle(element).outlineStyle);
  assert.equal(await outlineOf(selectedTab), "none", "no outline in normal colours, where the background marks it");
  await page.emulateMedia({ forcedColors: "active" });
  try {
    const outline = await outlineOf(selectedTab);
    assert.equal(outline, "solid");
    assert.equal(await outlineOf(page.getByRole("tab", { selected: false }).first()), "none");
  } finally {
    await page.emulateMedia({ forcedColors: "none" });
  }
});

test("the first Tab reaches a skip link that takes the keyboard past the toolbar to the card", async () => {
  await openExample("complete.json");
  await page.locator("body").focus();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  assert.equal(await skip.evaluate((link) => link === document.activeElement), true);
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0, "visible once focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "mce-main");
  assert.equal(new URL(page.url()).hash, "", "the address is left alone");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.getElementById("mce-main").contains(document.activeElement)), "the next stop is in the main area");
  const away = await skip.boundingBox();
  assert.ok(away.y + away.height <= 0, "off screen again once focus has moved on");
});

test("the page raised no errors", () => {
  assert.deepEqual(app.errors, []);
});
