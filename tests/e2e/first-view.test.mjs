// End-to-end: the first view (src/first_view/), which shows a linked card
// and takes typing while the editor's module downloads, and the editor
// taking over from it (src/view/takeover.rs). The pages are on a slow
// connection (the first view is for those), and the editor's module is
// held back at the network, so the first view is tested alone, as a very
// slow connection would leave it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { openApp, slowConnection, waitForEditor } from "./support.mjs";

const large = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../examples/large.json"), "utf8"));
// The editor's files: its module, its glue and its loader. The first view
// must do without every one of them (the benchmark counts them as coming
// after it).
const EDITOR_MODULE = /\/(model-card-editor-[0-9a-f]+(_bg\.wasm|\.js)|[0-9a-f]+-loading\.mjs)$/;

let app;
before(async () => {
  app = await openApp();
});
after(async () => {
  await app?.close();
});

/**
 * Forgets every draft and first-view record the tests before left. (A page
 * saves its draft as it closes, so this is done from a page of its own.)
 */
async function forgetDrafts() {
  const page = await app.context.newPage();
  await page.goto(`${app.url}404`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

/**
 * A new page on a slow connection whose editor module is held back until
 * `release()`; opens `card` by link and waits for the first view to show
 * it.
 */
async function firstViewOf(card) {
  await forgetDrafts();
  const page = await app.context.newPage();
  await slowConnection(page);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const requested = [];
  await page.route(EDITOR_MODULE, async (route) => {
    requested.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.goto(`${app.url}?card=${card}`, { waitUntil: "commit" });
  await page.locator('#mce-first-view [data-path="/model_overview/model_creator"]').waitFor();
  return { page, errors, release, requested };
}

const inFirstView = (page, pointer) => page.locator(`#mce-first-view [data-path="${pointer}"]`);
const inEditor = (page, pointer) => page.locator(`#mce-main [data-path="${pointer}"]`);

/** The paths of a page part's controls, with their ids. */
const controlsIn = (page, root) =>
  page.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} :is(input, select, textarea)[data-path]`)].map((control) => [
        control.dataset.path,
        control.id,
      ]),
    root,
  );

test("the linked card shows and takes typing before the editor's module has arrived; the editor takes over what was typed, focus and caret", async () => {
  const { page, errors, release, requested } = await firstViewOf("/examples/large.json");
  assert.equal(await page.locator("#mce-main").count(), 0, "the editor has not started");
  assert.equal(
    await inFirstView(page, "/additional_information/caveats_and_recommendations").inputValue(),
    large.additional_information.caveats_and_recommendations,
    "the whole card is there, the last section too",
  );
  assert.match(await page.locator("#mce-first-view [role=status]").textContent(), /You can read and type already/);

  // Typed into: a text area, a choice, a number in a training table (as
  // text that is not a number yet), and last a text box, left with the
  // caret inside it.
  const purpose = inFirstView(page, "/intended_uses/purpose_of_model");
  await purpose.fill("Typed before the editor arrived.");
  await inFirstView(page, "/intended_uses/risk_rating").selectOption("High");
  const metric = inFirstView(page, "/training_details/training_job_details/training_metrics/0/value");
  await metric.fill("0.9x");
  const creator = inFirstView(page, "/model_overview/model_creator");
  await creator.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" and co");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  const turns = await page.$$eval("#mce-first-view [data-edited]", (controls) =>
    controls.map((control) => [control.dataset.path, Number(control.dataset.edited)]).sort((a, b) => a[1] - b[1]).map(([path]) => path),
  );
  assert.deepEqual(
    turns,
    [
      "/intended_uses/purpose_of_model",
      "/intended_uses/risk_rating",
      "/training_details/training_job_details/training_metrics/0/value",
      "/model_overview/model_creator",
    ],
    "each edited control is marked for the editor with its latest turn",
  );
  const counter = page
    .locator("#mce-first-view .mce-field", { has: page.locator('[data-path="/model_overview/model_creator"]') })
    .locator(".mce-field__counter");
  assert.equal(await counter.textContent(), `${large.model_overview.model_creator.length + 7} / 1024`, "its counter counts as typed");

  assert.ok(requested.length >= 1, "the editor's module was asked for meanwhile");
  release();
  await page.locator("#mce-first-view").waitFor({ state: "detached" });
  // Typing goes on where it was.
  await page.keyboard.type("X");
  const editorCreator = inEditor(page, "/model_overview/model_creator");
  assert.equal(await editorCreator.inputValue(), `${large.model_overview.model_creator} and Xco`);
  assert.equal(await editorCreator.evaluate((element) => element === document.activeElement), true, "focus stayed in the field");
  assert.equal(await inEditor(page, "/intended_uses/purpose_of_model").inputValue(), "Typed before the editor arrived.");
  assert.equal(await inEditor(page, "/intended_uses/risk_rating").inputValue(), "High");
  const editorMetric = inEditor(page, "/training_details/training_job_details/training_metrics/0/value");
  assert.equal(await editorMetric.inputValue(), "0.9x");
  // The editor's own control took it: not a number yet, said so.
  assert.equal(await editorMetric.getAttribute("aria-invalid"), "true");

  // Undoable as typing is (the "X" typed after may be its own step), and
  // saved as a draft.
  for (let undo = 0; undo < 2 && (await editorCreator.inputValue()) !== large.model_overview.model_creator; undo++) {
    await page.getByTestId("undo").click();
  }
  assert.equal(await editorCreator.inputValue(), large.model_overview.model_creator);
  assert.equal(await inEditor(page, "/intended_uses/risk_rating").inputValue(), "High", "only the creator's typing was undone");
  await page.waitForFunction(() => localStorage.getItem("model-card-editor.draft.link:/examples/large.json") !== null);
  const draft = JSON.parse(await page.evaluate(() => localStorage.getItem("model-card-editor.draft.link:/examples/large.json")));
  assert.equal(draft.card.intended_uses.risk_rating, "High");
  assert.equal(draft.card.intended_uses.purpose_of_model, "Typed before the editor arrived.");
  assert.equal(await page.evaluate(() => localStorage.getItem("model-card-editor.first-view")), null, "the first view's record is gone");
  assert.deepEqual(errors, []);
  await page.close();
});

test("what was typed in the first view is there again after a reload before the editor arrived", async () => {
  const { page, release } = await firstViewOf("/examples/complete.json");
  await inFirstView(page, "/model_overview/model_creator").fill("Typed, then reloaded");
  await page.reload({ waitUntil: "commit" });
  const creator = inFirstView(page, "/model_overview/model_creator");
  await creator.waitFor();
  assert.equal(await creator.inputValue(), "Typed, then reloaded");
  release();
  await waitForEditor(page, "/model_overview/model_creator");
  assert.equal(await inEditor(page, "/model_overview/model_creator").inputValue(), "Typed, then reloaded");
  await page.close();
});

/**
 * What a reader and a screen reader get from each control of a page part,
 * by its path: its id and classes, its field's classes, what it is
 * labelled and described by (and the text there: help, counter,
 * messages), whether it is required, its choices, and whether a checkbox
 * comes before its label.
 */
const markupIn = (page, root) =>
  page.evaluate((root) => {
    const textOf = (id) => {
      const element = document.getElementById(id);
      return element ? element.textContent.trim() : null;
    };
    const refs = (value) => (value ?? "").split(/\s+/).filter(Boolean).map((id) => [id, textOf(id)]);
    return [...document.querySelectorAll(`${root} :is(input, select, textarea)[data-path]`)].map((control) => {
      const field = control.closest(".mce-field, td, .mce-list__row");
      const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
      return [
        control.dataset.path,
        {
          id: control.id,
          tag: control.tagName,
          type: control.getAttribute("type"),
          class: control.className.trim().split(/\s+/).sort().join(" "),
          field: field ? field.className.trim().split(/\s+/).filter((name) => name !== "mce-field--invalid").sort().join(" ") : null,
          label: label ? label.textContent.trim() : null,
          labelledBy: refs(control.getAttribute("aria-labelledby")),
          ariaLabel: control.getAttribute("aria-label"),
          describedBy: refs(control.getAttribute("aria-describedby")),
          required: control.getAttribute("aria-required"),
          // An empty placeholder is no placeholder.
          placeholder: control.getAttribute("placeholder") || null,
          choices: control.tagName === "SELECT" ? [...control.options].map((option) => [option.value, option.textContent]) : null,
          checkboxFirst:
            control.type === "checkbox" && label ? Boolean(control.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING) : null,
        },
      ];
    });
  }, root);

test("every control of the first view is the editor's control for the same place, items opened in it included", async () => {
  const { page, release } = await firstViewOf("/examples/large.json");
  // Open the first metric group's first items, as a reader might.
  await page.locator('#mce-first-view [data-path="/evaluation_details/0"] .mce-item__toggle').first().click();
  // And its first metric group's first metrics: a number, a line graph, a
  // bar chart, a matrix.
  const group = "/evaluation_details/0/metric_groups/0";
  for (const path of [group, ...[0, 1, 2, 3].map((metric) => `${group}/metric_data/${metric}`)]) {
    const toggle = page.locator(`#mce-first-view [data-path="${path}"] .mce-item__toggle`).first();
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  }
  assert.ok(
    (await page.locator("#mce-first-view .mce-grid__cell input").count()) > 0,
    "the controls compared include a grid's cells",
  );
  const opened = await page.locator('#mce-first-view .mce-item__toggle[aria-expanded="true"]').count();
  assert.ok(opened > 0, "an item is open");
  const shown = await controlsIn(page, "#mce-first-view");
  assert.ok(shown.length > 250, `the first view has the card's controls (${shown.length})`);
  const firstMarkup = await markupIn(page, "#mce-first-view");
  release();
  await waitForEditor(page, "/model_overview/model_creator");
  // Long tables build in stages: wait until every row is in.
  await page.waitForFunction(
    (paths) => paths.every((path) => document.querySelector(`#mce-main [data-path="${path}"]`)),
    shown.map(([path]) => path),
    { timeout: 10000 },
  ).catch(() => {});
  const editor = new Map(await controlsIn(page, "#mce-main"));
  const missing = shown.filter(([path]) => !editor.has(path)).map(([path]) => path);
  assert.deepEqual(missing, [], "no control of the first view is missing from the editor");
  const otherIds = shown.filter(([path, id]) => editor.get(path) !== id);
  assert.deepEqual(otherIds, [], "and each has the editor's id, so labels and links agree");
  // The same markup too: classes, label, what describes it and what that
  // says (help, counter, messages), required, choices, checkbox layout.
  const editorMarkup = new Map(await markupIn(page, "#mce-main"));
  const differences = firstMarkup
    .map(([path, first]) => [path, first, editorMarkup.get(path)])
    .filter(([, first, editor]) => JSON.stringify(first) !== JSON.stringify(editor))
    .map(([path, first, editor]) => ({
      path,
      differs: Object.keys(first)
        .filter((key) => JSON.stringify(first[key]) !== JSON.stringify(editor?.[key]))
        .map((key) => ({ key, first: first[key], editor: editor?.[key] })),
    }));
  const summary = {};
  for (const { path, differs } of differences) {
    for (const { key, first, editor } of differs) {
      const shape = path.replace(/\/\d+/g, "/*");
      summary[`${key} @ ${shape}`] ??= { first, editor, count: 0 };
      summary[`${key} @ ${shape}`].count++;
    }
  }
  assert.deepEqual(summary, {}, `each control's markup is the editor's (${differences.length} differ)`);
  assert.equal(
    await page.locator('#mce-main .mce-item__toggle[aria-expanded="true"]').count(),
    opened,
    "the items opened in the first view are open in the editor",
  );
  await page.close();
});

