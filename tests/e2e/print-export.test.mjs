// End-to-end: exports and the printout as a reviewer meets them (the AWS
// CLI command's region, the printed page's chrome, version facts, bar
// labels and matrix shades), the matrix grid's and training table's
// layout, warnings in plain words, and the start screen with no card open.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { openApp, openAppWithRegistry, paste, registryConfig, startEmulator } from "./support.mjs";

const fixtures = resolve(import.meta.dirname, "../fixtures");
const read = (name) => readFileSync(resolve(fixtures, name));
const GROUP = "fraud-detector";
const arn = (version) => `arn:aws:sagemaker:us-east-2:123456789012:model-package/${GROUP}/${version}`;

/** Runs `body` with the app served without a backend, and checks that the page raised no errors. */
async function offline(body) {
  const app = await openApp();
  try {
    await app.page.goto(app.url);
    await body(app.page, app);
  } finally {
    await app.close();
  }
  assert.deepEqual(app.errors, []);
}

/** Opens `card` through the paste dialog. */
async function openPasted(page, card) {
  await page.getByRole("button", { name: "Paste…" }).first().click();
  await page.locator("#mce-paste").getByLabel("JSON to open").fill(JSON.stringify(card));
  await page.locator("#mce-paste").getByRole("button", { name: "Open" }).click();
  await page.locator("#mce-paste").waitFor({ state: "hidden" });
}

/** Shows a registry version's details and opens its card for editing. */
async function openVersion(page, version) {
  await page.getByRole("button", { name: new RegExp(GROUP) }).click();
  await page.getByRole("button", { name: `Version ${version}`, exact: true }).click();
  await page.getByTestId("version-details").getByRole("button", { name: /Edit the card|Write a card/ }).click();
  await page.getByTestId("submit-bar").waitFor({ state: "visible" });
}

/** Opens the collapsed item at `pointer`, if it is collapsed. */
async function expand(page, pointer) {
  const toggle = page.locator(`[data-path="${pointer}"] .mce-item__toggle`).first();
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
}

const cliDialog = (page) => page.locator("#mce-cli");

async function openCliDialog(page) {
  await page.getByRole("button", { name: "AWS CLI…" }).click();
  await cliDialog(page).waitFor({ state: "visible" });
}

/** A metric card whose evaluation holds `metrics`. */
const metricCard = (metrics) => ({
  model_overview: { model_creator: "Fraud Analytics Team" },
  evaluation_details: [{ name: "holdout", metric_groups: [{ name: "quality", metric_data: metrics }] }],
});

// ---- the AWS CLI command ----------------------------------------------

test("the AWS CLI command names the region from config.json, and the ARN's when it differs", async () => {
  const emulator = await startEmulator();
  // The demo registry's versions are in us-east-2; this deployment is
  // configured for eu-west-1.
  const app = await openApp({ config: registryConfig(emulator.endpoint, { region: "eu-west-1" }) });
  const { page } = app;
  try {
    await page.goto(app.url);
    await page.getByTestId("registry").waitFor();
    // A version of the registry: its ARN's region, and the difference said.
    await openVersion(page, 1);
    await openCliDialog(page);
    const dialog = cliDialog(page);
    assert.equal(await dialog.getByLabel("Model package ARN").inputValue(), arn(1));
    assert.equal(
      await dialog.getByTestId("cli-command").textContent(),
      `aws sagemaker update-model-package --region us-east-2 --cli-input-json file://update-model-package-${GROUP}-1.json`,
    );
    assert.equal(
      await dialog.locator("#mce-cli-region-note").textContent(),
      "Region us-east-2, from the model package ARN: the version is there. The editor is configured for eu-west-1, which the command does not use.",
    );
    await dialog.getByRole("button", { name: "Close" }).click();

    // A card with no ARN (pasted): the configuration's region.
    await openPasted(page, { model_overview: { model_creator: "Fraud Analytics Team" } });
    await openCliDialog(page);
    assert.equal(await dialog.getByLabel("Model package ARN").inputValue(), "");
    assert.equal(
      await dialog.getByTestId("cli-command").textContent(),
      "aws sagemaker update-model-package --region eu-west-1 --cli-input-json file://update-model-package.json",
    );
    assert.equal(await dialog.locator("#mce-cli-region-note").textContent(), "Region eu-west-1, from the editor's configuration.");
    // The command applies to what the registry holds: boto3 reads the
    // version back in the region the command names.
    assert.equal(emulator.boto("describe", arn(1)).ModelPackageArn, arn(1));
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    emulator.stop();
  }
});

