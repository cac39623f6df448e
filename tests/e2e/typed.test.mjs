// End-to-end: what a control shows is what the card holds. Text the card
// cannot take (a decimal comma, a thousands separator, a map key emptied or
// taken, raw JSON or source text that does not parse) is a problem: counted,
// listed, shown on its field with the choice to fix it or put back the
// card's value, kept over a reload, and it blocks Submit and the exports
// until resolved. Read back with boto3 from the SageMaker emulator.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { launchBrowser, openApp, openAppWithRegistry } from "./support.mjs";

const complete = JSON.parse(readFileSync(resolve(import.meta.dirname, "../fixtures/cards/complete.json"), "utf8"));
const METRICS = "/training_details/training_job_details/training_metrics";
const VALUE = `${METRICS}/0/value`;
const GROUP_PATH = "/evaluation_details/0/metric_groups/0";

const field = (page, pointer) => page.locator(`[data-path="${pointer}"]`).first();
const count = async (page) => Number(await page.getByTestId("problem-count").getAttribute("data-count"));
const messages = (page, pointer) => page.locator(`[id="f${pointer}-messages"]`);
const summaryItems = (page) => page.getByTestId("problem-list").locator("li");
/** The cell or field frame around the control of `pointer`. */
const around = (page, pointer) =>
  page.locator(`[data-path="${pointer}"]`).first().locator("xpath=ancestor::*[contains(@class,'mce-field') or self::td][1]");
const badge = (page, section) => page.locator(`[data-section="${section}"] .mce-badge`);

/** A fresh editor with `card` opened through the paste dialog. */
async function withCard(card, body) {
  const app = await openApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole("button", { name: "Paste…" }).click();
    await page.locator("#mce-paste").getByLabel("JSON to open").fill(JSON.stringify(card));
    await page.locator("#mce-paste").getByRole("button", { name: "Open" }).click();
    await field(page, "/model_overview/model_creator").waitFor();
    await body(page, app);
  } finally {
    await app.close();
  }
  assert.deepEqual(app.errors, []);
}

/** The card as the source view shows it. */
async function sourceCard(page) {
  await page.getByRole("tab", { name: "Source" }).click();
  const text = await page.getByRole("textbox", { name: "Card JSON" }).inputValue();
  await page.getByRole("tab", { name: "Form" }).click();
  await page.getByTestId("form-view").waitFor();
  return JSON.parse(text);
}

test("a decimal comma is a problem the reviewer sees everywhere, with 0.97 offered", async () => {
  await withCard(complete, async (page) => {
    assert.equal(await count(page), 0);
    const value = field(page, VALUE);
    await value.fill("0,97");
    // The box keeps what was typed, and the card keeps its number: said on the field.
    assert.equal(await value.inputValue(), "0,97");
    assert.equal(await value.getAttribute("aria-invalid"), "true");
    const held = complete.training_details.training_job_details.training_metrics[0].value;
    assert.equal(
      await messages(page, VALUE).textContent(),
      `⚠ “0,97” is not a number, so the card still holds ${held}. Did you mean 0.97?`.replace("⚠ ", ""),
    );
    // Counted in the header and the section's badge, listed in the summary.
    assert.equal(await count(page), 1);
    assert.equal(await page.getByTestId("problem-count").textContent(), "1 problem");
    assert.equal(await badge(page, "training_details").textContent(), "1");
    const item = summaryItems(page).first();
    assert.equal(await item.getAttribute("data-keyword"), "typed");
    assert.match(await item.textContent(), /Training metrics › Metric 1 › Value/);
    assert.match(await item.textContent(), /Did you mean 0\.97\?/);
    // One click takes the plain reading; focus goes back to the field.
    await around(page, VALUE).getByRole("button", { name: "Use 0.97" }).click();
    await page.waitForFunction((pointer) => document.activeElement?.dataset.path === pointer, VALUE);
    assert.equal(await value.inputValue(), "0.97");
    assert.equal(await count(page), 0);
    const card = await sourceCard(page);
    assert.equal(card.training_details.training_job_details.training_metrics[0].value, 0.97);
  });
});

