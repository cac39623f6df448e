// End-to-end: edits survive a reload and a crash of the browser; a draft
// is only dropped by the user's choice; full or disabled storage is said,
// and the editor keeps working.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { killBrowser, launchBrowser, openApp, openCardByLink } from "./support.mjs";

const complete = readFileSync(resolve(import.meta.dirname, "../fixtures/cards/complete.json"));

const field = (page, pointer) => page.locator(`[data-path="${pointer}"]`).first();

async function savedDraft(page) {
  await page.waitForFunction(() => document.querySelector("[data-testid=save-state]").textContent.startsWith("Saved in this browser"));
}

async function edit(page) {
  await page.getByTestId("file-input").setInputFiles({ name: "fraud.json", mimeType: "application/json", buffer: complete });
  await field(page, "/model_overview/model_creator").waitFor();
  await page.waitForFunction(() => document.querySelector('[data-path="/model_overview/model_creator"]').value === "Fraud Analytics Team");
  await field(page, "/model_overview/model_creator").fill("Risk Analytics Team");
  await field(page, "/intended_uses/risk_rating").selectOption("High");
  await page.getByRole("button", { name: "Remove Hyperparameter 1 from Hyperparameters" }).click();
}

// Opens the app, makes the edits, waits for the draft to be saved and
// reloads: the recovery dialog it then shows.
async function editThenReload(app) {
  const { page } = app;
  await page.goto(app.url);
  await edit(page);
  await savedDraft(page);
  await page.reload();
  const dialog = page.locator("#mce-recovery");
  await dialog.waitFor({ state: "visible" });
  return dialog;
}

async function assertEdits(page) {
  assert.equal(await field(page, "/model_overview/model_creator").inputValue(), "Risk Analytics Team");
  assert.equal(await field(page, "/intended_uses/risk_rating").inputValue(), "High");
  assert.equal(await field(page, "/training_details/training_job_details/hyper_parameters/0/name").inputValue(), "eta");
}