test("without a configuration the AWS CLI command takes the ARN's region, and asks for one when nothing names it", async () => {
  await offline(async (page) => {
    await page.getByTestId("file-input").setInputFiles({ name: "describe.json", mimeType: "application/json", buffer: read("import/describe-model-package.json") });
    await page.getByTestId("form-view").waitFor();
    await openCliDialog(page);
    const dialog = cliDialog(page);
    assert.equal(
      await dialog.getByTestId("cli-command").textContent(),
      "aws sagemaker update-model-package --region us-east-2 --cli-input-json file://update-model-package-fraud-detector-3.json",
    );
    // Without an ARN nothing names the region: the dialog asks for it
    // rather than leaving it out.
    await dialog.getByLabel("Model package ARN").fill("");
    const region = dialog.getByLabel("AWS region");
    await region.waitFor();
    assert.equal(await dialog.getByTestId("cli-command").count(), 0, "no command without its region");
    assert.match(await dialog.getByTestId("cli-command-missing").textContent(), /needs the region/);
    assert.equal(await region.getAttribute("aria-invalid"), "true");
    assert.match(await region.evaluate((box) => document.getElementById(box.getAttribute("aria-describedby")).textContent), /^Enter the AWS region/);
    assert.equal(await dialog.getByRole("button", { name: "Copy command" }).isDisabled(), true);
    await region.fill("Frankfurt");
    assert.match(await dialog.locator("#mce-cli-region-note").textContent(), /“Frankfurt” is not a region/);
    await region.fill("eu-central-1");
    assert.equal(
      await dialog.getByTestId("cli-command").textContent(),
      "aws sagemaker update-model-package --region eu-central-1 --cli-input-json file://update-model-package-fraud-detector-3.json",
    );
    // An ARN names its own region, which wins over what was typed.
    await dialog.getByLabel("Model package ARN").fill("arn:aws:sagemaker:ap-southeast-2:123456789012:model-package/g/4");
    assert.match(await dialog.getByTestId("cli-command").textContent(), /--region ap-southeast-2 /);
    assert.equal(await dialog.getByLabel("AWS region").count(), 0);
  });
});

// ---- the printout -----------------------------------------------------

test("the printed page leaves out the toolbar and submit bar and names the version, its card status and approval", async () => {
  const { emulator, app } = await openAppWithRegistry();
  const { page } = app;
  try {
    await page.goto(app.url);
    await page.getByTestId("registry").waitFor();
    await openVersion(page, 1);
    await page.getByRole("tab", { name: "Preview" }).click();
    const view = page.getByTestId("print-view");
    await view.waitFor();
    await page.emulateMedia({ media: "print" });
    for (const chrome of [".mce-toolbar", ".mce-header", "[data-testid=submit-bar]"]) {
      assert.equal(await page.locator(chrome).isVisible(), false, `${chrome} is not printed`);
    }
    const described = emulator.boto("describe", arn(1));
    const facts = await view.getByTestId("print-facts").evaluate((list) =>
      Object.fromEntries([...list.querySelectorAll("dt")].map((term) => [term.textContent, term.nextElementSibling.textContent])),
    );
    assert.deepEqual(facts, {
      "Model package ARN": described.ModelPackageArn,
      "Card status": described.ModelCard.ModelCardStatus,
      "Approval status": described.ModelApprovalStatus,
    });
    assert.equal(await view.getByTestId("print-facts").isVisible(), true);
    // The PDF the browser makes holds them too.
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10_000, "a printed document");
    await page.emulateMedia({ media: "screen" });
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    emulator.stop();
  }
});

