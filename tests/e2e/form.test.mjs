// End-to-end: a card filled from empty through the generated form, in every
// section, in headless Chromium against the release build. The card read
// back from the source view must be exactly what was entered.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openApp, openCardByLink, paste } from "./support.mjs";

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

const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();
const within = (pointer) => page.locator(`[data-path="${pointer}"]`).first();
const messagesOf = async (pointer) =>
  (await page.locator(`[id="f${pointer}-messages"] .mce-messages__error`).allTextContents()).join(" | ");
const count = async () => Number(await page.getByTestId("problem-count").getAttribute("data-count"));
const sourceText = async () => {
  await page.getByRole("tab", { name: "Source" }).click();
  const text = await page.getByRole("textbox", { name: "Card JSON" }).inputValue();
  await page.getByRole("tab", { name: "Form" }).click();
  await page.getByTestId("form-view").waitFor();
  return text;
};

/** Runs `body` on a page of its own with the editor open on a new card, and
 * checks that the page raised no errors. */
async function inFreshEditor(body) {
  const other = await openApp();
  try {
    await other.page.goto(other.url);
    await other.page.getByTestId("start-new-card").click();
    await other.page.getByTestId("form-view").waitFor();
    await body(other.page);
  } finally {
    await other.close();
  }
  assert.deepEqual(other.errors, []);
}

/** Puts `card` in the paste dialog, ready to open. */
async function fillPasteDialog(page, card) {
  await page.getByRole("button", { name: "Paste…" }).click();
  await page.locator("#mce-paste").getByLabel("JSON to open").fill(JSON.stringify(card));
}

/** Opens `card` through the paste dialog. */
async function openPasted(page, card) {
  await fillPasteDialog(page, card);
  await page.locator("#mce-paste").getByRole("button", { name: "Open" }).click();
}

const EVAL = "/evaluation_details/0";
const GROUP = `${EVAL}/metric_groups/0`;
const METRIC = `${GROUP}/metric_data/0`;

test("model overview: text with a code-point counter, a list reordered from the keyboard", async () => {
  await field("/model_overview/model_creator").fill("Fraud Analytics Team 🎯");
  const counter = page.locator('[id="f/model_overview/model_creator-counter"]');
  assert.equal(await counter.textContent(), "22 / 1024", "an emoji counts as one character");
  const artifacts = within("/model_overview/model_artifact");
  await artifacts.getByRole("button", { name: "Add artifact" }).click();
  await page.keyboard.type("s3://models/fraud/v2/");
  await page.keyboard.press("Enter"); // adds a row after this one and focuses it
  await page.keyboard.type("s3://models/fraud/model.tar.gz");
  await page.keyboard.press("Alt+ArrowUp");
  assert.equal(await field("/model_overview/model_artifact/0").inputValue(), "s3://models/fraud/model.tar.gz");
  assert.equal(await field("/model_overview/model_artifact/1").inputValue(), "s3://models/fraud/v2/");
  const focused = await page.evaluate(() => document.activeElement.dataset.path);
  assert.equal(focused, "/model_overview/model_artifact/0", "focus follows the moved item");
});

test("intended uses and business details: multi-line text and the risk rating choice", async () => {
  await field("/intended_uses/purpose_of_model").fill("Score card payments\nfor fraud.");
  await field("/intended_uses/risk_rating").selectOption("Medium");
  await field("/business_details/line_of_business").fill("Retail banking");
  assert.equal(await count(), 0);
});

