// End-to-end: the model registry through the app, against the SageMaker
// emulator; what the app did is read back with boto3.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { resolve } from "node:path";
import { axeViolations, openApp, openAppWithRegistry, registryConfig, startEmulator } from "./support.mjs";

const GROUP = "fraud-detector";
const arn = (version) => `arn:aws:sagemaker:us-east-2:123456789012:model-package/${GROUP}/${version}`;

let emulator;
let app;
let page;
before(async () => {
  ({ emulator, app } = await openAppWithRegistry());
  page = app.page;
  await page.goto(app.url);
  await page.getByTestId("registry").waitFor();
});
after(async () => {
  await app?.close();
  emulator?.stop();
});

const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();
const notice = () => page.getByTestId("notice");
const noticeError = () => page.getByTestId("notice-error");

async function showVersion(version) {
  if (!(await page.getByTestId("registry").isVisible())) await page.getByTestId("open-registry").click();
  await page.getByRole("button", { name: new RegExp(GROUP) }).click();
  await page.getByRole("button", { name: `Version ${version}`, exact: true }).click();
  await page.getByTestId("version-details").waitFor();
  await page.waitForFunction((v) => document.querySelector("#mce-details-heading")?.textContent.endsWith(`version ${v}`), version);
}

async function openVersion(version) {
  await showVersion(version);
  await page.getByTestId("version-details").getByRole("button", { name: /Edit the card|Write a card/ }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  const recovery = page.locator("#mce-recovery");
  if (await recovery.isVisible()) await recovery.getByRole("button", { name: "Discard it" }).click();
}

async function dismissNotices() {
  for (const id of ["notice", "notice-error"]) {
    const target = page.getByTestId(id);
    if (await target.isVisible()) await target.getByRole("button", { name: "Dismiss" }).click();
  }
  // What a submit said, beside the bar (under a dialog, it waits).
  const submitted = page.getByTestId("submit-bar").getByRole("button", { name: "Dismiss" });
  if ((await submitted.isVisible()) && (await page.locator("dialog[open]").count()) === 0) await submitted.click();
}

async function submit() {
  await dismissNotices();
  await page.getByTestId("review").click();
  await page.locator("#mce-review").getByTestId("submit").click();
}

async function waitForNotice(pattern, error = false) {
  const target = error ? noticeError() : notice();
  await target.waitFor({ state: "visible", timeout: 20000 });
  await page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid=${id}]`).textContent),
    [error ? "notice-error" : "notice", pattern.source],
    { timeout: 20000 },
  );
  return target.textContent();
}

/** Waits for what a submit came to, said beside the submit bar. */
async function waitForOutcome(pattern, error = false) {
  const target = page.getByTestId(error ? "submit-error" : "submit-status");
  await target.filter({ hasText: pattern }).waitFor({ timeout: 20000 });
  return target.textContent();
}

const storedCard = (version) => {
  const described = emulator.boto("describe", arn(version));
  return { described, card: JSON.parse(described.ModelCard.ModelCardContent) };
};

test("the registry lists groups and versions, sortable and filterable, and a version's details", async () => {
  await page.getByRole("button", { name: new RegExp(GROUP) }).click();
  const rows = page.getByTestId("versions").locator("tbody tr");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=versions] tbody tr[data-arn]").length === 4);
  await page.getByRole("button", { name: "Version", exact: true }).click();
  assert.deepEqual(await rows.locator("th").allTextContents(), ["Version 1", "Version 2", "Version 3", "Version 4"]);
  await page.getByLabel("Approval", { exact: true }).selectOption("Rejected");
  assert.deepEqual(await rows.locator("th").allTextContents(), ["Version 2"]);
  await page.getByLabel("Approval", { exact: true }).selectOption("");
  await showVersion(1);
  const details = await page.getByTestId("version-details").textContent();
  for (const expected of [arn(1), "Approved", "Reviewed by the model risk office", "sagemaker-xgboost:1.7-1", "s3://acme-ml-models/fraud-detector/model.tar.gz", "ml.m5.xlarge", "RISK-4821", "text/csv"]) {
    assert.ok(details.includes(expected), `details show ${expected}`);
  }
});

test("on the registry screen no view tab is selected, and choosing one goes back to the card", async () => {
  if (!(await page.getByTestId("registry").isVisible())) await page.getByTestId("open-registry").click();
  const selected = () => page.getByRole("tab").evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute("aria-selected")));
  assert.deepEqual(await selected(), ["false", "false", "false"]);
  await page.getByRole("tab", { name: "Source" }).click();
  if (await page.getByTestId("start-screen").isVisible()) {
    // No card open yet: a view leads to the start screen. With a new card
    // started there, the registry's view tabs go back to that card.
    assert.deepEqual(await selected(), ["false", "false", "false"]);
    await page.getByTestId("start-new-card").click();
    await page.getByTestId("open-registry").click();
    await page.getByRole("tab", { name: "Source" }).click();
  }
  await page.getByRole("textbox", { name: "Card JSON" }).waitFor();
  assert.equal(await page.getByTestId("registry").isVisible(), false);
  assert.deepEqual(await selected(), ["false", "true", "false"]);
  await page.getByRole("tab", { name: "Form" }).click();
  await page.getByTestId("form-view").waitFor();
});

test("a group with more versions than one page holds is listed in full", async () => {
  emulator.boto("many", "candidates", "130");
  await page.reload();
  await page.getByRole("button", { name: /^candidates/ }).click();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=versions] tbody tr[data-arn]").length === 130, null, { timeout: 20000 });
  const pages = emulator.boto("log").requests.filter((entry) => entry.operation === "ListModelPackages").length;
  assert.ok(pages >= 2, `the list took ${pages} pages`);
});

test("a card edited in the app, reviewed and submitted is what boto3 reads back", async () => {
  await openVersion(1);
  await field("/model_overview/model_creator").fill("Risk Analytics Team");
  await field("/intended_uses/risk_rating").selectOption("High");
  await page.getByTestId("submit-bar").getByLabel("Card status").selectOption("PendingReview");
  await page.getByTestId("review").click();
  const review = page.locator("#mce-review");
  const changes = await review.getByTestId("review-changes").locator(":scope > li").evaluateAll((items) => items.map((item) => item.dataset.pointer));
  assert.deepEqual(changes, ["/model_overview/model_creator", "/intended_uses/risk_rating"]);
  const status = review.getByTestId("review-beside").locator('[data-what="Card status"]');
  assert.deepEqual([await status.locator(".mce-change__from").textContent(), await status.locator(".mce-change__to").textContent()], ["Approved", "PendingReview"]);
  const creator = review.locator('[data-pointer="/model_overview/model_creator"]');
  assert.deepEqual(await creator.locator("dd").allTextContents(), ["“Fraud Analytics Team”", "“Risk Analytics Team”"]);
  await review.getByTestId("submit").click();
  await waitForOutcome(/Submitted\. fraud-detector, version 1 now holds this card \(status PendingReview\)/);
  await page.getByRole("tab", { name: "Source" }).click();
  const edited = JSON.parse(await page.getByRole("textbox", { name: "Card JSON" }).inputValue());
  await page.getByRole("tab", { name: "Form" }).click();
  const { described, card } = storedCard(1);
  assert.deepEqual(card, edited);
  assert.equal(described.ModelCard.ModelCardStatus, "PendingReview");
  assert.equal(described.ModelApprovalStatus, "Approved", "the approval was left as it was");
});

test("training details filled from the training job in the emulator, undone, filled again and submitted are what boto3 reads back", async () => {
  await openVersion(1);
  await dismissNotices();
  const job = "fraud-xgb-2026-11-20";
  await page.getByTestId("fill-from-training-job").click();
  const dialog = page.locator("#mce-fill-training");
  // The card's own training job is looked up first.
  assert.match(await dialog.getByTestId("fill-job").inputValue(), new RegExp(`training-job/${job}$`));
  await dialog.getByTestId("fill-job").fill("no-such-job");
  await dialog.getByTestId("fill-look-up").click();
  await dialog.getByRole("alert").filter({ hasText: /Looking up the training job no-such-job failed\..*The card is unchanged\./ }).waitFor();
  await dialog.getByTestId("fill-job").fill(arn(1).replace(/model-package\/.*/, `training-job/${job}`));
  await dialog.getByTestId("fill-look-up").click();
  const fields = dialog.getByTestId("fill-field");
  await fields.first().waitFor();
  const named = await fields.evaluateAll((all) => all.map((field) => field.dataset.field));
  assert.deepEqual(named, ["training_arn", "training_datasets", "container_image", "training_metrics", "hyper_parameters"]);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await dialog.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/fill-training-1440.png") });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
  assert.ok(overflow <= 0, `the dialog scrolls sideways by ${overflow}px at 320 px`);
  await dialog.locator('[data-field="training_metrics"]').scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/fill-training-320.png") });
  if (original) await page.setViewportSize(original);
  const metrics = dialog.locator('[data-field="training_metrics"]');
  assert.match(await metrics.textContent(), /validation:auc = 0\.9763/);
  await metrics.getByLabel("Replace").check();
  await dialog.locator('[data-field="hyper_parameters"]').getByLabel("Replace").check();
  await dialog.getByTestId("fill-apply").click();
  await dialog.waitFor({ state: "hidden" });
  assert.match(await notice().textContent(), new RegExp(`Filled \\d+ fields? from the training job ${job}\\. Undo puts`));
  const metricName = field("/training_details/training_job_details/training_metrics/0/name");
  assert.equal(await metricName.inputValue(), "train:aucpr");
  await page.getByTestId("undo").click();
  assert.notEqual(await metricName.inputValue(), "train:aucpr", "undo puts the card's own metrics back");

  await page.getByTestId("fill-from-training-job").click();
  await dialog.getByTestId("fill-look-up").click();
  await fields.first().waitFor();
  await dialog.locator('[data-field="training_metrics"]').getByLabel("Replace").check();
  await dialog.locator('[data-field="hyper_parameters"]').getByLabel("Replace").check();
  await dialog.getByTestId("fill-apply").click();
  await dialog.waitFor({ state: "hidden" });
  // The model artifact, from the version's inference containers.
  await page.getByTestId("fill-model-artifact").click();
  const artifact = page.locator("#mce-fill-artifact");
  assert.match(await artifact.locator('[data-field="model_artifact"]').textContent(), /s3:\/\/acme-ml-models\/fraud-detector\/model\.tar\.gz/);
  await artifact.getByLabel("Replace").check();
  await artifact.getByTestId("fill-apply").click();
  await artifact.waitFor({ state: "hidden" });
  await submit();
  await waitForOutcome(/Submitted\./);
  assert.deepEqual(storedCard(1).card.model_overview.model_artifact, ["s3://acme-ml-models/fraud-detector/model.tar.gz"]);
  const stored = storedCard(1).card.training_details.training_job_details;
  const training = emulator.boto("describe-training-job", job);
  assert.deepEqual(
    stored.training_metrics,
    training.FinalMetricDataList.map((metric) => ({ name: metric.MetricName, value: metric.Value })),
  );
  const byName = (a, b) => a.name.localeCompare(b.name);
  assert.deepEqual(
    [...stored.hyper_parameters].sort(byName),
    Object.entries(training.HyperParameters)
      .map(([name, value]) => ({ name, value }))
      .sort(byName),
  );
  assert.equal(stored.training_arn, training.TrainingJobArn);
});

test("a version without a card starts from the newest other card without its version-specific parts, and the model artifact from its containers", async () => {
  await showVersion(4);
  const details = page.getByTestId("version-details");
  const startFrom = details.getByTestId("start-from");
  await page.waitForFunction(() => document.querySelector('[data-testid="start-from"]')?.selectedOptions[0]?.textContent.includes("Version 3"));
  assert.equal(await startFrom.locator("option:checked").textContent(), "Version 3's card (newest)");
  assert.match(await details.getByTestId("start-from-help").textContent(), /without its training job details and evaluations/);
  await dismissNotices();
  await details.getByRole("button", { name: "Write a card" }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  assert.match(
    await notice().textContent(),
    /Opened fraud-detector, version 4\. It has no card yet\. Started from the card of fraud-detector, version 3, without its training job details and its evaluations: they belong to that version, and are marked in their sections to fill for this one\. The model artifact is this version's model data\./,
  );
  assert.equal(await field("/model_overview/model_creator").inputValue(), "Fraud ML team");
  assert.equal(await field("/model_overview/model_artifact/0").inputValue(), "s3://acme-ml-models/fraud-detector/model.tar.gz");
  const evaluations = await page
    .locator('li[data-path^="/evaluation_details/"]')
    .evaluateAll((items) => items.filter((item) => /^\/evaluation_details\/\d+$/.test(item.dataset.path)).length);
  assert.equal(evaluations, 0, "no evaluation of version 3 comes along");
  assert.equal(await field("/training_details/training_job_details/training_arn").inputValue(), "", "nor its training job");
  assert.match(await field("/training_details/training_observations").inputValue(), /Converged after 410 rounds/, "what describes the model does");
  // Only what the registry knows, when asked.
  await showVersion(4);
  await details.getByTestId("start-from").selectOption("");
  await details.getByRole("button", { name: "Write a card" }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  const recovery = page.locator("#mce-recovery");
  if (await recovery.isVisible()) await recovery.getByRole("button", { name: "Discard it" }).click();
  assert.equal(await field("/model_overview/model_artifact/0").inputValue(), "s3://acme-ml-models/fraud-detector/model.tar.gz");
  assert.equal(await field("/model_overview/model_creator").inputValue(), "");
});

test("the parts left out of a started card are marked to fill, kept across a reload, cleared by filling and listed in the review until then", async () => {
  await showVersion(4);
  const details = page.getByTestId("version-details");
  await page.waitForFunction(() => document.querySelector('[data-testid="start-from"]')?.selectedOptions[0]?.textContent.includes("Version 3"));
  await dismissNotices();
  await details.getByRole("button", { name: "Write a card" }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  const recovery = page.locator("#mce-recovery");
  if (await recovery.isVisible()) await recovery.getByRole("button", { name: "Discard it" }).click();
  assert.match(await notice().textContent(), /without its training job details and its evaluations: they belong to that version, and are marked in their sections to fill for this one\./);
  const mark = (section) => page.locator(`[data-testid="to-fill"][data-section="${section}"]`);
  const training = mark("training_details");
  const evaluations = mark("evaluation_details");
  assert.equal(
    await training.locator("p").textContent(),
    "Training job details to fill for this version: those in the card this one started from (fraud-detector, version 3) describe that version, so they were left out. Fill them from this version's training job, or type them.",
  );
  assert.match(await evaluations.locator("p").textContent(), /^Evaluations to fill for this version: those in the card this one started from \(fraud-detector, version 3\)/);
  // Each mark sits in its section, above the action that fills it.
  assert.equal(await training.evaluate((element) => element.closest("section").dataset.section), "training_details");
  assert.equal(await evaluations.evaluate((element) => element.nextElementSibling.querySelector("[data-testid=add-evaluation-from-report]") !== null), true);
  await training.scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/to-fill-1440.png") });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  await training.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320 px`);
  await page.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/to-fill-320.png") });
  if (original) await page.setViewportSize(original);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

  // Kept with the draft: a reload mid-edit brings the marks back.
  await field("/business_details/business_problem").fill("Version 4: retrained on November data.");
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes("retrained on November"), `model-card-editor.draft.arn:${arn(4)}`);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).to_fill, `model-card-editor.draft.arn:${arn(4)}`);
  assert.deepEqual(saved, [
    { section: "training_details", from: "fraud-detector, version 3" },
    { section: "evaluation_details", from: "fraud-detector, version 3" },
  ]);
  await page.reload();
  await recovery.waitFor({ state: "visible" });
  await recovery.getByRole("button", { name: "Restore the draft" }).click();
  await recovery.waitFor({ state: "hidden", timeout: 15000 });
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  await training.waitFor();
  await evaluations.waitFor();

  // Filling the training job details clears their mark; undo brings it back.
  await dismissNotices();
  await page.getByTestId("fill-from-training-job").click();
  const dialog = page.locator("#mce-fill-training");
  await dialog.getByTestId("fill-job").fill("fraud-xgb-2026-11-20");
  await dialog.getByTestId("fill-look-up").click();
  await dialog.getByTestId("fill-field").first().waitFor();
  await dialog.getByTestId("fill-apply").click();
  await dialog.waitFor({ state: "hidden" });
  await training.waitFor({ state: "detached" });
  assert.equal(await evaluations.count(), 1, "the other mark stands");
  await page.getByTestId("undo").click();
  await training.waitFor();
  await page.getByTestId("redo").click();
  await training.waitFor({ state: "detached" });

  // The review lists what is still to fill, and leads to it.
  await page.getByTestId("review").click();
  const review = page.locator("#mce-review");
  const toFill = review.getByTestId("review-to-fill");
  await toFill.waitFor();
  assert.match(await toFill.textContent(), /One part that describes a single version is still empty; Submit sends the card without it\./);
  assert.deepEqual(await toFill.locator("li a").allTextContents(), ["Go to Evaluations"]);
  await review.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/review-to-fill-1440.png") });
  await page.setViewportSize({ width: 320, height: 640 });
  const reviewOverflow = await review.evaluate((element) => element.scrollWidth - element.clientWidth);
  assert.ok(reviewOverflow <= 0, `the review scrolls sideways by ${reviewOverflow}px at 320 px`);
  await review.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/review-to-fill-320.png") });
  if (original) await page.setViewportSize(original);
  await toFill.getByRole("link", { name: "Go to Evaluations" }).click();
  await review.waitFor({ state: "hidden" });
  await page.waitForFunction(() => document.activeElement?.dataset?.section === "evaluation_details");

  // "Leave it empty" takes the mark away, and the draft remembers it.
  await evaluations.getByRole("button", { name: "Leave it empty: Evaluations" }).click();
  await evaluations.waitFor({ state: "detached" });
  await page.waitForFunction(
    (key) => !JSON.parse(localStorage.getItem(key)).to_fill.some((mark) => mark.section === "evaluation_details"),
    `model-card-editor.draft.arn:${arn(4)}`,
  );
  await page.reload();
  await recovery.waitFor({ state: "visible" });
  await recovery.getByRole("button", { name: "Restore the draft" }).click();
  await recovery.waitFor({ state: "hidden", timeout: 15000 });
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
  assert.equal(await page.locator('[data-testid="to-fill"]').count(), 0);
  await page.getByTestId("review").click();
  assert.equal(await review.getByTestId("review-to-fill").isVisible(), false);
  await review.getByTestId("submit").click();
  await waitForOutcome(/Submitted\. fraud-detector, version 4 now holds this card/);
  const { card } = storedCard(4);
  assert.equal(card.training_details.training_job_details.training_arn, emulator.boto("describe-training-job", "fraud-xgb-2026-11-20").TrainingJobArn);
  assert.equal(card.evaluation_details, undefined, "no evaluation of version 3");
  assert.equal(card.business_details.business_problem, "Version 4: retrained on November data.");
});

