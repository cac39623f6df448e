// End-to-end: the release build, served on 127.0.0.1, in headless Chromium.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openApp, paste, waitForEditor } from "./support.mjs";

const SECTIONS = [
  ["model_overview", "Model overview"],
  ["intended_uses", "Intended uses"],
  ["business_details", "Business details"],
  ["training_details", "Training details"],
  ["evaluation_details", "Evaluation details"],
  ["additional_information", "Additional information"],
];

let app;
before(async () => {
  app = await openApp();
  await app.page.goto(app.url);
  await app.page.getByTestId("start-new-card").click();
  await app.page.getByRole("navigation", { name: "Card sections" }).waitFor();
  await app.page.getByRole("tab", { name: "Source" }).click();
});
after(async () => {
  await app?.close();
});

const source = () => app.page.getByRole("textbox", { name: "Card JSON" });
const count = () => app.page.getByTestId("problem-count");
const problems = () => app.page.locator("[data-testid=problem-list] li");

test("the page shows the card's six sections as navigation, in schema order", async () => {
  const links = app.page.getByRole("navigation", { name: "Card sections" }).getByRole("button");
  assert.equal(await links.count(), 6);
  const shown = await links.evaluateAll((buttons) =>
    buttons.map((button) => [button.dataset.section, button.querySelector(".mce-sections__title").textContent]),
  );
  assert.deepEqual(shown, SECTIONS);
  assert.equal(await app.page.title(), "Model Card Editor");
  assert.equal(await count().textContent(), "No problems");
});

test("pasting an invalid card lists each error with its JSON Pointer", async () => {
  const card = {
    model_overview: { model_creator: "Team", model_artifact: ["s3://bucket/model.tar.gz"] },
    intended_uses: { risk_rating: "Severe" },
    evaluation_details: [{ evaluation_observation: "no name" }],
  };
  await paste(app.page, source(), JSON.stringify(card, null, 2));
  await app.page.waitForFunction(
    () => document.querySelector("[data-testid=problem-count]").dataset.count === "2",
  );
  assert.equal(await count().textContent(), "2 problems");
  const rows = await problems().evaluateAll((items) =>
    items.map((item) => [item.dataset.pointer, item.querySelector(".mce-problems__message").textContent]),
  );
  assert.deepEqual(rows, [
    ["/intended_uses/risk_rating", "Must be one of High, Medium, Low, Unknown, found `Severe`"],
    ["/evaluation_details/0", "Required, but `name` is missing"],
  ]);
  const fields = await problems().evaluateAll((items) => items.map((item) => item.dataset.field));
  assert.deepEqual(fields, ["/intended_uses/risk_rating", "/evaluation_details/0/name"]);
  const badge = app.page.locator("[data-section=intended_uses] .mce-badge");
  assert.equal(await badge.textContent(), "1");
});

test("activating a problem in the source view selects the offending value", async () => {
  await problems().first().getByRole("button").click();
  const selected = await source().evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  assert.equal(selected, '"risk_rating": "Severe"');
  assert.match(await app.page.locator("#mce-source-caret").textContent(), /^Line 9, column 5$/);
});

test("the source view says where the caret is as you type and move it", async () => {
  const caret = app.page.locator("#mce-source-caret");
  await source().evaluate((area) => {
    const at = area.value.indexOf('"risk_rating"');
    area.focus();
    area.setSelectionRange(at, at);
  });
  await app.page.keyboard.press("ArrowRight");
  assert.match(await caret.textContent(), /^Line 9, column 6$/, "a key that moves the caret");
  await app.page.keyboard.type("x");
  assert.match(await caret.textContent(), /^Line 9, column 7$/, "typing");
  await app.page.keyboard.press("Backspace");
  await app.page.keyboard.press("ArrowUp");
  assert.match(await caret.textContent(), /^Line 8, column 6$/);
  await app.page.keyboard.press("End");
  const line8 = await source().evaluate((area) => area.value.split("\n")[7].length);
  assert.equal(await caret.textContent(), `Line 8, column ${line8 + 1}`);
});

