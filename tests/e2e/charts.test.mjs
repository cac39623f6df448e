// End-to-end: metrics drawn as charts while editing (src/view/form/
// metric_chart.rs, overview.rs, view/chart.rs over domain/chart), in
// headless Chromium against the release build: the SVG of known metrics,
// live redraws from typing and pasting, only the edited metric's chart
// touched, the table alternative, the evaluation overview and its way to a
// metric, axe on an open evaluation, and the overview's screenshot for the
// README.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, openApp, openCardByLink, paste } from "./support.mjs";

const large = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../examples/large.json"), "utf8"));
const EVAL = "/evaluation_details/0";
const GROUP = `${EVAL}/metric_groups/0`;
const metricAt = (index) => `${GROUP}/metric_data/${index}`;
const [SIMPLE, LINE, BARS, MATRIX] = [0, 1, 2, 3].map(metricAt);

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await openCardByLink(app, "/examples/large.json");
  for (const item of [EVAL, GROUP]) {
    const toggle = page.locator(`[id="f${item}-toggle"]`);
    if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  }
  await page.locator(`[data-chart-for="${MATRIX}"] svg`).waitFor();
});
after(async () => {
  await app?.close();
  assert.deepEqual(app?.errors ?? [], [], "no page errors");
});

const panel = (pointer) => page.locator(`[data-chart-for="${pointer}"]`);
const field = (pointer) => page.locator(`#mce-main [data-path="${pointer}"]`).first();
const fills = (pointer) => panel(pointer).locator("rect.mce-chart__cell").evaluateAll((cells) => cells.map((c) => c.getAttribute("fill")));

