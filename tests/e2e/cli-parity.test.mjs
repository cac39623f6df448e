// The editor and `model-card validate` must say the same things about the
// same card: the same errors and warnings, at the same pointers, in the
// same words.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { openApp, paste } from "./support.mjs";

const fixture = resolve(import.meta.dirname, "../fixtures/cards/errors-and-warnings.json");
const binary = process.env.MODEL_CARD_BIN ?? resolve(import.meta.dirname, "../../target/debug/model-card");

let app;
before(async () => {
  app = await openApp();
  await app.page.goto(app.url);
  await app.page.getByRole("tab", { name: "Source" }).click();
});
after(async () => {
  await app?.close();
});

function commandReport() {
  let stdout;
  try {
    stdout = execFileSync(binary, ["validate", "--format", "json", fixture], { encoding: "utf8" });
  } catch (failure) {
    assert.equal(failure.status, 1, `exit 1 for an invalid card: ${failure.stderr}`);
    stdout = failure.stdout;
  }
  const [report] = JSON.parse(stdout);
  const rows = (issues) => issues.map((issue) => [issue.pointer, issue.keyword, issue.message]);
  return { errors: rows(report.errors), warnings: rows(report.warnings) };
}

async function editorRows(list) {
  return app.page
    .locator(`[data-testid=${list}] li`)
    .evaluateAll((items) => items.map((item) => [item.dataset.pointer, item.dataset.keyword, item.dataset.message]));
}

test("the editor shows exactly the command's errors and warnings for the same card", async () => {
  const expected = commandReport();
  assert.ok(expected.errors.length >= 5, "the fixture has errors of several kinds");
  assert.deepEqual(
    [...new Set(expected.warnings.map(([, code]) => code))].sort(),
    ["MC001", "MC002", "MC003", "MC004", "MC005", "MC006"],
    "the fixture exercises every lint but the length limit",
  );
  await paste(app.page, app.page.getByRole("textbox", { name: "Card JSON" }), readFileSync(fixture, "utf8"));
  await app.page.waitForFunction(
    (count) => document.querySelector("[data-testid=problem-count]").dataset.count === String(count),
    expected.errors.length,
  );
  assert.deepEqual(await editorRows("problem-list"), expected.errors);
  assert.deepEqual(await editorRows("warning-list"), expected.warnings);
});

test("a warning shows on its field, styled apart from errors", async () => {
  await app.page.getByRole("tab", { name: "Form" }).click();
  await app.page.locator("[data-testid=warning-list] button").first().click();
  const focused = await app.page.evaluate(() => document.activeElement.dataset.path);
  assert.equal(focused, "/model_overview/model_artifact", "an array's warning is on the list, which takes focus");
  const list = app.page.locator('[id="f/model_overview/model_artifact-messages"]');
  assert.match(await list.locator(".mce-messages__warning").textContent(), /^More than 15 items may be refused by tools that read this card \(the schema intends at most 15\); this list has 16$/);
  assert.equal(await list.locator(".mce-messages__error").count(), 0);
});
