// End-to-end: the review before a submit shows every change readably at
// every width (where, before and after inside the dialog, long values
// shortened with the whole a keystroke away, many cells of one matrix one
// change), says what changes beside the card (card status, approval), the
// conflict screen names what the server changed (its card status too), and
// what a submit came to is said beside the submit bar. Against the
// SageMaker emulator; what was stored is read back with boto3.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { openRegistryScreen } from "./support.mjs";

const GROUP = "fraud-detector";
const arn = (version) => `arn:aws:sagemaker:us-east-2:123456789012:model-package/${GROUP}/${version}`;
const MATRIX = "/evaluation_details/0/metric_groups/0/metric_data/4/value";

let emulator;
let app;
let page;
before(async () => {
  ({ emulator, app, page } = await openRegistryScreen({ viewport: { width: 1440, height: 900 } }));
});
after(async () => {
  await app?.close();
  emulator?.stop();
});
// A test that failed may leave a dialog open: each test starts without one.
beforeEach(async () => {
  while ((await page.locator("dialog[open]").count()) > 0) await page.keyboard.press("Escape");
});

const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();
const review = () => page.locator("#mce-review");
const storedCard = (version) => {
  const described = emulator.boto("describe", arn(version));
  return { described, card: JSON.parse(described.ModelCard.ModelCardContent) };
};

async function openVersion(version) {
  if (!(await page.getByTestId("registry").isVisible())) await page.getByTestId("open-registry").click();
  await page.getByRole("button", { name: new RegExp(GROUP) }).click();
  await page.getByRole("button", { name: `Version ${version}`, exact: true }).click();
  await page.waitForFunction((v) => document.querySelector("#mce-details-heading")?.textContent.endsWith(`version ${v}`), version);
  await page.getByTestId("version-details").getByRole("button", { name: /Edit the card|Write a card/ }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  const recovery = page.locator("#mce-recovery");
  if (await recovery.isVisible()) await recovery.getByRole("button", { name: "Discard it" }).click();
}

/** Types `rows` into the confusion matrix's cells, opening the items on the way as a reviewer does. */
async function editMatrix(rows) {
  await page.evaluate(async () => {
    const collapsed = () => document.querySelectorAll('.mce-item__toggle[aria-expanded="false"]');
    while (collapsed().length > 0) {
      for (const toggle of collapsed()) toggle.click();
      await new Promise((next) => requestAnimationFrame(next));
    }
  });
  for (const [row, values] of rows.entries()) {
    for (const [column, value] of values.entries()) await field(`${MATRIX}/${row}/${column}`).fill(String(value));
  }
}

async function openReview() {
  await page.getByTestId("review").click();
  await review().waitFor({ state: "visible" });
}

async function closeReview() {
  await review().getByRole("button", { name: "Keep editing" }).click();
  await review().waitFor({ state: "hidden" });
}

/**
 * What of `dialog` cannot be read without scrolling sideways: every
 * listed change (and each of its parts) must lie inside the dialog's
 * visible width, and no element may be wider than its own box.
 */
function unreadable(dialog, listSelector) {
  return page.evaluate(
    ([dialogSelector, listSelector]) => {
      const dialog = document.querySelector(dialogSelector);
      const box = dialog.getBoundingClientRect();
      const inside = { left: box.left + dialog.clientLeft, right: box.left + dialog.clientLeft + dialog.clientWidth };
      // Text for screen readers only is clipped to a pixel on purpose.
      const shown = (element) => element.getClientRects().length > 0 && !element.closest("[hidden], .mce-visually-hidden");
      const name = (element) => `${element.tagName.toLowerCase()}.${element.className || ""}[${element.closest("[data-pointer]")?.dataset.pointer ?? ""}]`;
      const problems = [];
      const changes = [...dialog.querySelectorAll(`${listSelector} [data-pointer]`)].filter(shown);
      if (changes.length === 0) problems.push("no change is listed");
      for (const change of changes) {
        for (const element of [change, ...change.querySelectorAll("*")].filter(shown)) {
          const rect = element.getBoundingClientRect();
          if (rect.width > 0 && (rect.left < inside.left - 1 || rect.right > inside.right + 1)) {
            problems.push(`${name(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)}, the dialog shows ${Math.round(inside.left)}–${Math.round(inside.right)}`);
          }
        }
      }
      for (const element of [dialog, ...dialog.querySelectorAll("*")].filter(shown)) {
        if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
          problems.push(`${name(element)} is ${element.scrollWidth} px wide in a ${element.clientWidth} px box`);
        }
      }
      return problems;
    },
    [dialog, listSelector],
  );
}