test("training details: objective function, job, a metric typed as a number, a hyperparameter", async () => {
  await field("/training_details/objective_function/function/function").selectOption("Minimize");
  await field("/training_details/objective_function/function/facet").fill("logloss");
  await field("/training_details/training_job_details/training_arn").fill("arn:aws:sagemaker:us-east-2:123456789012:training-job/fraud");
  const metrics = within("/training_details/training_job_details/training_metrics");
  await metrics.getByRole("button", { name: "Add metric" }).click();
  const metric = "/training_details/training_job_details/training_metrics/0";
  assert.equal(await messagesOf(`${metric}/name`), "Must not be empty");
  await field(`${metric}/name`).fill("validation:auc");
  assert.equal(await messagesOf(`${metric}/name`), "");
  await field(`${metric}/value`).fill("0.");
  assert.equal(await messagesOf(`${metric}/value`), "“0.” is not a number, so the card still holds 0. Did you mean 0?");
  assert.equal(await field(`${metric}/value`).getAttribute("aria-invalid"), "true");
  assert.equal(await count(), 1, "text the card does not hold is a problem");
  await field(`${metric}/value`).fill("0.9");
  assert.equal(await messagesOf(`${metric}/value`), "");
  const params = within("/training_details/training_job_details/hyper_parameters");
  await params.getByRole("button", { name: "Add hyperparameter" }).click();
  await field("/training_details/training_job_details/hyper_parameters/0/name").fill("max_depth");
  await field("/training_details/training_job_details/hyper_parameters/0/value").fill("6");
  assert.equal(await count(), 0);
});