test("bar charts carry their categories under their bars, long ones shortened with the full text at hand", async () => {
  await offline(async (page) => {
    const long = "customers who joined during the holiday promotion";
    const names = Array.from({ length: 12 }, (_, i) => (i === 0 ? long : `merchant segment ${i + 1}`));
    await openPasted(
      page,
      metricCard([
        { name: "recall by segment", type: "bar_chart", value: [0.74, 0.69, 0.81], x_axis_name: ["new", "regular", "premium"] },
        { name: "recall by merchant", type: "bar_chart", value: names.map((_, i) => i / 12), x_axis_name: names },
      ]),
    );
    await page.getByRole("tab", { name: "Preview" }).click();
    const charts = page.getByTestId("print-view").locator("svg.mce-chart");
    await charts.nth(1).waitFor();
    const categories = (chart) =>
      chart.locator("text.mce-chart__category").evaluateAll((texts) =>
        texts.map((text) => ({ shown: text.querySelector(".mce-chart__short").textContent, full: text.querySelector("title").textContent })),
      );
    assert.deepEqual(
      (await categories(charts.nth(0))).map((label) => label.shown),
      ["new", "regular", "premium"],
    );
    const many = await categories(charts.nth(1));
    assert.equal(many.length, 12, "every bar labelled");
    assert.equal(many[0].full, long, "the full category at hand");
    assert.ok(many[0].shown.endsWith("…") && many[0].shown.length < long.length, `shortened: ${many[0].shown}`);
    // Each label sits under its own bar, and none overlaps the next.
    const boxes = await charts.nth(1).evaluate((svg) => ({
      bars: [...svg.querySelectorAll(".mce-chart__bar")].map((bar) => bar.getBoundingClientRect().toJSON()),
      labels: [...svg.querySelectorAll(".mce-chart__category")].map((text) => text.getBoundingClientRect().toJSON()),
      svg: svg.getBoundingClientRect().toJSON(),
    }));
    boxes.labels.forEach((label, index) => {
      const bar = boxes.bars[index];
      assert.ok(label.right >= bar.left && label.right <= bar.right + bar.width, `label ${index} ends under its bar`);
      assert.ok(label.top >= bar.bottom - 1, `label ${index} is under the bars`);
      assert.ok(label.left >= boxes.svg.left - 1 && label.bottom <= boxes.svg.bottom + 1, `label ${index} is inside the chart`);
    });
  });
});

/** The printed heat map number `index`. */
const heatMap = (page, index) => page.getByTestId("print-view").locator("svg[data-chart='Heat map']").nth(index);

/**
 * The cells of the printed heat map number `index`: value (from the
 * cell's tooltip, "row, column: value"), fill, and the colour of the value
 * written on it (`null` where it has no room and only the table beside
 * holds it).
 */
async function matrixCells(page, index) {
  return heatMap(page, index).evaluate((svg) =>
    [...svg.querySelectorAll("rect.mce-chart__cell")].map((cell) => {
      // After the cell: its outline when it is an extreme, then its value
      // when it has room.
      let next = cell.nextElementSibling;
      while (next?.classList.contains("mce-chart__mark")) next = next.nextElementSibling;
      const written = next?.classList.contains("mce-chart__cell-text") ? next : null;
      return {
        value: Number(cell.querySelector("title").textContent.split(": ").pop()),
        background: getComputedStyle(cell).fill,
        color: written ? getComputedStyle(written).fill : null,
      };
    }),
  );
}