test("a card's text is shown as text in the first view, never as markup", async () => {
  const page = await app.context.newPage();
  await slowConnection(page);
  await page.route(EDITOR_MODULE, () => {}); // never arrives
  const markup = '<img src="x" onerror="window.injected = true">';
  // Answered here, as slowly as the connection would have (an answer made
  // up at once would tell the page its connection is fast).
  await page.route((url) => url.pathname === "/examples/markup.json", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ model_overview: { model_creator: markup }, unknown_field: markup }),
    });
  });
  await page.goto(`${app.url}?card=/examples/markup.json`, { waitUntil: "commit" });
  const creator = inFirstView(page, "/model_overview/model_creator");
  await creator.waitFor();
  assert.equal(await creator.inputValue(), markup);
  assert.equal(await page.locator("#mce-first-view .mce-unknown__value").textContent(), JSON.stringify(markup));
  assert.equal(await page.locator("#mce-first-view img").count(), 0);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  await page.close();
});

/** Collects the page's requests for the first view's files. */
function firstViewRequestsOf(page) {
  const requests = [];
  page.on("request", (request) => {
    if (/first-view-/.test(request.url())) requests.push(request.url());
  });
  return requests;
}

test("on a fast connection the first view is not downloaded: the editor shows the card", async () => {
  await forgetDrafts();
  // This machine's own server answers within a few milliseconds; a page
  // busy starting can still take longer now and then, which the page then
  // judges slow, so up to three tries find a fast start.
  for (let attempt = 1; ; attempt++) {
    const page = await app.context.newPage();
    const firstViewRequests = firstViewRequestsOf(page);
    await page.goto(`${app.url}?card=/examples/large.json`);
    await waitForEditor(page, "/model_overview/model_creator");
    const connection = await page.evaluate(() => window.mceConnection);
    if (connection.slow && attempt < 3) {
      await page.close();
      continue;
    }
    assert.equal(connection.slow, false, `the quickest answer, ${connection.roundTripMs} ms, was judged fast`);
    assert.ok(connection.roundTripMs < connection.slowMs);
    assert.deepEqual(firstViewRequests, [], "the first view's files were not requested");
    assert.equal(
      await inEditor(page, "/additional_information/caveats_and_recommendations").inputValue(),
      large.additional_information.caveats_and_recommendations,
    );
    await page.close();
    return;
  }
});