test("evaluation details: errors appear and clear on the right fields, a map entry renamed", async () => {
  await within("/evaluation_details").getByRole("button", { name: "Add evaluation" }).click();
  const name = field(`${EVAL}/name`);
  await name.waitFor();
  assert.equal(await name.getAttribute("aria-invalid"), "true");
  assert.equal(await messagesOf(`${EVAL}/name`), "Must not be empty");
  assert.equal(await count(), 1);
  const described = await name.getAttribute("aria-describedby");
  assert.ok(described.split(" ").includes(`f${EVAL}/name-messages`), described);
  await name.fill("Holdout");
  assert.equal(await name.getAttribute("aria-invalid"), "false");
  assert.equal(await count(), 0);

  const metadata = within(`${EVAL}/metadata`);
  await metadata.getByRole("button", { name: "Add attribute" }).click();
  await page.keyboard.type("owner");
  await field(`${EVAL}/metadata/owner`).fill("risk");
  await metadata.getByRole("button", { name: "Add attribute" }).click();
  await page.keyboard.type("team");
  await field(`${EVAL}/metadata/team`).fill("fraud");
  const teamKey = page.locator(`[data-key-of="${EVAL}/metadata/team"]`);
  await teamKey.fill("owner");
  assert.equal(await teamKey.getAttribute("aria-invalid"), "true");
  assert.match(await metadata.locator(".mce-map__row").nth(1).textContent(), /Another entry already uses the key “owner”, so the card keeps this entry under “team”/);
  assert.equal(await count(), 1, "a key the card cannot take is a problem");
  await teamKey.fill("");
  assert.match(await metadata.locator(".mce-map__row").nth(1).textContent(), /A key can't be empty/);
  await teamKey.fill("teams");
  assert.equal(await field(`${EVAL}/metadata/teams`).inputValue(), "fraud", "renaming keeps the value");
  assert.equal(await page.locator(`[data-key-of="${EVAL}/metadata/teams"]`).getAttribute("aria-invalid"), "false");
});

test("a metric switched between types keeps what was entered; a matrix pasted from TSV", async () => {
  const groups = within(`${EVAL}/metric_groups`);
  await groups.getByRole("button", { name: "Add metric group" }).click();
  await field(`${GROUP}/name`).fill("binary classification");
  await within(`${GROUP}/metric_data`).getByRole("button", { name: "Add metric" }).click();
  await field(`${METRIC}/name`).fill("accuracy");
  await field(`${METRIC}/value`).fill("0.95");

  await field(`${METRIC}/type`).selectOption("matrix");
  assert.equal(await field(`${METRIC}/name`).inputValue(), "accuracy", "the name carries over");
  const cell = field(`${METRIC}/value/0/0`);
  await paste(page, cell, "\tpredicted no\tpredicted yes\nactual no\t90\t10\nactual yes\t5\t95\n");
  assert.equal(await field(`${METRIC}/value/1/1`).inputValue(), "95");
  assert.equal(await field(`${METRIC}/x_axis_name/1`).inputValue(), "predicted yes");
  assert.equal(await field(`${METRIC}/y_axis_name/0`).inputValue(), "actual no");
  await field(`${METRIC}/name`).fill("confusion");

  await field(`${METRIC}/type`).selectOption("number");
  assert.equal(await field(`${METRIC}/value`).inputValue(), "0.95", "the number comes back");
  assert.equal(await field(`${METRIC}/name`).inputValue(), "confusion");
  await field(`${METRIC}/type`).selectOption("matrix");
  assert.equal(await field(`${METRIC}/value/0/1`).inputValue(), "10", "the matrix comes back");
  assert.equal(await field(`${METRIC}/x_axis_name/0`).inputValue(), "predicted no");

  await field(`${METRIC}/value/1/0`).fill("5x");
  assert.equal(await messagesOf(`${METRIC}/value/1/0`), "“5x” is not a number, so the card still holds 5.");
  await field(`${METRIC}/value/1/0`).fill("5");
});

test("a bar chart's labels and values pasted as two columns", async () => {
  const bar = `${GROUP}/metric_data/1`;
  await within(`${GROUP}/metric_data`).getByRole("button", { name: "Add metric" }).click();
  await field(`${bar}/name`).fill("recall by segment");
  await field(`${bar}/type`).selectOption("bar_chart");
  await paste(page, field(`${bar}/value/0`), "new\t0.74\nregular\t0.69\n");
  assert.equal(await field(`${bar}/x_axis_name/1`).inputValue(), "regular");
  assert.equal(await field(`${bar}/value/1`).inputValue(), "0.69");
  assert.equal(await count(), 0);
});

test("additional information, then undo and redo", async () => {
  await within("/additional_information/custom_details").getByRole("button", { name: "Add detail" }).click();
  await page.keyboard.type("ticket");
  await field("/additional_information/custom_details/ticket").fill("RISK-1");
  const caveats = field("/additional_information/caveats_and_recommendations");
  await caveats.fill("Retrain monthly.");
  await page.keyboard.press("ControlOrMeta+Z");
  assert.equal(await caveats.inputValue(), "");
  await page.getByTestId("redo").click();
  assert.equal(await caveats.inputValue(), "Retrain monthly.");
  assert.equal(await count(), 0);
});

test("the source view holds exactly the card entered, and an edit there shows in the form", async () => {
  const expected = {
    model_overview: {
      model_creator: "Fraud Analytics Team 🎯",
      model_artifact: ["s3://models/fraud/model.tar.gz", "s3://models/fraud/v2/"],
    },
    intended_uses: { purpose_of_model: "Score card payments\nfor fraud.", risk_rating: "Medium" },
    business_details: { line_of_business: "Retail banking" },
    training_details: {
      objective_function: { function: { function: "Minimize", facet: "logloss" } },
      training_job_details: {
        training_arn: "arn:aws:sagemaker:us-east-2:123456789012:training-job/fraud",
        training_metrics: [{ name: "validation:auc", value: 0.9 }],
        hyper_parameters: [{ name: "max_depth", value: "6" }],
      },
    },
    evaluation_details: [
      {
        name: "Holdout",
        metadata: { owner: "risk", teams: "fraud" },
        metric_groups: [
          {
            name: "binary classification",
            metric_data: [
              {
                name: "confusion",
                type: "matrix",
                value: [[90, 10], [5, 95]],
                x_axis_name: ["predicted no", "predicted yes"],
                y_axis_name: ["actual no", "actual yes"],
              },
              {
                name: "recall by segment",
                type: "bar_chart",
                value: [0.74, 0.69],
                x_axis_name: ["new", "regular"],
              },
            ],
          },
        ],
      },
    ],
    additional_information: { custom_details: { ticket: "RISK-1" }, caveats_and_recommendations: "Retrain monthly." },
  };
  const text = await sourceText();
  assert.deepStrictEqual(JSON.parse(text), expected);
  assert.equal(text, `${JSON.stringify(expected, null, 2)}\n`, "same keys in the same order, laid out as saved");

  await page.getByRole("tab", { name: "Source" }).click();
  const source = page.getByRole("textbox", { name: "Card JSON" });
  await source.fill(text.replace('"Retail banking"', '"Commercial banking"'));
  await page.getByRole("tab", { name: "Form" }).click();
  assert.equal(await field("/business_details/line_of_business").inputValue(), "Commercial banking");
});

test("an unknown field from the source is kept, flagged, and removable", async () => {
  await page.getByRole("tab", { name: "Source" }).click();
  const source = page.getByRole("textbox", { name: "Card JSON" });
  const card = JSON.parse(await source.inputValue());
  card.business_details.owner = "payments";
  await source.fill(JSON.stringify(card, null, 2));
  await page.getByRole("tab", { name: "Form" }).click();
  const unknown = field("/business_details/owner");
  assert.match(await unknown.textContent(), /Unknown field/);
  assert.equal(await messagesOf("/business_details/owner"), "A model card has no field “owner” here: remove it, or move what it holds into a field the card has");
  await page.locator("[data-testid=problem-list] button").first().click();
  await unknown.getByRole("button", { name: 'Remove unknown field "owner"' }).click();
  assert.equal(await count(), 0);
  assert.equal(await page.locator('[data-path="/business_details/owner"]').count(), 0);
});

test("grids: the arrow keys and Enter move between cells, as in a spreadsheet", async () => {
  await openCardByLink(app, "/examples/complete.json");
  for (const item of ["/evaluation_details/0", "/evaluation_details/0/metric_groups/0", "/evaluation_details/0/metric_groups/0/metric_data/4"]) {
    const toggle = page.locator(`[id="f${item}-toggle"]`);
    if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  }
  const matrix = "/evaluation_details/0/metric_groups/0/metric_data/4/value";
  const cell = (row, column) => field(`${matrix}/${row}/${column}`);
  const focused = () => page.evaluate(() => document.activeElement.dataset.path);
  const selected = () => page.evaluate(() => [document.activeElement.selectionStart, document.activeElement.selectionEnd]);
  await cell(0, 0).click();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), `${matrix}/0/1`, "right from the end of the text");
  assert.deepEqual(await selected(), [0, 3], "arriving selects the cell's text");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(), `${matrix}/1/1`);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focused(), `${matrix}/1/0`, "left with the whole text selected");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), `${matrix}/1/1`);
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), `${matrix}/1/1`, "within the text the caret moves, not the focus");
  assert.deepEqual(await selected(), [1, 1]);
  await page.keyboard.press("Shift+Enter");
  assert.equal(await focused(), `${matrix}/0/1`);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  assert.equal(await focused(), `${matrix}/1/1`, "the last row keeps the focus");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.match(await focused(), new RegExp(`^${matrix.replace("/value", "/x_axis_name")}`), "up from the first row reaches the column labels");
  assert.deepEqual(
    [await cell(0, 0).inputValue(), await cell(0, 1).inputValue(), await cell(1, 0).inputValue(), await cell(1, 1).inputValue()],
    ["98120", "310", "214", "1356"],
    "moving changes nothing",
  );
});