test("each chart-shaped metric is drawn beside its fields with its points, bars and cells", async () => {
  const line = large.evaluation_details[0].metric_groups[0].metric_data[1];
  const svg = panel(LINE).locator("svg");
  assert.equal(await svg.getAttribute("role"), "img");
  assert.equal(await svg.locator("circle.mce-chart__point").count(), line.value.length);
  assert.equal(await svg.locator("title").first().textContent(), line.name);
  assert.match(await svg.locator("desc").textContent(), new RegExp(`^Line graph of ${line.value.length} points, loss against threshold`));
  assert.deepEqual(await svg.locator(".mce-chart__axis-title").allTextContents(), ["threshold", "loss"]);

  const bars = large.evaluation_details[0].metric_groups[0].metric_data[2];
  assert.equal(await panel(BARS).locator("rect.mce-chart__bar").count(), bars.value.length);
  const categories = await panel(BARS).locator(".mce-chart__category .mce-chart__short").allTextContents();
  assert.deepEqual(categories, bars.x_axis_name);

  const matrix = large.evaluation_details[0].metric_groups[0].metric_data[3];
  const cells = panel(MATRIX).locator("rect.mce-chart__cell");
  assert.equal(await cells.count(), matrix.value.length * matrix.value[0].length);
  const rowLabels = await panel(MATRIX)
    .locator("text.mce-chart__category")
    .evaluateAll((labels) => labels.map((label) => [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("")));
  assert.ok(rowLabels.includes(matrix.y_axis_name[19]), "the last row's label");
  assert.equal(await panel(MATRIX).locator(".mce-chart__mark--largest").count() > 0, true, "the largest value is outlined");
  assert.equal(await panel(SIMPLE).count(), 0, "a simple metric has no chart");
});

test("the evaluation overview shows every chart and simple metric, and goes to a metric", async () => {
  const evaluation = large.evaluation_details[0];
  const metrics = evaluation.metric_groups.flatMap((g) => g.metric_data);
  const charted = metrics.filter((m) => ["linear_graph", "bar_chart", "matrix"].includes(m.type));
  const overview = page.locator(`[data-overview-for="${EVAL}"]`);
  await overview.locator("figure svg").first().waitFor();
  assert.equal(await overview.locator("figure").count(), charted.length);
  assert.equal(await overview.locator("figure svg").count(), charted.length);
  assert.equal(await overview.locator("tbody tr").count(), metrics.length - charted.length);
  const simpleNames = await overview.locator("tbody th").allTextContents();
  assert.equal(simpleNames[1], evaluation.metric_groups[1].metric_data[0].name);

  // Tall enough for the whole overview to be on screen: the form scrolls
  // inside its own area, which an element screenshot cannot scroll past.
  const { height } = await overview.boundingBox();
  await page.setViewportSize({ width: 1440, height: Math.ceil(height) + 400 });
  await overview.scrollIntoViewIfNeeded();
  const shot = await overview.screenshot({ path: resolve(import.meta.dirname, "../../docs/evaluation-overview.png") });
  assert.ok(shot.length > 10000);
  await page.setViewportSize({ width: 1440, height: 900 });

  // The last group's matrix: its group is closed; going there opens it.
  const last = `${EVAL}/metric_groups/3/metric_data/3`;
  await overview.getByRole("button", { name: `Go to ${metrics[15].name}` }).click();
  await page.waitForFunction((path) => document.activeElement?.dataset.path === path, `${last}/name`, { timeout: 5000 });
});

test("the chart's table holds the same numbers, reached from the keyboard", async () => {
  const matrix = large.evaluation_details[0].metric_groups[0].metric_data[3];
  const toggle = panel(MATRIX).getByRole("button", { name: "Show as table" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  const table = panel(MATRIX).locator("table");
  await table.waitFor();
  const first = await table.locator("tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(first.slice(0, matrix.value[0].length), matrix.value[0].map(String));
  await panel(MATRIX).getByRole("button", { name: "Show as chart" }).click();
  await panel(MATRIX).locator("svg").waitFor();
});

test("editing a matrix cell recolours that cell and nothing else; typing elsewhere leaves every chart alone", async () => {
  const matrix = large.evaluation_details[0].metric_groups[0].metric_data[3].value;
  const flat = matrix.flat();
  const [low, high] = [Math.min(...flat), Math.max(...flat)];
  const positive = Math.min(...flat.filter((v) => v > 0));
  // A cell strictly inside the range whose new value stays inside it, so
  // the scale (and every other colour) stays as it was.
  let at;
  for (let r = 0; r < matrix.length && !at; r++)
    for (let c = 0; c < matrix[r].length && !at; c++)
      if (matrix[r][c] > positive && matrix[r][c] + 1 < high && matrix[r][c] > low) at = [r, c];
  assert.ok(at, "a cell to edit");
  const before = await fills(MATRIX);
  // Watch the other charts for any change of their drawing.
  await page.evaluate((pointers) => {
    window.chartMutations = Object.fromEntries(pointers.map((p) => [p, 0]));
    for (const pointer of pointers) {
      const target = document.querySelector(`[data-chart-for="${pointer}"] svg`);
      new MutationObserver((records) => (window.chartMutations[pointer] += records.length)).observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
    }
  }, [LINE, BARS]);
  const [r, c] = at;
  await field(`${MATRIX}/value/${r}/${c}`).fill(String(matrix[r][c] + 1));
  await page.waitForFunction(
    ({ pointer, index, was }) => document.querySelectorAll(`[data-chart-for="${pointer}"] rect.mce-chart__cell`)[index]?.getAttribute("fill") !== was,
    { pointer: MATRIX, index: r * matrix[0].length + c, was: before[r * matrix[0].length + c] },
  );
  const afterFills = await fills(MATRIX);
  const changed = afterFills.map((fill, i) => (fill !== before[i] ? i : -1)).filter((i) => i >= 0);
  assert.deepEqual(changed, [r * matrix[0].length + c], "only the edited cell changed colour");

  // Typing in the simple metric's value and in the caveats field.
  await field(`${SIMPLE}/value`).fill("0.5");
  await field("/additional_information/caveats_and_recommendations").fill("Charts stay as they are.");
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.deepEqual(await page.evaluate(() => window.chartMutations), { [LINE]: 0, [BARS]: 0 }, "no other chart was touched");
});

test("pasting a block of points into a line graph's last row redraws it, keeping the rows above; incomplete data says what is missing", async () => {
  const count = await panel(LINE).locator("circle.mce-chart__point").count();
  await paste(page, field(`${LINE}/value/${count - 1}/0`), "2\t0.5\n3\t0.25\n4\t0.125\n");
  await page.waitForFunction(
    ({ pointer, want }) => document.querySelectorAll(`[data-chart-for="${pointer}"] circle.mce-chart__point`).length === want,
    { pointer: LINE, want: count + 2 },
  );
  // Removing a row redraws it too.
  await page.locator(`#mce-main [data-path="${LINE}/value"]`).first().getByRole("button", { name: `Remove point ${count + 2}`, exact: true }).click();
  await page.waitForFunction(
    ({ pointer, want }) => document.querySelectorAll(`[data-chart-for="${pointer}"] circle.mce-chart__point`).length === want,
    { pointer: LINE, want: count + 1 },
  );
  await page.keyboard.press("ControlOrMeta+Z");
  await page.waitForFunction(
    ({ pointer, want }) => document.querySelectorAll(`[data-chart-for="${pointer}"] circle.mce-chart__point`).length === want,
    { pointer: LINE, want: count + 2 },
  );
  const table = await panel(LINE).getByRole("button", { name: "Show as table" });
  await table.click();
  const last = await panel(LINE).locator("tbody tr").last().locator("td").allTextContents();
  assert.deepEqual(last, ["4", "0.125"], "the table follows");
  await panel(LINE).getByRole("button", { name: "Show as chart" }).click();

  await field(`${BARS}/value/1`).fill("");
  const missing = panel(BARS).locator(".mce-chart-panel__missing");
  await missing.waitFor();
  assert.match(await missing.textContent(), /^Bar 2 is not a number yet/);
  assert.equal(await panel(BARS).locator("svg").count(), 0, "no broken drawing");
  await page.keyboard.press("ControlOrMeta+Z");
  await panel(BARS).locator("svg").waitFor();
});

test("pasting a 3-column block into a line graph asks which columns are x and y, changes nothing until answered, and redraws it with them", async () => {
  const points = () => panel(LINE).locator("circle.mce-chart__point").count();
  const before = await points();
  const cell = field(`${LINE}/value/0/0`);
  const block = "step\tthreshold\tloss\n1\t0.1\t0.9\n2\t0.5\t0.4\n3\t0.9\t0.2\n";
  await paste(page, cell, block);
  const question = page.getByRole("group", { name: /The pasted table has 3 columns \(3 rows\)/ });
  await question.waitFor();
  // The axes are named threshold and loss: their columns are offered first.
  const [x, y] = [question.getByLabel("X", { exact: true }), question.getByLabel("Y", { exact: true })];
  assert.equal(await x.evaluate((select) => select.selectedOptions[0].textContent), "2: threshold");
  assert.equal(await y.evaluate((select) => select.selectedOptions[0].textContent), "3: loss");
  assert.ok(await x.evaluate((select) => select === document.activeElement), "the keyboard is on the question");
  assert.equal(await points(), before, "nothing changes while the question is open");
  assert.deepEqual(await axeViolations(page), [], "the question passes axe");
  await x.focus();
  await page.keyboard.press("Escape");
  await question.waitFor({ state: "hidden" });
  assert.ok(await cell.evaluate((input) => input === document.activeElement), "Escape gives focus back to the cell");
  assert.equal(await points(), before, "a cancelled paste changes nothing");

  // A paste that fits while the question is open replaces it.
  await paste(page, cell, block);
  await question.waitFor();
  await paste(page, cell, "0\t1\n");
  await question.waitFor({ state: "hidden" });
  await page.keyboard.press("ControlOrMeta+Z");

  await paste(page, cell, block);
  await question.waitFor();
  await y.selectOption({ label: "1: step" });
  await x.selectOption({ label: "1: step" });
  await question.getByRole("button", { name: "Paste 3 points" }).click();
  await question.getByText("Choose two different columns for x and y").waitFor();
  await x.selectOption({ label: "2: threshold" });
  await question.getByRole("button", { name: "Paste 3 points" }).press("Enter");
  await question.waitFor({ state: "hidden" });
  await page.waitForFunction((pointer) => document.querySelectorAll(`[data-chart-for="${pointer}"] circle.mce-chart__point`).length === 3, LINE);
  await panel(LINE).getByRole("button", { name: "Show as table" }).click();
  const rows = await panel(LINE).locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  assert.deepEqual(rows, [["0.1", "1"], ["0.5", "2"], ["0.9", "3"]], "x from threshold, y from step, as chosen");
  await panel(LINE).getByRole("button", { name: "Show as chart" }).click();
  await page.keyboard.press("ControlOrMeta+Z");
  await page.waitForFunction(({ pointer, want }) => document.querySelectorAll(`[data-chart-for="${pointer}"] circle.mce-chart__point`).length === want, { pointer: LINE, want: before });
});

test("a chart closes and stays closed; switching the metric's type redraws it as the new kind", async () => {
  const toggle = panel(BARS).getByRole("button", { name: /Chart/ });
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await panel(BARS).locator("svg").count(), 0);
  // Closing and opening the group keeps the chart's state.
  await page.locator(`[id="f${GROUP}-toggle"]`).click();
  await page.locator(`[id="f${GROUP}-toggle"]`).click();
  assert.equal(await panel(BARS).getByRole("button", { name: /Chart/ }).getAttribute("aria-expanded"), "false");
  await panel(BARS).getByRole("button", { name: /Chart/ }).click();
  await field(`${BARS}/type`).selectOption("matrix");
  await page.waitForFunction((pointer) => document.querySelector(`[data-chart-for="${pointer}"] svg`)?.dataset.chart === "Heat map", BARS);
  await field(`${BARS}/type`).selectOption("bar_chart");
  await page.waitForFunction((pointer) => document.querySelector(`[data-chart-for="${pointer}"] svg`)?.dataset.chart === "Bar chart", BARS);
});

test("an open evaluation with its charts passes axe, at 1440 and at 320 px, without sideways scrolling", async () => {
  const audit = () => axeViolations(page);
  assert.deepEqual(await audit(), []);
  await page.setViewportSize({ width: 320, height: 800 });
  await panel(MATRIX).scrollIntoViewIfNeeded();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, "no sideways scrolling");
  const box = await panel(MATRIX).locator("svg").boundingBox();
  assert.ok(box.width <= 320 && box.x >= 0, `the heat map fits: ${JSON.stringify(box)}`);
  await page.screenshot({ path: resolve(import.meta.dirname, "../../target/charts-320.png") });
  assert.deepEqual(await audit(), []);
  await page.setViewportSize({ width: 1440, height: 900 });
});

test("the preview draws the same charts", async () => {
  await page.getByRole("tab", { name: "Preview" }).click();
  const figure = page.locator(".mce-print__figure svg[data-chart='Heat map']").first();
  await figure.waitFor();
  assert.equal(await figure.locator("rect.mce-chart__cell").count(), 400);
  await page.getByRole("tab", { name: "Form" }).click();
  assert.ok(readdirSync(resolve(import.meta.dirname, "../../docs")).includes("evaluation-overview.png"));
});