const LONG_TEXT =
  "Fraud losses on card-not-present payments 💳 rose 18% after the holiday season; خسائر الاحتيال في المدفوعات عبر الإنترنت ارتفعت بعد العطلة. " +
  "The model scores every authorisation request within 40 ms, and the payments risk team reviews anything above the threshold before funds move. 👩‍👩‍👧‍👦 ".repeat(4);
const LONG_URL = `s3://acme-ml-models/fraud-detector/${"retrain-2026-11-20-".repeat(12)}model.tar.gz`;

test("every change's where, before and after can be read inside the dialog at 1440 x 900 and at 320 x 740", async () => {
  await openVersion(1);
  await field("/model_overview/model_creator").fill("Risk Analytics Team");
  await field("/business_details/business_problem").fill(LONG_TEXT);
  await field("/model_overview/model_artifact/0").fill(LONG_URL);
  await editMatrix([
    [98000, 430],
    [200, 1370],
  ]);
  await page.getByTestId("submit-bar").getByLabel("Card status").selectOption("PendingReview");
  try {
    for (const [width, height] of [
      [1440, 900],
      [320, 740],
    ]) {
      await page.setViewportSize({ width, height });
      await openReview();
      const problems = await unreadable("#mce-review", "[data-testid=review-changes]");
      assert.deepEqual(problems, [], `at ${width} x ${height}`);
      const changes = await review()
        .getByTestId("review-changes")
        .locator(":scope > li")
        .evaluateAll((items) => items.map((item) => item.dataset.pointer));
      assert.deepEqual(changes, ["/model_overview/model_creator", "/model_overview/model_artifact/0", "/business_details/business_problem", MATRIX]);
      const creator = review().locator('[data-pointer="/model_overview/model_creator"]');
      assert.match(await creator.locator(".mce-change__where").textContent(), /Changed.*Model overview › Model creator/);
      assert.deepEqual(await creator.locator("dt").allTextContents(), ["Before", "After"]);
      assert.deepEqual(await creator.locator("dd").allTextContents(), ["“Fraud Analytics Team”", "“Risk Analytics Team”"]);
      await closeReview();
    }
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});

test("a long value is shortened in the list and its whole text is reachable from the keyboard", async () => {
  await openVersion(1);
  await field("/business_details/business_problem").fill(LONG_TEXT);
  await openReview();
  const change = review().locator('[data-pointer="/business_details/business_problem"]');
  const after = change.locator(".mce-change__side").nth(1);
  const shortened = await after.locator(".mce-value__text").textContent();
  assert.ok(shortened.length < LONG_TEXT.length / 2, `the list shows ${shortened.length} of ${LONG_TEXT.length} characters`);
  assert.match(shortened, /^“Fraud losses on card-not-present payments 💳 .*…”$/su);
  assert.ok(LONG_TEXT.startsWith(shortened.slice(1, -2)), "the start of the text, cut at a character");
  // From the keyboard alone: Tab to the disclosure, Enter opens it.
  const disclosure = after.getByRole("button", { name: /Show the whole text \(After, [\d,]+ characters\)/ });
  let reached = false;
  for (let press = 0; press < 20 && !reached; press += 1) {
    await page.keyboard.press("Tab");
    reached = await disclosure.evaluate((button) => button === document.activeElement);
  }
  assert.ok(reached, "Tab reaches the disclosure of the whole text");
  assert.equal(await disclosure.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Enter");
  assert.equal(await disclosure.getAttribute("aria-expanded"), "true");
  const whole = page.locator(`#${await disclosure.getAttribute("aria-controls")}`);
  await whole.waitFor({ state: "visible" });
  assert.equal(await whole.textContent(), LONG_TEXT, "the whole text, as typed, as text");
  const problems = await unreadable("#mce-review", "[data-testid=review-changes]");
  assert.deepEqual(problems, [], "the whole text wraps inside the dialog");
  await closeReview();
});

test("many cells of one matrix edited are one change listing each cell by its labels, and are what is stored", async () => {
  await openVersion(1);
  await editMatrix([
    [98000, 430],
    [200, 1370],
  ]);
  await openReview();
  const changes = review().getByTestId("review-changes").locator(":scope > li");
  assert.equal(await changes.count(), 1, "one change for the matrix");
  const matrix = changes.first();
  assert.equal(await matrix.getAttribute("data-pointer"), MATRIX);
  assert.match(await matrix.locator(".mce-change__where").textContent(), /Metric 5 “confusion matrix” › Matrix$/);
  assert.match(await matrix.textContent(), /4 cells changed/);
  const cells = await matrix.locator("li").evaluateAll((items) =>
    items.map((item) => [
      item.dataset.pointer,
      item.querySelector(".mce-change__cell-label").textContent,
      item.querySelector(".mce-change__from").textContent,
      item.querySelector(".mce-change__to").textContent,
    ]),
  );
  assert.deepEqual(cells, [
    [`${MATRIX}/0/0`, "Row 1 “actual legit”, column 1 “predicted legit”", "98120", "98000"],
    [`${MATRIX}/0/1`, "Row 1 “actual legit”, column 2 “predicted fraud”", "310", "430"],
    [`${MATRIX}/1/0`, "Row 2 “actual fraud”, column 1 “predicted legit”", "214", "200"],
    [`${MATRIX}/1/1`, "Row 2 “actual fraud”, column 2 “predicted fraud”", "1356", "1370"],
  ]);
  await review().getByTestId("submit").click();
  await page.getByTestId("submit-status").filter({ hasText: /Submitted\./ }).waitFor({ timeout: 20000 });
  const { card } = storedCard(1);
  assert.deepEqual(card.evaluation_details[0].metric_groups[0].metric_data[4].value, [
    [98000, 430],
    [200, 1370],
  ]);
});

/** The review's lines beside the card: [what, before, after or "unchanged"]. */
const besideLines = () =>
  review()
    .getByTestId("review-beside")
    .locator(":scope > li")
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector(".mce-beside__what").textContent,
        item.querySelector(".mce-change__from, .mce-value").textContent,
        item.querySelector(".mce-change__to")?.textContent ?? "unchanged",
      ]),
    );