test("two versions' cards are compared with the review's field-level changes", async () => {
  await showVersion(3);
  const details = page.getByTestId("version-details");
  await details.getByTestId("compare-with").waitFor();
  await details.getByTestId("compare-with").selectOption({ label: "the card of version 2" });
  await details.getByTestId("compare").click();
  const dialog = page.locator("#mce-compare");
  await dialog.getByTestId("compare-heading").waitFor();
  await dialog.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/compare-1440.png") });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
  assert.ok(overflow <= 0, `the dialog scrolls sideways by ${overflow}px at 320 px`);
  await dialog.screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/compare-320.png") });
  if (original) await page.setViewportSize(original);
  const heading = await dialog.getByTestId("compare-heading").textContent();
  const changes = dialog.getByTestId("compare-changes").locator(":scope > li");
  const count = await changes.count();
  assert.equal(heading, `From the card of fraud-detector, version 2 to that of fraud-detector, version 3: ${count} changes`);
  const pointers = await changes.evaluateAll((items) => items.map((item) => item.dataset.pointer));
  assert.ok(pointers.includes("/model_overview/model_creator"), pointers.join(" "));
  const creator = dialog.locator('[data-pointer="/model_overview/model_creator"]');
  assert.deepEqual(await creator.locator("dd").allTextContents(), ["“Fraud Analytics Team”", "“Fraud ML team”"]);
  await page.keyboard.press("Escape");
});