test("on a slow connection (every answer 60 ms late) the first view's files are requested", async () => {
  await forgetDrafts();
  const page = await app.context.newPage();
  await slowConnection(page, 60);
  const firstViewRequests = firstViewRequestsOf(page);
  await page.goto(`${app.url}?card=/examples/complete.json`);
  await waitForEditor(page, "/model_overview/model_creator");
  const connection = await page.evaluate(() => window.mceConnection);
  assert.equal(connection.slow, true);
  assert.equal(firstViewRequests.length, 2, "the first view's module and glue");
  await page.close();
});

test("a connection quick to answer but slow to carry (8 Mbit/s, no latency) gets the first view once the editor's download shows it", async () => {
  await forgetDrafts();
  // As in the fast-connection test, a busy start can now and then make the
  // page judge its answers slow; up to three tries find one judged fast.
  for (let attempt = 1; ; attempt++) {
    const page = await app.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: 8e6 / 8, uploadThroughput: 8e6 / 8 });
    const firstViewRequests = firstViewRequestsOf(page);
    await page.goto(`${app.url}?card=/examples/large.json`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.mceConnection && "slow" in window.mceConnection);
    if ((await page.evaluate(() => window.mceConnection.slow)) && attempt < 3) {
      await page.close();
      continue;
    }
    await page.locator('#mce-first-view [data-path="/model_overview/model_creator"]').waitFor();
    assert.equal(await page.locator("#mce-main").count(), 0, "the first view shows the card before the editor");
    const connection = await page.evaluate(() => window.mceConnection);
    assert.equal(connection.slow, false, `its answers came quickly (the quickest in ${connection.roundTripMs} ms)`);
    assert.equal(connection.firstView, "slow editor download");
    assert.equal(firstViewRequests.length, 2);
    await waitForEditor(page, "/model_overview/model_creator");
    await page.close();
    return;
  }
});

