// End-to-end: a restored draft comes back where it was. A registry
// version's draft reopens the version (its submit bar, the card status of
// the draft) in the view, section and field the reviewer was in, with focus
// there; a change made on the server since is still caught at submit; when
// the version cannot be reopened the card is restored all the same, the
// dialog says why and the draft is kept. Also: an evaluation's collapsed
// header follows its name as it is typed, and every word on a draft says it
// is saved in this browser. What the app submitted is read back with boto3.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, openCardByLink, openRegistryScreen } from "./support.mjs";

const GROUP = "fraud-detector";
const arn = (version) => `arn:aws:sagemaker:us-east-2:123456789012:model-package/${GROUP}/${version}`;
const draftKey = (version) => `model-card-editor.draft.arn:${arn(version)}`;
const SHOTS = "/tmp/shots-restore";

let emulator;
let app;
let page;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ emulator, app, page } = await openRegistryScreen({ viewport: { width: 1440, height: 900 } }));
});
after(async () => {
  await app?.close();
  emulator?.stop();
});

const field = (pointer) => page.locator(`#mce-main [data-path="${pointer}"]`).first();
const recovery = () => page.locator("#mce-recovery");
const submitBar = () => page.getByTestId("submit-bar");

async function openVersion(version) {
  if (new URL(page.url()).search) {
    // Leave a linked card's address, whose reload would open that card.
    await page.goto(app.url);
    await page.getByTestId("registry").waitFor();
    if (await recovery().isVisible()) {
      await recovery().getByRole("button", { name: "Discard it" }).click();
      await recovery().waitFor({ state: "hidden" });
    }
  }
  if (!(await page.getByTestId("registry").isVisible())) await page.getByTestId("open-registry").click();
  await page.getByRole("button", { name: new RegExp(GROUP) }).click();
  await page.getByRole("button", { name: `Version ${version}`, exact: true }).click();
  await page.waitForFunction((v) => document.querySelector("#mce-details-heading")?.textContent.endsWith(`version ${v}`), version);
  await page.getByTestId("version-details").getByRole("button", { name: /Edit the card|Write a card/ }).click();
  await submitBar().waitFor({ state: "visible" });
  if (await recovery().isVisible()) {
    await recovery().getByRole("button", { name: "Discard it" }).click();
    await recovery().waitFor({ state: "hidden" });
  }
}

/** Waits until the version's stored draft holds `text`. */
async function draftHolds(version, text) {
  await page.waitForFunction(([key, text]) => localStorage.getItem(key)?.includes(text), [draftKey(version), text]);
}

async function reloadToOffer() {
  await page.reload();
  await recovery().waitFor({ state: "visible" });
  return recovery();
}

async function restore() {
  await recovery().getByRole("button", { name: "Restore the draft" }).click();
  await recovery().waitFor({ state: "hidden", timeout: 15000 });
}

async function dismissNotices() {
  for (const id of ["notice", "notice-error"]) {
    const target = page.getByTestId(id);
    if (await target.isVisible()) await target.getByRole("button", { name: "Dismiss" }).click();
  }
}

/** Waits for a submit's outcome, said beside the submit bar. */
async function waitForSubmitted(pattern) {
  const status = page.getByTestId("submit-status");
  await status.filter({ hasText: pattern }).waitFor({ timeout: 20000 });
  return status.textContent();
}

/** Waits until the registry screen behind the recovery prompt has read every card status it lists. */
async function registryRead() {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll("[data-testid=versions] td[data-column=card]")];
    return cells.length > 0 && cells.every((cell) => !cell.textContent.includes("Reading"));
  });
}

async function submit() {
  await dismissNotices();
  await page.getByTestId("review").click();
  await page.locator("#mce-review").getByTestId("submit").click();
}

const storedCard = (version) => {
  const described = emulator.boto("describe", arn(version));
  return { described, card: JSON.parse(described.ModelCard.ModelCardContent) };
};