test("the approval status is set on its own and read back", async () => {
  await showVersion(2);
  const form = page.getByTestId("version-details");
  await dismissNotices();
  await form.getByLabel("Approval status").selectOption("Approved");
  await form.getByLabel("Approval description").fill("Recall is acceptable after the rerun");
  await form.getByRole("button", { name: "Update approval" }).click();
  await form.getByTestId("approval-done").getByText("The approval status of fraud-detector, version 2 is now Approved.").waitFor();
  const { described } = storedCard(2);
  assert.equal(described.ModelApprovalStatus, "Approved");
  assert.equal(described.ApprovalDescription, "Recall is acceptable after the rerun");
});

test("a change made behind the app's back is detected and merged without losing edits", async () => {
  await openVersion(1);
  await field("/model_overview/model_creator").fill("Mine");
  await field("/business_details/business_problem").fill("Fraud losses, as I see them.");
  const theirs = storedCard(1).card;
  theirs.model_overview.model_creator = "Theirs";
  theirs.business_details.line_of_business = "Changed by boto3";
  emulator.boto("set-card", arn(1), JSON.stringify(theirs), "PendingReview");
  await submit();
  const dialog = page.locator("#mce-conflict");
  await dialog.waitFor({ state: "visible" });
  const conflicts = await dialog.getByTestId("conflicts").locator("fieldset").evaluateAll((sets) => sets.map((set) => set.dataset.pointer));
  assert.deepEqual(conflicts, ["/model_overview/model_creator"]);
  assert.match(await dialog.textContent(), /On the server now“Theirs”Your edit“Mine”/);
  await dismissNotices();
  await dialog.getByRole("button", { name: "Merge" }).click();
  await waitForOutcome(/Merged with the server's version: 1 of your edits applied, 1 conflict resolved/);
  assert.equal(await field("/business_details/line_of_business").inputValue(), "Changed by boto3", "the server's change is in");
  assert.equal(await field("/model_overview/model_creator").inputValue(), "Mine", "my edit is kept");
  await submit();
  await waitForOutcome(/Submitted\./);
  const { card } = storedCard(1);
  assert.equal(card.model_overview.model_creator, "Mine");
  assert.equal(card.business_details.business_problem, "Fraud losses, as I see them.");
  assert.equal(card.business_details.line_of_business, "Changed by boto3");
});

test("a deliberate overwrite replaces the server's change, and approval goes with the card", async () => {
  await openVersion(4);
  await field("/model_overview/model_creator").fill("Overwriting team");
  emulator.boto("set-card", arn(4), JSON.stringify({ business_details: { line_of_business: "theirs" } }), "Draft");
  await dismissNotices();
  await page.getByTestId("review").click();
  const review = page.locator("#mce-review");
  await review.getByLabel("Also set the version's approval status").check();
  await review.getByLabel("Approval status", { exact: true }).selectOption("Rejected");
  await review.getByLabel("Approval description").fill("Card incomplete");
  await review.getByTestId("submit").click();
  const dialog = page.locator("#mce-conflict");
  await dialog.waitFor({ state: "visible" });
  await dialog.getByRole("button", { name: "Overwrite with my version" }).click();
  await waitForOutcome(/Submitted\./);
  const { described, card } = storedCard(4);
  // The card written from the newest other card, as the editor held it:
  // the server's change is gone.
  assert.equal(card.model_overview.model_creator, "Overwriting team");
  assert.deepEqual(card.model_overview.model_artifact, ["s3://acme-ml-models/fraud-detector/model.tar.gz"]);
  assert.equal(card.business_details.line_of_business, "Payments", "the server's change is overwritten");
  assert.equal(described.ModelApprovalStatus, "Rejected", "the approval asked for goes with the overwrite");
  assert.equal(described.ApprovalDescription, "Card incomplete");
});

test("approval is submitted together with the card when asked", async () => {
  await field("/model_overview/model_creator").fill("Approved team");
  await dismissNotices();
  await page.getByTestId("review").click();
  const review = page.locator("#mce-review");
  await review.getByLabel("Also set the version's approval status").check();
  await review.getByLabel("Approval status", { exact: true }).selectOption("Approved");
  await review.getByLabel("Approval description").fill("Complete now");
  await review.getByTestId("submit").click();
  await waitForOutcome(/Submitted\..*Approval status: Approved\./);
  const { described, card } = storedCard(4);
  assert.equal(card.model_overview.model_creator, "Approved team");
  assert.equal(described.ModelApprovalStatus, "Approved");
  assert.equal(described.ApprovalDescription, "Complete now");
});

test("an update whose answer is lost is retried with its token and applied once", async () => {
  await openVersion(3);
  await field("/model_overview/model_creator").fill("Retried team");
  const before = emulator.boto("log");
  emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", status: 500, type: "InternalFailure", after_apply: true }));
  await submit();
  await waitForOutcome(/Submitted\./);
  const log = emulator.boto("log");
  const updates = log.requests.slice(before.requests.length).filter((entry) => entry.operation === "UpdateModelPackage");
  assert.equal(updates.length, 2, "the first answer was lost, so the app retried");
  assert.equal(updates[0].client_token, updates[1].client_token, "with the same token");
  assert.equal(log.applied_updates - before.applied_updates, 1, "and the update was applied once");
  assert.equal(storedCard(3).card.model_overview.model_creator, "Retried team");
});

test("throttling is retried until it passes, after the wait the service asks for", async () => {
  await field("/model_overview/model_creator").fill("Throttled team");
  emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", status: 400, type: "ThrottlingException", message: "Rate exceeded", count: 2 }));
  await submit();
  await waitForOutcome(/Submitted\./);
  assert.equal(storedCard(3).card.model_overview.model_creator, "Throttled team");

  // A 429 under another name, with Retry-After: 1 (second).
  await field("/model_overview/model_creator").fill("Throttled team, waited");
  const before = emulator.boto("log").requests.length;
  emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", status: 429, type: "SlowDown", message: "Please wait", retry_after: 1 }));
  await submit();
  await waitForOutcome(/Submitted\./);
  const updates = emulator.boto("log").requests.slice(before).filter((entry) => entry.operation === "UpdateModelPackage");
  assert.equal(updates.length, 2, "one refused, one applied");
  const waited = updates[1].at - updates[0].at;
  assert.ok(waited >= 0.95, `the retry waited ${waited.toFixed(2)} s of the 1 s asked`);
  assert.equal(storedCard(3).card.model_overview.model_creator, "Throttled team, waited");
});

test("a submit cannot run twice at once, and one stored but not read back says so and is not a conflict with itself next time", async () => {
  await openVersion(2);
  await field("/model_overview/model_creator").fill("Stored, unconfirmed");
  // The update is slow; while it runs, the read-back that follows it is
  // made to fail (three tries).
  emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", delay_ms: 1500 }));
  await submit();
  await page.waitForFunction(() => /Submitting/.test(document.querySelector("[data-testid=submit-status]")?.textContent ?? ""));
  emulator.boto("fault", JSON.stringify({ operation: "DescribeModelPackage", status: 500, type: "InternalFailure", message: "Read-back lost", count: 3 }));
  assert.equal(await page.getByTestId("review").isDisabled(), true, "no second review and submit while one runs");
  const said = await waitForOutcome(/Stored, not confirmed/, true);
  assert.match(said, /^Stored, not confirmed: fraud-detector, version 2 accepted the update, but reading it back failed\. The service failed, and kept failing after several tries\..*Your edits are kept/);
  assert.equal(storedCard(2).card.model_overview.model_creator, "Stored, unconfirmed", "the service holds it");
  // The next submit finds its own change on the server: no conflict.
  await field("/model_overview/model_creator").fill("Stored, then confirmed");
  await submit();
  await waitForOutcome(/Submitted\. fraud-detector, version 2 now holds this card/);
  assert.equal(storedCard(2).card.model_overview.model_creator, "Stored, then confirmed");
});

test("without secure random numbers for its token, a submit sends nothing and says why", async () => {
  const main = page;
  page = await app.context.newPage();
  try {
    await page.addInitScript(() => {
      Crypto.prototype.getRandomValues = () => {
        throw new Error("no secure random numbers here");
      };
    });
    await page.goto(app.url);
    await page.getByTestId("registry").waitFor();
    await openVersion(2);
    await field("/model_overview/model_creator").fill("Sent without a token?");
    const updates = () => emulator.boto("log").requests.filter((entry) => entry.operation === "UpdateModelPackage").length;
    const before = updates();
    await submit();
    await waitForOutcome(/This browser gave no secure random numbers, which a submit needs for its one-time token .*Nothing was sent, and your edits are kept\./, true);
    assert.equal(updates(), before, "no update reached the service");
    assert.equal(await field("/model_overview/model_creator").inputValue(), "Sent without a token?");
  } finally {
    await page.close();
    page = main;
  }
});

test("failures are explained and the edits are kept", async () => {
  const cases = [
    [{ status: 500, type: "InternalFailure", message: "Injected", count: 3 }, /The service failed, and kept failing after several tries\. The service said: “Injected”/],
    [{ status: 400, type: "ValidationException", message: "Model card content is too long" }, /refused the request as invalid\. The service said: “Model card content is too long”/],
    // Headers at once, then a body that never comes in time: one deadline
    // covers the whole answer.
    [{ stall_ms: 5000, count: 3 }, /did not answer in time/],
    // (Last: a delayed update is applied after all, once its answer is
    // too late, so the version has changed for any submit after it.)
    [{ delay_ms: 3000, count: 3 }, /did not answer in time/],
  ];
  for (const [index, [fault, message]] of cases.entries()) {
    await field("/model_overview/model_creator").fill(`Unsent ${index}`);
    emulator.boto("fault", JSON.stringify({ operation: "UpdateModelPackage", ...fault }));
    await submit();
    const text = await waitForOutcome(message, true);
    assert.match(text, /Your edits are kept\./);
    assert.equal(await field("/model_overview/model_creator").inputValue(), `Unsent ${index}`);
    await page.getByTestId("submit-bar").getByRole("button", { name: "Dismiss" }).click();
  }
  emulator.stop();
  await submit();
  const text = await waitForOutcome(/The endpoint could not be reached/, true);
  assert.match(text, /Your edits are kept\./);
  assert.match(await page.getByTestId("save-state").textContent(), /Saved in this browser/);
});

test("a deployment that signs in the page asks for temporary credentials and signs every call", async () => {
  const restarted = await startEmulator();
  try {
    const other = await openApp({ config: registryConfig(restarted.endpoint, { signing: "sigv4" }) });
    const p = other.page;
    await p.goto(other.url);
    await p.locator(".mce-credentials").waitFor();
    await p.getByLabel("Access key id").fill("ASIAIOSFODNN7EXAMPLE");
    await p.getByLabel("Secret access key").fill("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    await p.getByLabel("Session token").fill("IQoJb3JpZ2luX2VjEXAMPLETOKEN");
    await p.getByRole("button", { name: "Continue" }).click();
    await p.getByRole("button", { name: new RegExp(GROUP) }).waitFor();
    const log = restarted.boto("log");
    const calls = log.requests.filter((entry) => entry.operation === "ListModelPackageGroups");
    assert.ok(calls.length > 0);
    for (const call of calls) {
      assert.match(call.credential, /^ASIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-2\/sagemaker\/aws4_request$/);
      assert.equal(call.security_token, true);
    }
    const stored = await p.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.ok(!stored.includes("EXAMPLEKEY") && !stored.includes("EXAMPLETOKEN"), "credentials never reach local storage");
    await other.close();
  } finally {
    restarted.stop();
  }
});

/**
 * Opens the app with `config` served as config.json, waits for the
 * problem it names to show, and hands the page to `then` before closing.
 */
async function withConfigProblem(config, pattern, then) {
  const other = await openApp({ config });
  try {
    await other.page.goto(other.url);
    const problem = other.page.getByTestId("config-problem");
    await problem.waitFor({ state: "visible" });
    assert.match(await problem.textContent(), pattern);
    await then(other.page);
  } finally {
    await other.close();
  }
}

test("a malformed config.json is reported with its exact problem, and the editor still works", async () => {
  await withConfigProblem(
    '{"endpoint": 5, "region": "us-east-2"}',
    /config\.json is not usable: invalid type: integer `5`, expected a string \(line 1, column 14\)\. The editor works without a backend until it is fixed\./,
    async (broken) => {
      await broken.getByTestId("start-new-card").click();
      await broken.locator('[data-path="/model_overview/model_creator"]').fill("Still editing");
      assert.equal(await broken.locator('[data-path="/model_overview/model_creator"]').inputValue(), "Still editing");
    },
  );
  // Signing in the page over plain http to another machine: refused, named.
  await withConfigProblem(
    { endpoint: "http://proxy.example.com/sagemaker", region: "us-east-2", signing: "sigv4" },
    /config\.json is not usable: "endpoint" must be https:\/\/ when the page signs requests \("signing": "sigv4"\).*: "http:\/\/proxy\.example\.com\/sagemaker"\. The editor works without a backend until it is fixed\./,
    async (clear) => assert.equal(await clear.locator(".mce-credentials").count(), 0, "no credentials are asked for"),
  );
});