test("a card with a draft opens in the editor as before, offering the draft, without the first view", async () => {
  await forgetDrafts();
  const page = await app.context.newPage();
  await page.goto(`${app.url}?card=/examples/complete.json`);
  await waitForEditor(page, "/model_overview/model_creator");
  await inEditor(page, "/model_overview/model_creator").fill("A draft");
  await page.waitForFunction(() => localStorage.getItem("model-card-editor.draft.link:/examples/complete.json") !== null);
  // Slow, so that only the draft keeps the first view away.
  await slowConnection(page);
  const firstViewRequests = firstViewRequestsOf(page);
  await page.reload();
  const recovery = page.locator("#mce-recovery");
  await recovery.waitFor();
  await recovery.getByRole("button", { name: /Restore/ }).click();
  await page.waitForFunction(() => document.querySelector('#mce-main [data-path="/model_overview/model_creator"]')?.value === "A draft");
  assert.equal(await page.evaluate(() => window.mceConnection.slow), true, "the page judged its connection slow");
  assert.deepEqual(firstViewRequests, [], "the first view was not loaded");
  await page.close();
});

test("the first view's section links take the keyboard to their section", async () => {
  const { page, release } = await firstViewOf("/examples/large.json");
  const link = page.locator('#mce-first-view .mce-sections__link[data-section="additional_information"]');
  await link.focus();
  await page.keyboard.press("Enter");
  const focused = await page.evaluate(() => document.activeElement?.dataset.section);
  assert.equal(focused, "additional_information");
  release();
  await page.locator("#mce-first-view").waitFor({ state: "detached" });
  await page.close();
});