test("thousands separators, spaces and other scripts are offered, never guessed; put back restores the card's value", async () => {
  await withCard(complete, async (page) => {
    const value = field(page, VALUE);
    const held = String(complete.training_details.training_job_details.training_metrics[0].value);
    const actions = around(page, VALUE);
    for (const [typed, offered] of [
      ["1 234,5", ["Use 1234.5"]],
      ["1,234", ["Use 1.234", "Use 1234"]],
      ["٠٫٩٧", ["Use 0.97"]],
      ["97%", ["Use 0.97", "Use 97"]],
    ]) {
      await value.fill(typed);
      assert.equal(await value.inputValue(), typed);
      const buttons = await actions.locator(".mce-entry-actions button").allTextContents();
      assert.deepEqual(buttons, [...offered, `Put back ${held}`], typed);
      assert.equal(await count(page), 1, typed);
    }
    // A cell pasted from a spreadsheet, with spaces and a tab around it, is a number.
    await value.fill(" 0.91\t");
    assert.equal(await count(page), 0);
    await value.fill("abc");
    assert.deepEqual(await actions.locator(".mce-entry-actions button").allTextContents(), ["Put back 0.91"]);
    await actions.getByRole("button", { name: "Put back 0.91" }).click();
    assert.equal(await value.inputValue(), "0.91");
    assert.equal(await value.getAttribute("aria-invalid"), "false");
    assert.equal(await count(page), 0);
  });
});

test("a matrix cell, a map key and raw JSON are held to the same rule, and resolved from the summary", async () => {
  const card = structuredClone(complete);
  card.evaluation_details[0].metric_groups[0].metric_data.push({ name: "untyped" });
  await withCard(card, async (page) => {
    await page.locator(`[data-path="/evaluation_details/0"] button[aria-expanded="false"]`).first().click();
    await page.locator(`[data-path="${GROUP_PATH}"] button[aria-expanded="false"]`).first().click();
    const matrix = card.evaluation_details[0].metric_groups[0].metric_data.findIndex((metric) => metric.type === "matrix");
    // The untyped metric is a schema problem of its own.
    const before = await count(page);
    const cell = field(page, `${GROUP_PATH}/metric_data/${matrix}/value/0/1`);
    await cell.fill("12,5");
    assert.equal(await count(page), before + 1);
    // A map key emptied: the card keeps the entry under its old key.
    const key = page.locator('[data-key-of="/additional_information/custom_details/ticket"]');
    await key.fill("");
    assert.equal(await key.inputValue(), "");
    assert.equal(await key.getAttribute("aria-invalid"), "true");
    assert.equal(await count(page), before + 2);
    // Raw JSON that does not parse.
    const untyped = card.evaluation_details[0].metric_groups[0].metric_data.length - 1;
    const raw = page.locator(`[id="f${GROUP_PATH}/metric_data/${untyped}-json"]`);
    await raw.fill('{"name": "untyped",');
    assert.equal(await count(page), before + 3);
    const keywords = await summaryItems(page).evaluateAll((items) => items.map((item) => item.dataset.keyword));
    assert.deepEqual(keywords.filter((keyword) => keyword === "typed").length, 3);
    // Each is resolved from the summary: the cell takes 12.5, the key and the JSON are put back.
    await page.getByTestId("problem-list").getByRole("button", { name: "Use 12.5" }).click();
    await page.getByTestId("problem-list").getByRole("button", { name: "Put back “ticket”" }).click();
    await page.waitForFunction(() => document.activeElement?.dataset.keyOf === "/additional_information/custom_details/ticket");
    assert.equal(await key.inputValue(), "ticket");
    await page.getByTestId("problem-list").getByRole("button", { name: "Put back the card's value" }).click();
    assert.equal(await count(page), before);
    assert.equal(JSON.parse(await raw.inputValue()).name, "untyped");
    const saved = await sourceCard(page);
    assert.equal(saved.evaluation_details[0].metric_groups[0].metric_data[matrix].value[0][1], 12.5);
    assert.equal(saved.additional_information.custom_details.ticket, complete.additional_information.custom_details.ticket);
  });
});