test("a long grid builds its later rows after its first frame, and a problem far down it still gets focus", async () => {
  await inFreshEditor(async (page) => {
    const points = Array.from({ length: 100 }, (_, i) => [i / 100, 1 - i / 100]);
    points[79][1] = "high";
    const metric = { name: "roc", type: "linear_graph", value: points };
    const card = { evaluation_details: [{ name: "holdout", metric_groups: [{ name: "curves", metric_data: [metric] }] }] };
    await openPasted(page, card);

    // The problem's cell is in row 80 of a grid inside a collapsed group.
    const cell = `${METRIC}/value/79/1`;
    await page.locator(`[data-testid=problem-list] li[data-field="${cell}"] button`).click();
    await page.waitForFunction((cell) => document.activeElement?.dataset.path === cell, cell, { timeout: 5000 });
    const rows = await page.locator(`[data-path^="${METRIC}/value/"][data-path$="/1"]`).count();
    assert.equal(rows, 100, "every row is built");
  });
});

test("a long table shows its first rows in the frame the card opens in, then the rest, and a problem far down it still gets focus", async () => {
  await inFreshEditor(async (page) => {
    const TABLE = "/training_details/training_job_details/hyper_parameters";
    const hyper = Array.from({ length: 100 }, (_, i) => ({ name: `p${i}`, value: String(i) }));
    hyper[89].name = "";
    const card = { training_details: { training_job_details: { hyper_parameters: hyper } } };
    // The rows on the page in the first frame after the table appears.
    await page.evaluate((table) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(`[data-path="${table}/0"]`)) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          window.rowsInFirstFrame = document.querySelectorAll(`tr[data-path^="${table}/"]`).length;
        });
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, TABLE);
    await openPasted(page, card);

    const cell = `${TABLE}/89/name`;
    await page.locator(`[data-testid=problem-list] li[data-field="${cell}"] button`).click();
    await page.waitForFunction((cell) => document.activeElement?.dataset.path === cell, cell, { timeout: 5000 });
    const first = await page.evaluate(() => window.rowsInFirstFrame);
    assert.ok(first > 0 && first < 100, `the first frame held ${first} rows`);
    assert.equal(await page.locator(`tr[data-path^="${TABLE}/"]`).count(), 100, "every row is built");
  });
});