test("broken JSON gets a line and column and keeps the last valid card's problems", async () => {
  await paste(app.page, source(), '{\n  "intended_uses": {\n    "risk_rating": "Low",\n  }\n}');
  const error = app.page.getByTestId("parse-error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.textContent(), /line 4, column 3/);
  assert.equal(await source().getAttribute("aria-invalid"), "true");
  // The last valid card's 2, and the text itself: what would be saved is not it.
  assert.equal(await count().textContent(), "3 problems");

  // A name given twice would lose one of its values: refused the same way.
  await paste(app.page, source(), '{\n  "intended_uses": {"risk_rating": "Low",\n    "risk_rating": "High"}\n}');
  await app.page.waitForFunction(() => /twice/.test(document.querySelector("[data-testid=parse-error]").textContent));
  assert.match(
    await error.textContent(),
    /line 3, column 5: the object at \/intended_uses names "risk_rating" twice \(first at line 2, column 21\)/,
  );
  assert.equal(await source().getAttribute("aria-invalid"), "true");
  assert.equal(await count().textContent(), "3 problems");
});

test("pasting a valid card shows no problems", async () => {
  await paste(
    app.page,
    source(),
    JSON.stringify({ intended_uses: { risk_rating: "Low" }, evaluation_details: [{ name: "holdout" }] }),
  );
  await app.page.waitForFunction(
    () => document.querySelector("[data-testid=problem-count]").dataset.count === "0",
  );
  assert.equal(await count().textContent(), "No problems");
  assert.equal(await problems().count(), 0);
  assert.equal(await app.page.getByTestId("parse-error").isHidden(), true);
  assert.equal(await source().getAttribute("aria-invalid"), "false");
});

test("activating a problem in the form view focuses its field", async () => {
  await app.page.getByRole("tab", { name: "Form" }).click();
  await paste(app.page, app.page.locator('[data-path="/model_overview/model_creator"]'), "x".repeat(1025));
  await app.page.getByRole("button", { name: /Model overview › Model creator/ }).click();
  const focused = await app.page.evaluate(() => document.activeElement.dataset.path);
  assert.equal(focused, "/model_overview/model_creator");
  const field = app.page.locator('[data-path="/model_overview/model_creator"]');
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.equal(
    await app.page.locator('[id="f/model_overview/model_creator-messages"]').textContent(),
    "At most 1024 characters, found 1025",
  );
});

test("text typed in the source counts at once, though it is parsed after the frame", async () => {
  const page = app.page;
  const creator = page.locator('[data-path="/model_overview/model_creator"]');
  await page.getByRole("tab", { name: "Source" }).click();
  await paste(page, source(), JSON.stringify({ model_overview: { model_creator: "Team" } }, null, 2));
  await page.waitForFunction(() => document.getElementById("mce-source-text").getAttribute("aria-invalid") === "false");
  // Each action below comes in the same task as the typing, before the
  // parse the typing scheduled: it must see the typed text all the same.
  const typeThen = (typed, action) =>
    page.evaluate(
      ([typed, action]) => {
        const area = document.getElementById("mce-source-text");
        const at = area.value.indexOf('"', area.value.indexOf('"Team') + 1); // before the closing quote
        area.setRangeText(typed, at, at, "end");
        area.dispatchEvent(new Event("input", { bubbles: true }));
        const byText = (selector, text) => [...document.querySelectorAll(selector)].find((e) => e.textContent.trim() === text);
        (action === "Undo" ? byText("button", "Undo") : byText("[role=tab]", action)).click();
      },
      [typed, action],
    );
  await typeThen(" A", "Form");
  assert.equal(await creator.inputValue(), "Team A", "the form shows what was typed");
  await page.getByRole("tab", { name: "Source" }).click();
  await page.waitForTimeout(1100); // typing after a pause is an undo step of its own
  await typeThen(" B", "Undo");
  assert.match(await source().inputValue(), /"Team A"/, "undo took back the typing just done, not the step before it");
  await page.getByTestId("redo").click();
  assert.match(await source().inputValue(), /"Team A B"/);
  await typeThen("C", "Preview");
  assert.match(await page.getByTestId("print-view").textContent(), /Team A BC/);
});

test("switching views comes back to the same place in each, and the hidden form stays out of reach", async () => {
  const other = await openApp();
  try {
    const { page } = other;
    const field = '[data-path="/additional_information/caveats_and_recommendations"]';
    await page.goto(`${other.url}?card=examples/large.json`);
    await waitForEditor(page, "/additional_information/caveats_and_recommendations");
    await page.locator('[data-path="/evaluation_details/0"] .mce-item__toggle').first().click();
    await page.locator(field).scrollIntoViewIfNeeded();
    const mainTop = () => page.evaluate(() => document.getElementById("mce-main").scrollTop);
    const formTop = await mainTop();
    assert.ok(formTop > 1000, "the form is scrolled down");

    await page.getByRole("tab", { name: "Preview" }).click();
    await page.getByTestId("print-view").waitFor();
    assert.equal(await page.locator(field).isHidden(), true, "the form is hidden");
    for (let press = 0; press < 25; press++) {
      await page.keyboard.press("Tab");
      const inForm = await page.evaluate(() => Boolean(document.activeElement?.closest(".mce-view__form")));
      assert.equal(inForm, false, "the keyboard does not reach into the hidden form");
    }
    await page.evaluate(() => document.getElementById("mce-main").scrollTo(0, 3000));
    const previewTop = await mainTop();

    // Within a line: the preview is built again, and the browser's scroll
    // anchoring may move it a pixel or two as it lays out.
    const comesBackTo = (top) =>
      page.waitForFunction((top) => Math.abs(document.getElementById("mce-main").scrollTop - top) < 20, top, { timeout: 5000 });
    await page.getByRole("tab", { name: "Form" }).click();
    await comesBackTo(formTop);
    assert.equal(await page.locator(field).isVisible(), true);
    assert.equal(
      await page.locator('[data-path="/evaluation_details/0"] .mce-item__toggle').first().getAttribute("aria-expanded"),
      "true",
      "what was open is still open",
    );
    await page.locator(field).fill("Edited after coming back");
    await page.getByRole("tab", { name: "Preview" }).click();
    await comesBackTo(previewTop);
    assert.match(await page.getByTestId("print-view").textContent(), /Edited after coming back/);

    // The source view comes back with its caret and scroll where they were.
    await page.getByRole("tab", { name: "Source" }).click();
    await page.getByTestId("source-view").getByRole("button", { name: "Format" }).click();
    const text = page.getByRole("textbox", { name: "Card JSON" });
    await page.waitForFunction(() => document.getElementById("mce-source-text").value.split("\n").length > 1000);
    const left = await text.evaluate((area) => {
      const at = area.value.indexOf("Edited after coming back");
      area.focus();
      area.setSelectionRange(at, at + "Edited".length);
      area.scrollTop = area.scrollHeight - area.clientHeight - 100;
      area.scrollLeft = 40;
      return { start: area.selectionStart, end: area.selectionEnd, top: area.scrollTop, left: area.scrollLeft };
    });
    assert.ok(left.top > 1000 && left.left > 0, "the text is scrolled down and across");
    await page.getByRole("tab", { name: "Form" }).click();
    await page.getByRole("tab", { name: "Source" }).click();
    await page.waitForFunction(
      (left) => {
        const area = document.getElementById("mce-source-text");
        return (
          area?.selectionStart === left.start &&
          area.selectionEnd === left.end &&
          Math.abs(area.scrollTop - left.top) < 2 &&
          Math.abs(area.scrollLeft - left.left) < 2
        );
      },
      left,
      { timeout: 5000 },
    );
    const line = await text.evaluate((area) => area.value.slice(0, area.selectionStart).split("\n").length);
    assert.match(await page.locator("#mce-source-caret").textContent(), new RegExp(`^Line ${line}, column `));
    assert.deepEqual(other.errors, []);
  } finally {
    await other.close();
  }
});

test("the page raised no errors", () => {
  assert.deepEqual(app.errors, []);
});
