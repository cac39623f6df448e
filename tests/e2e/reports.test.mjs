// End-to-end: "Add evaluation from report" in the served app. Each report
// kind goes in through the file input, is named and previewed with the
// editor's charts, is added, undone and added again; the exported card
// holds the golden groups (the same as `model-card add-evaluation`). Bad
// reports are named with why and change nothing; the choices (top-k,
// shorter curves, parts left out, merging) state their effects and do them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, openApp } from "./support.mjs";

const reports = resolve(import.meta.dirname, "../fixtures/reports");
const report = (name) => readFileSync(resolve(reports, `${name}.json`));
const golden = (name) => JSON.parse(readFileSync(resolve(reports, "golden", `${name}.json`), "utf8"));

const TITLES = {
  "metric-schema": "Model card metric schema",
  "clarify-bias": "Clarify bias report",
  "clarify-explainability": "Clarify explainability report",
  "model-quality-regression": "Model Monitor model quality, regression",
  "model-quality-binary": "Model Monitor model quality, binary classification",
  "model-quality-multiclass": "Model Monitor model quality, multiclass classification",
};
const CHARTED = new Set(["linear_graph", "bar_chart", "matrix"]);

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
  await page.goto(app.url);
  await page.getByTestId("start-new-card").click();
  await page.getByTestId("form-view").waitFor();
});
after(async () => {
  await app?.close();
});

const dialog = () => page.locator("#mce-add-evaluation");
// How many evaluations the form lists (each an item with its own path).
const evaluationCount = () =>
  page
    .locator('li[data-path^="/evaluation_details/"]')
    .evaluateAll((items) => items.filter((item) => /^\/evaluation_details\/\d+$/.test(item.dataset.path)).length);

async function openDialog() {
  await page.getByTestId("add-evaluation-from-report").click();
  await dialog().waitFor({ state: "visible" });
}

async function giveFiles(...files) {
  await dialog()
    .getByTestId("report-input")
    .setInputFiles(files.map(([name, buffer]) => ({ name, mimeType: "application/json", buffer })));
}

async function cardJson() {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  return JSON.parse(readFileSync(await download.path(), "utf8"));
}

test("every report kind is named, previewed with its charts, added, undone and added again as the golden groups", async () => {
  const kinds = ["regression", "binary", "multiclass-5", "bias", "explainability", "metric-schema", "several-groups"];
  for (const [index, kind] of kinds.entries()) {
    const expected = golden(kind);
    await openDialog();
    await giveFiles([`${kind}.json`, report(kind)]);
    const file = dialog().getByTestId("report-file");
    await file.waitFor();
    const groups = expected.groups.length;
    assert.equal(
      (await file.locator("p").textContent()).trim(),
      `${kind}.json: ${TITLES[expected.format]}, ${groups} metric group${groups === 1 ? "" : "s"}.`,
    );
    assert.equal(await dialog().getByTestId("report-group").count(), groups, kind);
    const metrics = expected.groups.flatMap((group) => group.metric_data);
    assert.equal(await dialog().getByTestId("report-metric").count(), metrics.length, kind);
    const charted = metrics.filter((metric) => CHARTED.has(metric.type)).length;
    assert.equal(await dialog().locator('.mce-report__chart svg[role="img"]').count(), charted, kind);
    assert.equal(await dialog().getByTestId("report-evaluation-name").inputValue(), kind);
    await dialog().getByTestId("add-evaluation-apply").click();
    await dialog().waitFor({ state: "hidden" });
    assert.match(await page.getByTestId("notice").textContent(), new RegExp(`Added ${groups} metric groups? to the evaluation “${kind}”`));
    assert.equal(await evaluationCount(), index + 1);

    await page.getByTestId("undo").click();
    assert.equal(await evaluationCount(), index, `${kind}: undo takes the evaluation out`);

    await openDialog();
    await giveFiles([`${kind}.json`, report(kind)]);
    await dialog().getByTestId("add-evaluation-apply").click();
    await dialog().waitFor({ state: "hidden" });
    assert.equal(await evaluationCount(), index + 1);
  }
  const card = await cardJson();
  assert.deepEqual(
    card.evaluation_details.map((evaluation) => evaluation.name),
    kinds,
  );
  for (const [index, kind] of kinds.entries()) {
    assert.deepEqual(card.evaluation_details[index].metric_groups, golden(kind).groups, kind);
  }
});

test("a malformed or unrecognised report is named with why, and the card does not change", async () => {
  const before = await evaluationCount();
  await openDialog();
  await giveFiles(["broken.json", Buffer.from('{"regression_metrics": ')], ["hello.json", Buffer.from('{"hello": 1}')]);
  const alerts = dialog().locator('.mce-report__file [role="alert"]');
  await alerts.nth(1).waitFor();
  assert.match(await alerts.nth(0).textContent(), /^broken\.json is not JSON/);
  assert.match(await alerts.nth(1).textContent(), /^hello\.json is not a report this editor reads: it has the keys "hello"\. Expected "metric_groups"/);
  assert.ok(await dialog().getByTestId("add-evaluation-apply").isDisabled());
  await giveFiles(["latin1.json", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])]);
  await dialog().getByText("latin1.json is not text (UTF-8), so it is not a JSON report.").waitFor();
  await giveFiles(["analysis.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"pre_training_bias_metrics": {}}', "utf16le")])]);
  await dialog().getByText("analysis.json is UTF-16 (little-endian) text, not UTF-8: save it as UTF-8.").waitFor();
  // Read as a named format, the report still says what that format holds.
  await dialog().getByTestId("report-format").nth(1).selectOption("clarify-bias");
  await page.waitForFunction(() => /has nothing to convert as a Clarify bias report/.test(document.querySelectorAll("#mce-add-evaluation .mce-report__file")[1]?.textContent ?? ""));
  await page.keyboard.press("Escape");
  assert.equal(await evaluationCount(), before);
});