test("an arrow key past the last row a grid has built so far builds the rest and moves there", async () => {
  await inFreshEditor(async (page) => {
    const points = Array.from({ length: 100 }, (_, i) => [i / 100, 1 - i / 100]);
    const card = { evaluation_details: [{ name: "holdout", metric_groups: [{ name: "curves", metric_data: [{ name: "roc", type: "linear_graph", value: points }] }] }] };
    await openPasted(page, card);
    await page.locator(`[data-path="${EVAL}"] .mce-item__toggle`).first().click();
    // The group opens, and in the same task, before the rest of the rows
    // are built, ArrowDown is pressed in the last row built.
    const from = await page.evaluate(async ({ group, metric }) => {
      document.querySelector(`[data-path="${group}"] .mce-item__toggle`).click();
      for (let i = 0; i < 20; i++) await Promise.resolve();
      const cells = [...document.querySelectorAll(`[data-path^="${metric}/value/"][data-path$="/1"]`)];
      const last = cells[cells.length - 1];
      last.focus();
      last.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, cancelable: true }));
      return { path: last.dataset.path, built: cells.length };
    }, { group: GROUP, metric: METRIC });
    assert.ok(from.built < 100, `the grid was still being built (${from.built} of 100 rows)`);
    const next = `${METRIC}/value/${from.built}/1`;
    await page.waitForFunction((next) => document.activeElement?.dataset.path === next, next, { timeout: 5000 });
    assert.equal(await page.locator(`[data-path^="${METRIC}/value/"][data-path$="/1"]`).count(), 100);
  });
});

test("a row added while a long table is still being built is there at once to take focus", async () => {
  await inFreshEditor(async (page) => {
    const TABLE = "/training_details/training_job_details/hyper_parameters";
    const hyper = Array.from({ length: 99 }, (_, i) => ({ name: `p${i}`, value: String(i) }));
    await fillPasteDialog(page, { training_details: { training_job_details: { hyper_parameters: hyper } } });
    const builtWhenAdded = await page.evaluate(async (table) => {
      [...document.querySelectorAll("#mce-paste button")].find((b) => b.textContent === "Open").click();
      await new Promise((done) => setTimeout(done, 0));
      const built = document.querySelectorAll(`tr[data-path^="${table}/"]`).length;
      document.querySelector(`[data-path="${table}"] .mce-button--add`).click();
      return built;
    }, TABLE);
    assert.ok(builtWhenAdded < 99, `the table was still being built (${builtWhenAdded} of 99 rows)`);
    await page.waitForFunction((path) => document.activeElement?.dataset.path === path, `${TABLE}/99/name`, { timeout: 5000 });
    assert.equal(await page.locator(`tr[data-path^="${TABLE}/"]`).count(), 100);
  });
});

test("the page raised no errors", () => {
  assert.deepEqual(app.errors, []);
});