test("edits survive a reload, undo history included", async () => {
  const app = await openApp();
  const { page } = app;
  try {
    const dialog = await editThenReload(app);
    const text = await dialog.textContent();
    assert.match(text, /There is a draft of “fraud\.json” saved .*, with \d+ differences from it/);
    assert.match(text, /Model overview › Model creator changed/);
    assert.match(text, /Intended uses › Risk rating changed/);
    await dialog.getByRole("button", { name: "Restore the draft" }).click();
    await dialog.waitFor({ state: "hidden" });
    await assertEdits(page);
    assert.match(await page.locator(".mce-header__source").textContent(), /fraud\.json/);
    await page.getByTestId("undo").click();
    assert.equal(
      await field(page, "/training_details/training_job_details/hyper_parameters/0/name").inputValue(),
      "max_depth",
      "the last edit before the reload is undone",
    );
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("Format's indent is saved with the draft without waiting for another edit", async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.goto(app.url);
    const compact = Buffer.from(JSON.stringify(JSON.parse(complete)));
    await page.getByTestId("file-input").setInputFiles({ name: "compact.json", mimeType: "application/json", buffer: compact });
    await page.waitForFunction(() => document.querySelector('[data-path="/model_overview/model_creator"]')?.value === "Fraud Analytics Team");
    await field(page, "/model_overview/model_creator").fill("Risk Analytics Team");
    await savedDraft(page);
    await page.getByRole("tab", { name: "Source" }).click();
    await page.getByTestId("source-view").getByRole("button", { name: "Format" }).click();
    // The stored draft takes the indent (drafts are JSON in local storage).
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((key) => {
        try {
          return JSON.parse(localStorage.getItem(key)).indent === "  ";
        } catch {
          return false;
        }
      }),
    );
    await page.reload();
    const dialog = page.locator("#mce-recovery");
    await dialog.waitFor({ state: "visible" });
    await dialog.getByRole("button", { name: "Restore the draft" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("tab", { name: "Source" }).click();
    const text = await page.getByRole("textbox", { name: "Card JSON" }).inputValue();
    assert.ok(text.split("\n").length > 20, "the restored draft is laid out indented");
    assert.match(text, /^\{\n  "model_overview": \{\n    "model_creator": "Risk Analytics Team"/);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("the same card in two tabs: edits elsewhere are taken in, a place both changed is asked about", async () => {
  const app = await openApp();
  const { page, context } = app;
  try {
    await openCardByLink(app, "/examples/complete.json");
    const creator = field(page, "/model_overview/model_creator");
    const risk = field(page, "/intended_uses/risk_rating");
    const problem = field(page, "/business_details/business_problem");
    await creator.fill("Edited in this tab");
    await savedDraft(page);

    // The other tab: a page of the same site that saves the card's draft
    // as another tab of the editor would: a change on top of a draft it
    // read, saying which of this tab's saves that draft was.
    const other = await context.newPage();
    await other.goto(`${app.url}examples/complete.json`);
    const key = await other.evaluate(() =>
      Object.keys(localStorage).find((key) => {
        try {
          return "source_card" in JSON.parse(localStorage.getItem(key));
        } catch {
          return false;
        }
      }),
    );
    assert.ok(key, "this tab saved a draft");
    const stored = () => other.evaluate((key) => JSON.parse(localStorage.getItem(key)), key);
    const saveInOtherTab = (base, pointer, value) =>
      other.evaluate(
        ([key, base, pointer, value]) => {
          const [section, name] = pointer.split("/").slice(1);
          base.card[section][name] = value;
          base.saved_at_ms = Date.now();
          window.saves = (window.saves ?? 0) + 1;
          // What it took in of this tab: the draft it read, when this tab wrote it.
          const tookIn = base.lineage.save.tab === "the-other-tab" ? base.lineage.took_in : base.lineage.save;
          base.lineage = { save: { tab: "the-other-tab", save: window.saves }, took_in: tookIn };
          localStorage.setItem(key, JSON.stringify(base));
        },
        [key, base, pointer, value],
      );
    // Waits until the stored draft is this tab's and `holds` says yes.
    const savedHere = (holds) =>
      other.waitForFunction(
        ([key, holds]) => {
          const draft = JSON.parse(localStorage.getItem(key));
          return draft.lineage.save.tab !== "the-other-tab" && new Function("draft", `return ${holds}`)(draft);
        },
        [key, holds],
      );

    // A change elsewhere is taken in, this tab's edit kept, and saved back.
    assert.notEqual(await risk.inputValue(), "High");
    await saveInOtherTab(await stored(), "/intended_uses/risk_rating", "High");
    await page.waitForFunction(() => document.querySelector('[data-path="/intended_uses/risk_rating"]').value === "High");
    assert.equal(await creator.inputValue(), "Edited in this tab");
    assert.match(await page.getByTestId("notice").textContent(), /Took in the changes another tab saved at/);
    // That draft is this tab's card now: it is not written back (past the
    // 0.4 s a save waits), which would only have the other tab merge it.
    await page.waitForTimeout(1000);
    assert.equal((await stored()).lineage.save.tab, "the-other-tab");

    // This tab types on while the other tab saves on top of what it had
    // taken in: the text typed since is this tab's alone, not a clash.
    const before = await stored();
    await creator.fill("Edited in this tab, then more");
    await saveInOtherTab(before, "/business_details/business_problem", "Changed in the other tab");
    await page.waitForFunction(
      () => document.querySelector('[data-path="/business_details/business_problem"]').value === "Changed in the other tab",
    );
    assert.equal(await creator.inputValue(), "Edited in this tab, then more");
    assert.equal(await page.locator("#mce-other-tab").isVisible(), false);
    await savedHere(
      'draft.card.business_details.business_problem === "Changed in the other tab" && draft.card.model_overview.model_creator === "Edited in this tab, then more"',
    );

    // The same place changed in both tabs: asked, and merged as chosen.
    const common = await stored();
    await creator.fill("Changed here again");
    await saveInOtherTab(common, "/model_overview/model_creator", "Changed in the other tab");
    const dialog = page.locator("#mce-other-tab");
    await dialog.waitFor({ state: "visible" });
    const clash = dialog.locator('[data-pointer="/model_overview/model_creator"]');
    const text = await clash.textContent();
    assert.match(text, /Model overview › Model creator/);
    assert.match(text, /Before, in both tabs“Edited in this tab, then more”/);
    assert.match(text, /In the other tab“Changed in the other tab”/);
    assert.match(text, /In this tab“Changed here again”/);
    assert.equal(await creator.inputValue(), "Changed here again", "nothing changes before the choice");
    await clash.getByLabel("Take the other tab's").check();
    await dialog.getByRole("button", { name: "Merge" }).click();
    await dialog.waitFor({ state: "hidden" });
    assert.equal(await creator.inputValue(), "Changed in the other tab");
    assert.equal(await risk.inputValue(), "High");
    assert.equal(await problem.inputValue(), "Changed in the other tab");
    await page.getByTestId("undo").click();
    assert.equal(await creator.inputValue(), "Changed here again", "Undo takes the merge back");

    // The other tab throws the draft away: this tab's edits are saved again.
    await other.evaluate((key) => localStorage.removeItem(key), key);
    await other.waitForFunction((key) => localStorage.getItem(key) !== null, key);
    assert.equal((await stored()).card.model_overview.model_creator, "Changed here again");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("a draft is thrown away only when the user discards it", async () => {
  const app = await openApp();
  const { page } = app;
  try {
    const dialog = await editThenReload(app);
    await page.keyboard.press("Escape");
    await page.waitForTimeout(200);
    assert.equal(await dialog.isVisible(), true, "Escape does not discard it");
    await dialog.getByRole("button", { name: "Discard it" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.reload();
    await page.getByTestId("start-screen").waitFor();
    await page.waitForTimeout(300);
    assert.equal(await dialog.isVisible(), false, "nothing is offered after discarding");
  } finally {
    await app.close();
  }
});

test("a draft survives the browser being killed mid-edit", async () => {
  const app = await openApp({ port: 0 });
  const { page, profile } = app;
  try {
    await page.goto(app.url);
    await edit(page);
    await savedDraft(page);
    // Chromium commits local storage to disk a few seconds after a write.
    await page.waitForTimeout(6000);
    await field(page, "/business_details/line_of_business").fill("being typed when the browser dies");
    killBrowser(profile);
    const context = await launchBrowser(profile);
    const fresh = context.pages()[0] ?? (await context.newPage());
    await fresh.goto(app.url);
    const dialog = fresh.locator("#mce-recovery");
    await dialog.waitFor({ state: "visible" });
    await dialog.getByRole("button", { name: "Restore the draft" }).click();
    await assertEdits(fresh);
    await context.close();
  } finally {
    await app.close();
  }
});

test("the drafts of other cards are listed, and one opens where it left off, undo history included", async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.goto(app.url);
    await edit(page);
    await savedDraft(page);
    await page.locator("summary", { hasText: "Examples" }).click();
    await page.getByRole("button", { name: "Complete example" }).click();
    await page.waitForFunction(() => /complete example/.test(document.querySelector("[data-testid=notice]").textContent));
    await field(page, "/business_details/line_of_business").fill("Card payments");
    await savedDraft(page);

    await page.getByTestId("open-drafts").click();
    const dialog = page.locator("#mce-drafts");
    await dialog.waitFor({ state: "visible" });
    const rows = dialog.locator("tbody tr");
    assert.deepEqual(
      (await rows.locator("th").allTextContents()),
      ["the complete example", "“fraud.json”"],
      "newest first",
    );
    assert.match(await rows.nth(0).textContent(), /1 change.*Editing now/);
    assert.match(await rows.nth(1).textContent(), /3 changes/);
    assert.match(await dialog.locator("caption").textContent(), /^2 drafts, \d+ KB in all\.$/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Download the card of the draft of “fraud.json”" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^fraud-card-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(JSON.parse(readFileSync(await download.path(), "utf8")).model_overview.model_creator, "Risk Analytics Team");
    assert.match(await dialog.getByTestId("drafts-status").textContent(), /Downloaded the card of the draft of “fraud\.json” as fraud-card-/);

    await dialog.getByRole("button", { name: "Open the draft of “fraud.json”" }).click();
    await dialog.waitFor({ state: "hidden" });
    await assertEdits(page);
    assert.match(await page.locator(".mce-header__source").textContent(), /fraud\.json/);
    assert.match(await page.getByTestId("notice").textContent(), /Opened the draft of “fraud\.json” saved in this browser \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./);
    await page.getByTestId("undo").click();
    assert.equal(
      await field(page, "/training_details/training_job_details/hyper_parameters/0/name").inputValue(),
      "max_depth",
      "the removed hyperparameter comes back",
    );
    // The example's edit was saved on the way, and is still listed.
    await page.getByTestId("open-drafts").click();
    await dialog.waitFor({ state: "visible" });
    assert.match(await dialog.locator("tbody").textContent(), /the complete example.*1 change/);
  } finally {
    await app.close();
  }
  assert.deepEqual(app.errors, []);
});

test("full storage is reported, export is offered, and deleting an old draft frees the space", async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.goto(app.url);
    await edit(page);
    await savedDraft(page);
    // Another card's draft fills the storage to within a kilobyte.
    await page.evaluate(() => {
      const key = "model-card-editor.draft.file:fraud.json";
      const draft = JSON.parse(localStorage.getItem(key));
      localStorage.removeItem(key);
      draft.source = { kind: "file", name: "old.json" };
      const store = (length) => {
        draft.card.model_overview.model_description = "x".repeat(length);
        localStorage.setItem("model-card-editor.draft.file:old.json", JSON.stringify(draft));
      };
      let [fits, fails] = [0, 64 * 1024 * 1024];
      while (fails - fits > 512) {
        const middle = Math.floor((fits + fails) / 2);
        try {
          store(middle);
          fits = middle;
        } catch {
          fails = middle;
        }
      }
      store(fits);
    });
    await field(page, "/model_overview/model_creator").fill("Team");
    const state = page.getByTestId("save-state");
    await page.waitForFunction(() => document.querySelector("[data-testid=save-state]").textContent.startsWith("Not saved"));
    assert.equal(
      await state.textContent(),
      "Not saved: the browser's storage for this page is full. Download or copy the card to keep your work, or delete drafts you no longer need. Drafts…",
    );
    await field(page, "/model_overview/model_creator").fill("Team B");
    assert.equal(await field(page, "/model_overview/model_creator").inputValue(), "Team B");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    assert.equal(JSON.parse(readFileSync(await download.path(), "utf8")).model_overview.model_creator, "Team B");

    await state.getByRole("button", { name: "Drafts…" }).click();
    const dialog = page.locator("#mce-drafts");
    await dialog.waitFor({ state: "visible" });
    const old = dialog.locator("tbody tr", { hasText: "old.json" });
    assert.match(await old.locator(".mce-drafts__size").textContent(), /MB$/);
    // A second, deliberate click deletes; Keep does not. Focus follows.
    const focused = () => page.evaluate(() => document.activeElement.getAttribute("aria-label") ?? document.activeElement.textContent);
    await old.getByRole("button", { name: "Delete the draft of “old.json”" }).click();
    await page.waitForFunction(() => document.activeElement.textContent === "Delete for good");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // Keep
    await page.waitForFunction(() => document.activeElement.getAttribute("aria-label") === "Delete the draft of “old.json”");
    assert.equal(await page.evaluate(() => localStorage.getItem("model-card-editor.draft.file:old.json") !== null), true);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement.textContent === "Delete for good");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement.dataset.testid === "drafts-status");
    assert.equal(await focused(), "Deleted the draft of “old.json”.");
    assert.equal(await dialog.locator("tbody tr", { hasText: "old.json" }).count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem("model-card-editor.draft.file:old.json")), null);
    // The space freed takes the draft that could not be saved.
    await savedDraft(page);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("model-card-editor.draft.file:fraud.json")));
    assert.equal(saved.card.model_overview.model_creator, "Team B");
  } finally {
    await app.close();
  }
  assert.deepEqual(app.errors, []);
});

test("disabled storage is reported too", async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("Access is denied for this document.", "SecurityError");
        },
      });
    });
    await page.goto(app.url);
    await page.getByTestId("start-new-card").click();
    await field(page, "/model_overview/model_creator").fill("Team");
    await page.waitForFunction(() => document.querySelector("[data-testid=save-state]").textContent.startsWith("Not saved"));
    assert.match(await page.getByTestId("save-state").textContent(), /this browser does not allow the page to store data/);
    assert.equal(await field(page, "/model_overview/model_creator").inputValue(), "Team");
  } finally {
    await app.close();
  }
});