test("a report dropped on the dialog is added to it, and the page does not open it as a card", async () => {
  const before = await evaluationCount();
  await openDialog();
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return transfer;
  }, report("regression").toString("utf8"));
  await dialog().locator(".mce-report__drop").dispatchEvent("dragover", { dataTransfer });
  await dialog().locator(".mce-report__drop").dispatchEvent("drop", { dataTransfer });
  await dialog().getByText("dropped.json: Model Monitor model quality, regression, 1 metric group.").waitFor();
  assert.equal(await page.getByTestId("notice").isVisible() && /Opened/.test(await page.getByTestId("notice").textContent()), false);
  await page.keyboard.press("Escape");
  assert.equal(await evaluationCount(), before);
});

test("a 25-class matrix is shown as a problem until it is cut to its top classes, with the effect in numbers", async () => {
  await openDialog();
  await giveFiles(["multiclass-25.json", report("multiclass-25")]);
  const status = dialog().getByTestId("add-evaluation-status");
  await page.waitForFunction(() => /would have \d+ problems? there/.test(document.querySelector('#mce-add-evaluation [data-testid="add-evaluation-status"]')?.textContent ?? ""));
  assert.match(await status.textContent(), /matrix/i);
  await dialog().getByTestId("mce-report-top").check();
  await page.waitForFunction(() => /no problems there/.test(document.querySelector('#mce-add-evaluation [data-testid="add-evaluation-status"]')?.textContent ?? ""));
  assert.match(await dialog().getByTestId("report-effects").textContent(), /25 classes.*20/);
  assert.match(await dialog().getByTestId("report-metric").filter({ hasText: "matrix" }).textContent(), /matrix, 20 × 20/);
  await page.keyboard.press("Escape");
});

test("a 10,000-point curve pushes the card past the registry's limit until it is shortened", async () => {
  const points = Array.from({ length: 10_000 }, (_, i) => [i / 9999, Math.sqrt(i / 9999)]);
  const big = { metric_groups: [{ name: "Curves", metric_data: [{ name: "ROC curve", type: "linear_graph", value: points, x_axis_name: "False positive rate", y_axis_name: "True positive rate" }] }] };
  await openDialog();
  await giveFiles(["curves.json", Buffer.from(JSON.stringify(big))]);
  const status = dialog().getByTestId("add-evaluation-status");
  await page.waitForFunction(() => /over the 100,000 the registry accepts/.test(document.querySelector('#mce-add-evaluation [data-testid="add-evaluation-status"]')?.textContent ?? ""));
  await dialog().getByTestId("mce-report-points").check();
  await page.waitForFunction(() => /within the 100,000 the registry accepts/.test(document.querySelector('#mce-add-evaluation [data-testid="add-evaluation-status"]')?.textContent ?? ""));
  assert.match(await dialog().getByTestId("report-effects").textContent(), /Curves › ROC curve: 10000 points shortened to 500, keeping its ends and shape\./);
  assert.match(await status.textContent(), /The card grows from [\d,]+ to [\d,]+ characters/);
  await page.keyboard.press("Escape");
});

test("groups and metrics left out are not added, and merging into an evaluation replaces by name", async () => {
  await openDialog();
  await giveFiles(["binary.json", report("binary")]);
  const metrics = dialog().getByTestId("report-metric");
  await metrics.first().waitFor();
  const total = await metrics.count();
  await metrics.nth(0).getByRole("checkbox").uncheck();
  await metrics.nth(1).getByRole("checkbox").uncheck();
  await dialog().getByTestId("report-into-existing").check();
  await dialog().getByTestId("report-into").selectOption("regression");
  await dialog().getByTestId("add-evaluation-apply").click();
  await dialog().waitFor({ state: "hidden" });
  const card = await cardJson();
  const regression = card.evaluation_details.find((evaluation) => evaluation.name === "regression");
  const names = regression.metric_groups.map((group) => group.name);
  assert.deepEqual(names, [...golden("regression").groups, ...golden("binary").groups].map((group) => group.name));
  const added = regression.metric_groups.at(-1).metric_data;
  assert.equal(added.length, total - 2);
  assert.deepEqual(added, golden("binary").groups[0].metric_data.slice(2));
  await page.getByTestId("undo").click();
});

test("the dialog with its preview is accessible and readable at 1440 and 320 pixels", async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDialog();
  await giveFiles(["binary.json", report("binary")], ["explainability.json", report("explainability")]);
  await dialog().getByTestId("report-group").nth(2).waitFor();
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await dialog().screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/add-evaluation-1440.png") });
  await dialog().locator(".mce-report__chart").first().scrollIntoViewIfNeeded();
  await dialog().screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/add-evaluation-preview-1440.png") });
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await dialog().evaluate((element) => element.scrollWidth - element.clientWidth);
  assert.ok(overflow <= 0, `the dialog scrolls sideways by ${overflow}px at 320 px`);
  await dialog().screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/add-evaluation-320.png") });
  await dialog().locator(".mce-report__chart").first().scrollIntoViewIfNeeded();
  await dialog().screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/add-evaluation-preview-320.png") });
  await dialog().getByTestId("add-evaluation-status").scrollIntoViewIfNeeded();
  await dialog().screenshot({ path: resolve(import.meta.dirname, "../../target/screenshots/add-evaluation-outcome-320.png") });
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 1440, height: 900 });
});