const channels = (css) => css.match(/[\d.]+/g).slice(0, 3).map(Number);
function luminance(css) {
  const [r, g, b] = channels(css).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

test("every matrix cell is shaded on one scale: distinct shades in the order of the values, each value readable", async () => {
  const twenty = Array.from({ length: 20 }, (_, row) => Array.from({ length: 20 }, (_, column) => (row === column ? 900 + row * 7 : (row * 3 + column) % 9)));
  await offline(async (page) => {
    await openPasted(
      page,
      metricCard([
        { name: "confusion matrix", type: "matrix", value: [[950, 12], [30, 8]], x_axis_name: ["predicted legit", "predicted fraud"], y_axis_name: ["actual legit", "actual fraud"] },
        { name: "twenty classes", type: "matrix", value: twenty },
      ]),
    );
    await page.getByRole("tab", { name: "Preview" }).click();
    await heatMap(page, 1).waitFor();
    await page.emulateMedia({ media: "print" });
    const small = await matrixCells(page, 0);
    assert.deepEqual(small.map((cell) => cell.value), [950, 12, 30, 8]);
    const byValue = [...small].sort((a, b) => a.value - b.value);
    for (let i = 1; i < byValue.length; i++) {
      const [lower, higher] = [byValue[i - 1], byValue[i]];
      assert.ok(
        luminance(lower.background) - luminance(higher.background) > 0.03,
        `${higher.value} (${higher.background}) is visibly darker than ${lower.value} (${lower.background})`,
      );
    }
    assert.ok(luminance(byValue[0].background) < 0.97, "even the smallest value is shaded");
    for (const cell of small) {
      assert.ok(cell.color, `${cell.value} is written in its cell`);
      assert.ok(contrast(cell.color, cell.background) >= 4.5, `${cell.value} is readable on its shade`);
    }

    const large = await matrixCells(page, 1);
    assert.equal(large.length, 400);
    const sorted = [...large].sort((a, b) => a.value - b.value);
    for (let i = 1; i < sorted.length; i++) {
      assert.ok(luminance(sorted[i].background) <= luminance(sorted[i - 1].background) + 1e-9, `${sorted[i].value} is no lighter than ${sorted[i - 1].value}`);
    }
    // Each order of magnitude has a shade of its own: 0, the small
    // off-diagonal counts and the diagonal's 900 to 1033.
    const shadeOf = new Map(large.map((cell) => [cell.value, cell.background]));
    const magnitudes = [0, 1, 2, 4, 8, 900, 1033].map((value) => shadeOf.get(value));
    assert.equal(new Set(magnitudes).size, magnitudes.length, `distinct shades: ${magnitudes.join(", ")}`);
    for (const cell of large.filter((cell) => cell.color)) assert.ok(contrast(cell.color, cell.background) >= 4.5, `${cell.value} is readable on its shade`);
    assert.ok(large.some((cell) => cell.color), "values that fit are written in their cells");
    const values = await page.getByTestId("print-view").locator(".mce-print__figure").nth(1).locator("table tbody td").allTextContents();
    assert.equal(values.length, 400, "every value of the large matrix in the table beside it");
    // On A4 (210 mm less 16 mm margins each side: 673 px), the table of all
    // 20 columns fits the page instead of running off its edge.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 673, height: 950 });
    const table = page.getByTestId("print-view").locator(".mce-print__figure").nth(1).locator("table");
    const overflow = await table.evaluate((element) => element.getBoundingClientRect().right - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the 20-column table runs ${overflow} px off the printed page`);
    await page.setViewportSize(viewport);
    assert.match(await heatMap(page, 0).locator("desc").textContent(), /Darker cells hold larger values, from 8 \(lightest, yellow\) to 950 \(darkest, purple\), on a logarithmic scale/);
    await page.emulateMedia({ media: "screen" });
  });
});

// ---- the matrix grid and the training table ----------------------------

/** Where the row-remove button `name` is, with its grid scrolled into view (not across). */
async function removeButtonPlace(page, name) {
  const remove = page.getByRole("button", { name }).first();
  await remove.waitFor();
  return remove.evaluate((button) => {
    button.scrollIntoView({ block: "center", inline: "nearest" });
    const scroller = button.closest(".mce-table-scroll");
    scroller.scrollLeft = 0;
    const box = scroller.getBoundingClientRect();
    const own = button.getBoundingClientRect();
    return {
      left: own.left,
      right: own.right,
      visibleLeft: box.left + scroller.clientLeft,
      visibleRight: box.left + scroller.clientLeft + scroller.clientWidth,
      wider: scroller.scrollWidth > scroller.clientWidth,
    };
  });
}

const assertInside = (placed) =>
  assert.ok(
    placed.left >= placed.visibleLeft && placed.right <= placed.visibleRight,
    `the button (${placed.left}–${placed.right}) is inside the visible box (${placed.visibleLeft}–${placed.visibleRight})`,
  );

test("at 1440 px the matrix grid's row-remove buttons are inside its visible box, and training notes have room for a sentence", async () => {
  await offline(async (page, app) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    // The complete example's confusion matrix fits, buttons and all.
    await page.goto(`${app.url}?card=/examples/complete.json`);
    await page.waitForFunction(() => document.querySelector('[data-path="/model_overview/model_creator"]')?.value.length > 0);
    await expand(page, "/evaluation_details/0");
    await expand(page, "/evaluation_details/0/metric_groups/0");
    const example = await removeButtonPlace(page, "Remove row 2");
    assertInside(example);
    assert.equal(example.wider, false, "the two-column matrix needs no scrolling");

    // A wider matrix scrolls under its buttons, which stay in view.
    const columns = ["predicted legit", "predicted fraud", "predicted chargeback", "predicted friendly fraud", "predicted account takeover"];
    const card = metricCard([
      { name: "confusion matrix", type: "matrix", value: columns.map((_, row) => columns.map((_, column) => (row === column ? 950 : 12))), x_axis_name: columns, y_axis_name: columns.map((c) => c.replace("predicted", "actual")) },
    ]);
    card.training_details = {
      training_job_details: {
        training_metrics: [{ name: "validation:auc", value: 0.962, notes: "Held-out November week, weighted by transaction amount." }],
      },
    };
    await openPasted(page, card);
    await expand(page, "/evaluation_details/0");
    await expand(page, "/evaluation_details/0/metric_groups/0");
    const wide = await removeButtonPlace(page, "Remove row 5");
    assert.ok(wide.wider, "the matrix is wider than its box");
    assertInside(wide);
    const notes = page.locator('[data-path="/training_details/training_job_details/training_metrics/0/notes"]');
    await notes.scrollIntoViewIfNeeded();
    const width = await notes.evaluate((box) => {
      const probe = document.createElement("span");
      probe.textContent = "0".repeat(20);
      probe.style.font = getComputedStyle(box).font;
      probe.style.position = "absolute";
      document.body.append(probe);
      const twenty = probe.getBoundingClientRect().width;
      probe.remove();
      return { box: box.clientWidth, twenty };
    });
    assert.ok(width.box >= width.twenty, `the notes box (${width.box} px) holds 20 characters (${width.twenty} px)`);
    // The value beside it is still shown whole.
    const value = page.locator('[data-path="/training_details/training_job_details/training_metrics/0/value"]');
    assert.equal(await value.evaluate((box) => box.scrollWidth <= box.clientWidth), true, "the value fits its box");
  });
});

// ---- words for reviewers ---------------------------------------------

test("warnings speak plainly, and the suggested list length is said only near or over it", async () => {
  await offline(async (page) => {
    const artifacts = (count) => Array.from({ length: count }, (_, i) => `s3://acme-ml-models/fraud/${i}.tar.gz`);
    await openPasted(page, { model_overview: { model_artifact: artifacts(3) }, evaluation_details: [{ name: "n".repeat(70) }] });
    const limit = page.locator('[data-path="/model_overview/model_artifact"] .mce-list__limit');
    assert.equal(await limit.textContent(), "3 items");
    await expand(page, "/evaluation_details/0");
    const warning = page.locator('[id="f/evaluation_details/0/name-messages"] .mce-messages__warning');
    assert.equal(
      await warning.textContent(),
      "Names longer than 63 characters may be refused by tools that read this card (the schema intends at most 63); this one has 70",
    );
    const listed = await page.locator("[data-testid=warning-list] li").evaluateAll((items) => items.map((item) => item.dataset.message));
    for (const message of listed) assert.doesNotMatch(message, /pattern|unanchored|maxContains|declares|`/);

    await openPasted(page, { model_overview: { model_artifact: artifacts(12) } });
    assert.equal(await limit.textContent(), "12 items · the schema suggests at most 15");
    await openPasted(page, { model_overview: { model_artifact: artifacts(16) } });
    assert.equal(await limit.textContent(), "16 items · more than the 15 the schema suggests");
    assert.equal(
      await page.locator('[id="f/model_overview/model_artifact-messages"] .mce-messages__warning').textContent(),
      "More than 15 items may be refused by tools that read this card (the schema intends at most 15); this list has 16",
    );
  });
});

// ---- the start screen ---------------------------------------------------

test("with nothing open the start screen says what the reviewer can do, and the exports wait for a card", async () => {
  await offline(async (page) => {
    const start = page.getByTestId("start-screen");
    await start.waitFor();
    assert.equal(await start.getByRole("heading").textContent(), "No card is open");
    assert.deepEqual(await start.getByRole("button").allTextContents(), ["Open a file…", "Paste JSON…", "Start a new card"]);
    assert.equal((await page.locator(".mce-header__source").textContent()).trim(), "No card open");
    assert.equal(await page.locator("#mce-main [data-path]").count(), 0, "no empty form");
    for (const name of ["Download", "Copy JSON", "AWS CLI…", "Print"]) {
      const button = page.getByRole("button", { name, exact: true });
      assert.equal(await button.getAttribute("aria-disabled"), "true", `${name} is unavailable`);
      const reason = await button.evaluate((b) => document.getElementById(b.getAttribute("aria-describedby")).textContent);
      assert.equal(reason, "There is no card to export yet: open a card or start a new one first.");
      await button.focus();
      assert.equal(await button.evaluate((b) => b === document.activeElement), true, `${name} is reachable by keyboard`);
    }
    // Activated from the keyboard, they do nothing.
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    for (const name of ["Download", "AWS CLI…"]) {
      await page.getByRole("button", { name, exact: true }).focus();
      await page.keyboard.press("Enter");
    }
    await page.waitForTimeout(300);
    assert.equal(downloaded, false, "nothing to download");
    assert.equal(await cliDialog(page).isVisible(), false);

    // Paste opens its dialog from here too.
    await start.getByRole("button", { name: "Paste JSON…" }).click();
    await page.locator("#mce-paste").waitFor({ state: "visible" });
    await page.locator("#mce-paste").getByRole("button", { name: "Cancel" }).click();

    // A new card is one click, and the cursor is in its first field.
    await start.getByRole("button", { name: "Start a new card" }).click();
    await page.getByTestId("form-view").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), "/model_overview/model_creator", "the first field, Model creator");
    assert.equal(await page.getByRole("button", { name: "Download", exact: true }).getAttribute("aria-disabled"), null);
    assert.equal((await page.locator(".mce-header__source").textContent()).trim(), "the new card");
  });
});

test("with a registry configured the start screen offers its versions first", async () => {
  const { emulator, app } = await openAppWithRegistry();
  const { page } = app;
  try {
    await page.goto(app.url);
    await page.getByRole("button", { name: new RegExp(GROUP) }).waitFor();
    await page.getByRole("tab", { name: "Form" }).click();
    const start = page.getByTestId("start-screen");
    await start.waitFor();
    assert.deepEqual(await start.getByRole("button").allTextContents(), ["Open a registry version", "Open a file…", "Paste JSON…", "Start a new card"]);
    await start.getByRole("button", { name: "Open a registry version" }).click();
    await page.getByTestId("registry").waitFor();
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
    emulator.stop();
  }
});