test("the review says what changes beside the card: card status, approval status and description", async () => {
  await openVersion(2);
  await page.getByTestId("submit-bar").getByLabel("Card status").selectOption("PendingReview");
  await openReview();
  assert.deepEqual(await besideLines(), [
    ["Card status", "Draft", "PendingReview"],
    ["Approval status", "Rejected", "unchanged"],
  ]);
  await review().getByLabel("Also set the version's approval status").check();
  await review().getByLabel("Approval status", { exact: true }).selectOption("Approved");
  await review().getByLabel("Approval description").fill("Recall is fine after the rerun");
  assert.deepEqual(await besideLines(), [
    ["Card status", "Draft", "PendingReview"],
    ["Approval status", "Rejected", "Approved"],
    ["Approval description", "“Recall too low on new merchants”", "“Recall is fine after the rerun”"],
  ]);
  assert.match(await review().getByTestId("review-summary").textContent(), /fraud-detector, version 2/);
  await review().getByTestId("submit").click();
  await page.getByTestId("submit-status").filter({ hasText: /Submitted\./ }).waitFor({ timeout: 20000 });
  const { described } = storedCard(2);
  assert.equal(described.ModelCard.ModelCardStatus, "PendingReview");
  assert.equal(described.ModelApprovalStatus, "Approved");
  assert.equal(described.ApprovalDescription, "Recall is fine after the rerun");
});