test("source text that does not parse is a problem until fixed or put back", async () => {
  await withCard(complete, async (page) => {
    await page.getByRole("tab", { name: "Source" }).click();
    const text = page.getByRole("textbox", { name: "Card JSON" });
    const original = await text.inputValue();
    const broken = original.replace(/"model_overview":\s*\{/, '"model_overview": {,');
    assert.notEqual(broken, original);
    await text.fill(broken);
    await page.waitForFunction(() => document.querySelector("[data-testid=problem-count]").dataset.count === "1");
    assert.match(await summaryItems(page).first().textContent(), /JSON source/);
    await page.getByTestId("parse-error").getByRole("button", { name: "Put back the card's text" }).click();
    assert.equal(await text.inputValue(), original);
    assert.equal(await count(page), 0);
  });
});

test("text the card does not hold survives a reload, still a problem", async () => {
  const app = await openApp({ port: 0 });
  const { page } = app;
  await page.goto(app.url);
  await page.getByRole("button", { name: "Paste…" }).click();
  await page.locator("#mce-paste").getByLabel("JSON to open").fill(JSON.stringify(complete));
  await page.locator("#mce-paste").getByRole("button", { name: "Open" }).click();
  await field(page, VALUE).fill("0,97");
  await page.waitForTimeout(600);
  await page.reload();
  const recovery = page.locator("#mce-recovery");
  await recovery.waitFor();
  // The prompt lists it, where it is and what was typed.
  assert.match(await recovery.textContent(), /1 field showing text the card does not hold/);
  assert.match(
    await recovery.getByTestId("recovery-differences").textContent(),
    /Training metrics › Metric 1 › Value typed “0,97”, not in the card/,
  );
  await recovery.getByRole("button", { name: /Restore/ }).click();
  await field(page, VALUE).waitFor();
  assert.equal(await field(page, VALUE).inputValue(), "0,97");
  assert.equal(await count(page), 1);
  await app.close();
  assert.deepEqual(app.errors, []);
});

test("a number the card does not hold blocks the exports and Submit, and what is submitted is what the field shows", async () => {
  const { emulator, app } = await openAppWithRegistry();
  const { page } = app;
  try {
    await page.goto(app.url);
    await page.getByTestId("registry").waitFor();
    await page.getByRole("button", { name: /fraud-detector/ }).click();
    await page.getByRole("button", { name: "Version 1", exact: true }).click();
    await page.getByTestId("version-details").getByRole("button", { name: /Edit the card/ }).click();
    await page.getByTestId("submit-bar").waitFor({ state: "visible" });
    await field(page, VALUE).fill("0,97");

    // Download and Copy JSON are refused with the reason and the way out.
    await page.getByTestId("download").click();
    const blocked = page.locator("#mce-typed");
    await blocked.waitFor();
    assert.match(await blocked.textContent(), /“0,97” is not a number/);
    await page.keyboard.press("Escape");

    // The review names it and Submit is disabled until it is resolved.
    await page.getByTestId("review").click();
    const review = page.locator("#mce-review");
    await review.waitFor();
    assert.match(await review.textContent(), /“0,97” is not a number/);
    assert.equal(await review.getByTestId("submit").isDisabled(), true);
    await review.getByRole("button", { name: "Use 0.97" }).click();
    assert.equal(await review.getByTestId("submit").isDisabled(), false);
    await review.getByTestId("submit").click();
    await page.waitForFunction(() => /Submitted/.test(document.body.textContent), null, { timeout: 20000 });
    const described = emulator.boto("describe", "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud-detector/1");
    const stored = JSON.parse(described.ModelCard.ModelCardContent);
    assert.equal(stored.training_details.training_job_details.training_metrics[0].value, 0.97);
    assert.equal(await field(page, VALUE).inputValue(), "0.97");
  } finally {
    await app.close();
    emulator.stop();
  }
  assert.deepEqual(app.errors, []);
});