/** Waits until the focused element is the field at `pointer`, and says whether it is in view. */
async function focusedInView(pointer) {
  await page.waitForFunction((pointer) => document.activeElement?.dataset?.path === pointer, pointer, { timeout: 10000 });
  return page.evaluate(() => {
    const box = document.activeElement.getBoundingClientRect();
    const main = document.getElementById("mce-main").getBoundingClientRect();
    const inMain = box.top >= main.top && box.bottom <= main.bottom;
    const inWindow = box.top >= 0 && box.bottom <= window.innerHeight;
    return inMain && inWindow && box.height > 0;
  });
}

/** A screenshot at the page's present size, named by its width. */
async function shoot(name) {
  const { width } = page.viewportSize();
  await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
}

async function narrow() {
  await page.setViewportSize({ width: 320, height: 720 });
}

async function wide() {
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function assertAccessible(what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: axe violations\n${JSON.stringify(violations, null, 2)}`);
}

test("a registry version's draft restored after a reload reopens the version in the section and field the reviewer was in", async () => {
  await openVersion(1);
  await submitBar().getByLabel("Card status").selectOption("PendingReview");
  await page.locator('.mce-sections__link[data-section="training_details"]').click();
  const pointer = "/training_details/training_observations";
  const typed = "Converged after 180 rounds. Checked by the risk office 🧪 — נבדק על ידי צוות הסיכונים";
  await field(pointer).fill("Converged after 180 rounds.");
  await page.keyboard.type(" Checked by the risk office 🧪 — נבדק על ידי צוות הסיכונים");
  await draftHolds(1, "צוות הסיכונים");
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), draftKey(1));
  assert.deepEqual(stored.place, { view: "form", section: "training_details", field: pointer });
  assert.equal(stored.registry_base.arn, arn(1));
  assert.ok(stored.registry_base.last_modified_time > 0, "the draft keeps when the version was last changed");

  await reloadToOffer();
  await shoot("recovery-prompt");
  await restore();

  await submitBar().waitFor({ state: "visible" });
  assert.match(await submitBar().textContent(), /fraud-detector, version 1/);
  assert.equal(await page.getByTestId("registry").count(), 0, "the registry screen is gone");
  assert.equal(await submitBar().getByLabel("Card status").inputValue(), "PendingReview", "the card status of the draft");
  assert.ok(await focusedInView(pointer), "the field has focus, scrolled into view");
  assert.equal(await field(pointer).inputValue(), typed);
  assert.equal(await page.getByRole("tab", { name: "Form" }).getAttribute("aria-selected"), "true");
  assert.match(
    await page.getByTestId("notice").textContent(),
    /fraud-detector, version 1 is open again: Review and submit sends this card to the registry\./,
  );
  await shoot("after-restore");

  // Typing goes on where it was: the caret is in the field.
  await page.keyboard.type(" ✓");
  assert.equal(await field(pointer).inputValue(), `${typed} ✓`);
  await submit();
  await waitForSubmitted(/Submitted\. fraud-detector, version 1 now holds this card \(status PendingReview\)/);
  const { described, card } = storedCard(1);
  assert.equal(card.training_details.training_observations, `${typed} ✓`);
  assert.equal(described.ModelCard.ModelCardStatus, "PendingReview");
  assert.deepEqual(app.errors, []);
});

test("a draft left in the source view comes back in the source view, caret where it was, and submits", async () => {
  await openVersion(2);
  await page.getByRole("tab", { name: "Source" }).click();
  const text = page.getByRole("textbox", { name: "Card JSON" });
  const at = (await text.inputValue()).indexOf("Fraud Analytics Team") + "Fraud Analytics Team".length;
  await text.focus();
  await text.evaluate((element, at) => element.setSelectionRange(at, at), at);
  const typed = " & Source Reviewers ✓";
  await page.keyboard.type(typed);
  await draftHolds(2, "Source Reviewers");

  await reloadToOffer();
  await restore();
  await submitBar().waitFor({ state: "visible" });
  assert.match(await submitBar().textContent(), /fraud-detector, version 2/);
  assert.equal(await page.getByRole("tab", { name: "Source" }).getAttribute("aria-selected"), "true");
  await page.waitForFunction(() => document.activeElement?.id === "mce-source-text", null, { timeout: 10000 });
  assert.ok((await text.inputValue()).includes(`Fraud Analytics Team${typed}`));
  assert.deepEqual(
    await text.evaluate((element) => [element.selectionStart, element.selectionEnd]),
    [at + typed.length, at + typed.length],
    "the caret is where typing stopped",
  );
  await shoot("after-restore-source");

  await submit();
  await waitForSubmitted(/Submitted\. fraud-detector, version 2 now holds this card/);
  assert.equal(storedCard(2).card.model_overview.model_creator, `Fraud Analytics Team${typed}`);
});

test("a change made in the registry between the edit and the restore is still caught at submit, and merged", async () => {
  // On a phone-sized screen: the restored field is in view there too.
  await narrow();
  await openVersion(1);
  await page.getByRole("tab", { name: "Form" }).click();
  await field("/business_details/business_problem").fill("Mine: chargebacks on card-not-present payments.");
  await draftHolds(1, "Mine: chargebacks");
  // Behind the app's back, before the reload: the same field and another.
  const theirs = storedCard(1).card;
  theirs.business_details.business_problem = "Theirs: fraud losses.";
  theirs.business_details.line_of_business = "Changed by boto3";
  emulator.boto("set-card", arn(1), JSON.stringify(theirs), "PendingReview");

  await reloadToOffer();
  await shoot("recovery-prompt");
  await restore();
  await submitBar().waitFor({ state: "visible" });
  assert.ok(await focusedInView("/business_details/business_problem"));
  await shoot("after-restore");
  assert.match(await page.getByTestId("notice").textContent(), /changed in the registry since this draft was started/);
  assert.equal(await field("/business_details/business_problem").inputValue(), "Mine: chargebacks on card-not-present payments.");
  await submit();
  const conflict = page.locator("#mce-conflict");
  await conflict.waitFor({ state: "visible", timeout: 15000 });
  const places = await conflict.getByTestId("conflicts").locator("fieldset").evaluateAll((sets) => sets.map((set) => set.dataset.pointer));
  assert.deepEqual(places, ["/business_details/business_problem"]);
  assert.match(await conflict.textContent(), /On the server now“Theirs: fraud losses\.”Your edit“Mine: chargebacks on card-not-present payments\.”/);
  assert.equal(storedCard(1).card.business_details.business_problem, "Theirs: fraud losses.", "nothing was overwritten");
  await conflict.getByRole("button", { name: "Merge" }).click();
  await conflict.waitFor({ state: "hidden" });
  assert.equal(await field("/business_details/line_of_business").inputValue(), "Changed by boto3");
  await submit();
  await waitForSubmitted(/Submitted\./);
  const { card } = storedCard(1);
  assert.equal(card.business_details.business_problem, "Mine: chargebacks on card-not-present payments.");
  assert.equal(card.business_details.line_of_business, "Changed by boto3");
  await wide();
});

test("a draft restored from Edit the card after a change in the registry is checked against the registry too", async () => {
  await openVersion(3);
  await page.getByRole("tab", { name: "Form" }).click();
  const pointer = "/model_overview/model_creator";
  await field(pointer).fill("Large evaluation team, mine");
  await draftHolds(3, "Large evaluation team, mine");
  const theirs = storedCard(3).card;
  theirs.model_overview.model_creator = "Large evaluation team, theirs";
  emulator.boto("set-card", arn(3), JSON.stringify(theirs), "PendingReview");
  // Back to the version and Edit the card: the draft is offered against
  // what the registry holds now.
  await page.getByRole("button", { name: "← Registry" }).click();
  await page.getByRole("button", { name: new RegExp(GROUP) }).click();
  await page.getByRole("button", { name: "Version 3", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("#mce-details-heading")?.textContent.endsWith("version 3"));
  await page.getByTestId("version-details").getByRole("button", { name: "Edit the card" }).click();
  await recovery().waitFor({ state: "visible" });
  const offered = await recovery().textContent();
  await restore();
  assert.ok(await focusedInView(pointer));
  await submit();
  const conflict = page.locator("#mce-conflict");
  await conflict.waitFor({ state: "visible", timeout: 15000 });
  assert.match(await conflict.textContent(), /On the server now“Large evaluation team, theirs”Your edit“Large evaluation team, mine”/);
  assert.equal(storedCard(3).card.model_overview.model_creator, "Large evaluation team, theirs", "nothing was overwritten unseen");
  await conflict.getByRole("button", { name: "Keep editing" }).click();
  assert.match(offered, /The version changed in the registry since this draft was started\. Restoring keeps your edits; Review and submit then shows the registry's changes to merge/);
});

test("a draft left in the preview, or on a section, comes back there", async () => {
  await openCardByLink(app, "/examples/complete.json");
  await page.getByRole("tab", { name: "Form" }).click();
  await field("/model_overview/model_creator").fill("Preview team");
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByTestId("print-view").waitFor();
  await reloadToOffer();
  await restore();
  await page.waitForFunction(() => document.activeElement?.id === "mce-tab-preview", null, { timeout: 10000 });
  assert.equal(await page.getByRole("tab", { name: "Preview" }).getAttribute("aria-selected"), "true");
  assert.match(await page.getByTestId("print-view").textContent(), /Preview team/);

  await page.getByRole("tab", { name: "Form" }).click();
  await page.locator('.mce-sections__link[data-section="evaluation_details"]').click();
  await page.waitForFunction(() => document.activeElement?.dataset?.section === "evaluation_details");
  await reloadToOffer();
  await restore();
  await page.waitForFunction(() => document.activeElement?.dataset?.section === "evaluation_details", null, { timeout: 10000 });
  const headingInView = await page.evaluate(() => {
    const box = document.querySelector('[data-section="evaluation_details"] h2').getBoundingClientRect();
    return box.top >= document.getElementById("mce-main").getBoundingClientRect().top && box.bottom <= window.innerHeight;
  });
  assert.ok(headingInView, "the section's heading is in view");
});

test("Open in the Drafts dialog reopens a registry version's draft where it was", async () => {
  await openVersion(2);
  await page.getByRole("tab", { name: "Form" }).click();
  const pointer = "/intended_uses/risk_rating";
  await field(pointer).focus();
  await field(pointer).selectOption("Medium");
  await draftHolds(2, '"risk_rating":"Medium"');
  // Another card: the version's submit bar does not belong to it.
  await page.locator("summary", { hasText: "Examples" }).click();
  await page.getByRole("button", { name: "Complete example" }).click();
  await page.waitForFunction(() => /complete example/.test(document.querySelector("[data-testid=notice]").textContent));
  assert.equal(await submitBar().isVisible(), false, "no submit bar for the example");

  await page.getByTestId("open-drafts").click();
  const drafts = page.locator("#mce-drafts");
  await drafts.waitFor({ state: "visible" });
  await drafts.getByRole("button", { name: `Open the draft of model package ${arn(2)}` }).click();
  await drafts.waitFor({ state: "hidden", timeout: 15000 });
  await submitBar().waitFor({ state: "visible" });
  assert.match(await submitBar().textContent(), /fraud-detector, version 2/);
  assert.ok(await focusedInView(pointer));
  assert.equal(await field(pointer).inputValue(), "Medium");
  assert.match(await page.getByTestId("notice").textContent(), /Opened the draft of model package .*\/2 saved in this browser \d{4}-\d{2}-\d{2} \d{2}:\d{2}\. fraud-detector, version 2 is open again/);
  await submit();
  await waitForSubmitted(/Submitted\. fraud-detector, version 2 now holds this card/);
  assert.equal(storedCard(2).card.intended_uses.risk_rating, "Medium");
});

test("a version that cannot be reopened: the card is restored anyway, the dialog says why, and the draft is kept", async () => {
  await openVersion(4);
  const pointer = "/model_overview/model_creator";
  await field(pointer).fill("Card written offline 🛰️");
  await draftHolds(4, "Card written offline");
  const gone = { operation: "DescribeModelPackage", status: 400, type: "ValidationException", message: `Model package ${arn(4)} does not exist.` };

  // Gone on the first try; there on the second. (The registry screen behind
  // the prompt reads its card statuses first: the fault is for the reopening.)
  await reloadToOffer();
  await registryRead();
  emulator.boto("fault", JSON.stringify(gone));
  await recovery().getByRole("button", { name: "Restore the draft" }).click();
  const problem = recovery().getByTestId("resume-problem");
  await problem.waitFor({ state: "visible", timeout: 15000 });
  assert.match(
    await problem.textContent(),
    /^Your draft is restored, but fraud-detector, version 4 could not be reopened from the model registry, so it cannot be submitted from here yet\. The service refused the request as invalid\. The service said: “Model package .* does not exist\.” The draft stays saved in this browser\.$/,
  );
  assert.equal(await field(pointer).inputValue(), "Card written offline 🛰️", "the card is restored behind the dialog");
  assert.equal(await submitBar().isVisible(), false);
  await assertAccessible("the recovery dialog after a failed reopening");
  await shoot("reopen-failed");
  await narrow();
  await shoot("reopen-failed");
  await wide();
  await recovery().getByRole("button", { name: "Try again" }).click();
  await recovery().waitFor({ state: "hidden", timeout: 15000 });
  await submitBar().waitFor({ state: "visible" });
  assert.match(await submitBar().textContent(), /fraud-detector, version 4/);
  assert.ok(await focusedInView(pointer));

  // Gone again: go on editing without the registry; the draft stays.
  await reloadToOffer();
  await registryRead();
  emulator.boto("fault", JSON.stringify(gone));
  await recovery().getByRole("button", { name: "Restore the draft" }).click();
  await recovery().getByTestId("resume-problem").waitFor({ state: "visible", timeout: 15000 });
  await recovery().getByRole("button", { name: "Go on editing" }).click();
  await recovery().waitFor({ state: "hidden" });
  assert.ok(await focusedInView(pointer), "focus goes to the field");
  assert.equal(await submitBar().isVisible(), false, "no submit bar for a version not reopened");
  await page.keyboard.type(" and more");
  await draftHolds(4, "Card written offline 🛰️ and more");
  const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), draftKey(4));
  assert.equal(kept.registry_base?.arn, arn(4), "the draft keeps the version's base");
  await reloadToOffer();
  await restore();
  await submitBar().waitFor({ state: "visible" });
  await submit();
  await waitForSubmitted(/Submitted\. fraud-detector, version 4 now holds this card/);
  assert.equal(storedCard(4).card.model_overview.model_creator, "Card written offline 🛰️ and more");
});

test("an evaluation's collapsed header follows its name as it is typed", async () => {
  await openCardByLink(app, "/examples/complete.json");
  const item = page.locator('#mce-main .mce-item[data-path="/evaluation_details/0"]');
  const header = item.locator(".mce-item__summary").first();
  assert.equal(await header.textContent(), "November holdout");
  const toggle = item.locator(".mce-item__toggle").first();
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  const name = field("/evaluation_details/0/name");
  await name.fill("");
  await name.pressSequentially("Dec");
  await page.waitForFunction(() => document.querySelector('#mce-main .mce-item[data-path="/evaluation_details/0"] .mce-item__summary').textContent === "Dec");
  await page.keyboard.type("ember holdout — בדיקה 🧪");
  await page.waitForFunction(
    () => document.querySelector('#mce-main .mce-item[data-path="/evaluation_details/0"] .mce-item__summary').textContent === "December holdout — בדיקה 🧪",
  );
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await header.textContent(), "December holdout — בדיקה 🧪", "the collapsed header shows the new name");
  // An emptied name leaves the header without one.
  await toggle.click();
  await name.fill("");
  await page.waitForFunction(() => document.querySelector('#mce-main .mce-item[data-path="/evaluation_details/0"] .mce-item__summary').textContent === "");
});

test("every word on a draft says it is saved in this browser, never to be read as saved to the registry", async () => {
  await openCardByLink(app, "/examples/complete.json");
  await field("/model_overview/model_creator").fill("Wording team");
  await page.waitForFunction(() => /^Saved in this browser \d{2}:\d{2}$/.test(document.querySelector("[data-testid=save-state]").textContent));
  const dialog = await reloadToOffer();
  assert.match(
    await dialog.textContent(),
    /There is a draft of the card at \/examples\/complete\.json saved in this browser \d{4}-\d{2}-\d{2} \d{2}:\d{2}, with 1 difference from it:/,
  );
  await restore();
  assert.match(await page.getByTestId("notice").textContent(), /^Restored the draft saved in this browser at \d{2}:\d{2}\. Dismiss$/);
  assert.equal(await field("/model_overview/model_creator").inputValue(), "Wording team");
});