test("the conflict screen names what the server changed, its card status included, readably at 320 px, and Merge takes it", async () => {
  await openVersion(1);
  await field("/model_overview/model_creator").fill("Mine");
  const { described } = storedCard(1);
  const openedStatus = described.ModelCard.ModelCardStatus;
  // Edited as text, so every number keeps the text it was written with.
  const theirs = described.ModelCard.ModelCardContent.replace(/"line_of_business":"[^"]*"/, '"line_of_business":"Changed by boto3"');
  emulator.boto("set-card", arn(1), theirs, "Archived");
  await page.getByTestId("review").click();
  await review().getByTestId("submit").click();
  const dialog = page.locator("#mce-conflict");
  await dialog.waitFor({ state: "visible" });
  const beside = await dialog.getByTestId("conflict-beside").locator(":scope > li").evaluateAll((items) =>
    items.map((item) => [item.querySelector(".mce-beside__what").textContent, item.querySelector(".mce-change__from").textContent, item.querySelector(".mce-change__to").textContent]),
  );
  assert.deepEqual(beside, [["Card status", openedStatus, "Archived"]]);
  const serverChanges = await dialog.getByTestId("conflict-server-changes").locator(":scope > li").evaluateAll((items) => items.map((item) => item.dataset.pointer));
  assert.deepEqual(serverChanges, ["/business_details/line_of_business"]);
  try {
    await page.setViewportSize({ width: 320, height: 740 });
    assert.deepEqual(await unreadable("#mce-conflict", ""), [], "at 320 x 740");
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  await dialog.getByRole("button", { name: "Merge" }).click();
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.getByTestId("submit-bar").getByLabel("Card status").inputValue(), "Archived", "the server's status is taken");
  assert.match(await page.getByTestId("submit-status").textContent(), /The card status is the server's: Archived\./);
  await page.getByTestId("review").click();
  await review().getByTestId("submit").click();
  await page.getByTestId("submit-status").filter({ hasText: /Submitted\./ }).waitFor({ timeout: 20000 });
  const stored = storedCard(1);
  assert.equal(stored.described.ModelCard.ModelCardStatus, "Archived");
  assert.equal(stored.card.model_overview.model_creator, "Mine");
  assert.equal(stored.card.business_details.line_of_business, "Changed by boto3");
});

test("a submit's progress, confirmation and errors are said beside the submit bar, not at the top of the page", async () => {
  await openVersion(4);
  await field("/model_overview/model_creator").fill("Beside the bar");
  // Scrolled down to the card's end, as a reviewer who read it all is.
  await page.evaluate(() => document.querySelector(".mce-main").scrollTo(0, 1e6));
  await page.getByTestId("review").click();
  await review().getByTestId("submit").click();
  const status = page.getByTestId("submit-status");
  await status.filter({ hasText: /Submitted\./ }).waitFor({ timeout: 20000 });
  assert.match(await status.textContent(), /^Submitted\. fraud-detector, version 4 now holds this card \(status Draft\)\.$/);
  assert.equal(await status.getAttribute("role"), "status");
  const inside = (outer, inner) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
  const bar = await page.getByTestId("submit-bar").boundingBox();
  assert.ok(inside(bar, await status.boundingBox()), "the confirmation is inside the submit bar");
  assert.ok(await status.isVisible() && (await status.evaluate((element) => element.getBoundingClientRect().top >= 0)), "and in view");
  assert.doesNotMatch(await page.getByTestId("notice").textContent(), /Submitted/, "not in the notice at the top");
  assert.equal(storedCard(4).card.model_overview.model_creator, "Beside the bar");

  await field("/model_overview/model_creator").fill("Refused");
  emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", status: 400, type: "ValidationException", message: "Model card content is too long" }));
  await page.getByTestId("review").click();
  await review().getByTestId("submit").click();
  const error = page.getByTestId("submit-error");
  await error.filter({ hasText: /Model card content is too long/ }).waitFor({ timeout: 20000 });
  assert.equal(await error.getAttribute("role"), "alert");
  assert.match(await error.textContent(), /Your edits are kept\./);
  assert.ok(inside(await page.getByTestId("submit-bar").boundingBox(), await error.boundingBox()), "the error is inside the submit bar");
  assert.doesNotMatch(await page.getByTestId("notice-error").textContent(), /too long/, "not in the notice at the top");
  assert.equal(await field("/model_overview/model_creator").inputValue(), "Refused");
});
