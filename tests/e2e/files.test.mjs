// End-to-end: cards in (file picker, drag and drop, paste, examples), bad
// input refused with the card untouched, cards out (download, AWS CLI
// input), and the printable card.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { openApp } from "./support.mjs";

const fixtures = resolve(import.meta.dirname, "../fixtures");
const read = (name) => readFileSync(resolve(fixtures, name));
const ARN = "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud-detector/3";

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

const creator = () => page.locator('[data-path="/model_overview/model_creator"]');
const notice = () => page.getByTestId("notice");
const noticeError = () => page.getByTestId("notice-error");

async function openFile(name, buffer, mimeType = "application/json") {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType, buffer });
}

test("a card file opens through the file picker", async () => {
  await openFile("complete.json", read("cards/complete.json"));
  await notice().waitFor({ state: "visible" });
  assert.match(await notice().textContent(), /Opened “complete.json”: a model card\./);
  assert.equal(await creator().inputValue(), "Fraud Analytics Team");
  assert.match(await page.locator(".mce-header__source").textContent(), /complete.json/);
});

test("every kind of bad input is refused with its reason, and the card is untouched", async () => {
  const cases = [
    ["empty.json", Buffer.alloc(0), /it is empty/],
    ["broken.json", Buffer.from('{\n  "a": ,\n}'), /it is not JSON: line 2, column 8/],
    ["list.json", Buffer.from("[1, 2]"), /it is JSON, but an array, not an object/],
    ["huge.json", Buffer.alloc(10 * 1024 * 1024 + 1, 32), /cards over 10 MB are not opened/],
    ["image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary file/],
    ["latin1.json", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), /not UTF-8 text \(an invalid byte at line 1, column 7\)/],
    // Saved as "Unicode" by a Windows editor.
    ["unicode.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"model_overview": {}}', "utf16le")]), /it is UTF-16 \(little-endian\) text, not UTF-8: save it as UTF-8/],
    ["deep.json", Buffer.from("[".repeat(300) + "]".repeat(300)), /nests deeper than 128 levels/],
    [
      "twice.json",
      Buffer.from('{\n  "model_overview": {"model_creator": "A",\n    "model_creator": "B"}\n}'),
      /line 3, column 5: the object at \/model_overview names "model_creator" twice \(first at line 2, column 22\)/,
    ],
    ["content.json", Buffer.from('{"ModelCardContent": "{not json"}'), /its ModelCardContent is not JSON/],
  ];
  for (const [name, buffer, reason] of cases) {
    await openFile(name, buffer);
    await noticeError().waitFor({ state: "visible" });
    const message = await noticeError().textContent();
    assert.match(message, new RegExp(`Could not open “${name.replace(".", "\\.")}”`), message);
    assert.match(message, reason, message);
    assert.match(message, /The card you were editing is unchanged\./);
    assert.equal(await creator().inputValue(), "Fraud Analytics Team", `${name} left the card alone`);
    assert.match(await page.locator(".mce-header__source").textContent(), /complete.json/);
    await page.getByTestId("notice-error").getByRole("button", { name: "Dismiss" }).click();
  }
});

test("a DescribeModelPackage response opens its card and remembers the ARN and status", async () => {
  await openFile("describe.json", read("import/describe-model-package.json"));
  await page.waitForFunction(() => /DescribeModelPackage/.test(document.querySelector("[data-testid=notice]").textContent));
  assert.match(await notice().textContent(), /a DescribeModelPackage response; the card is its ModelCard\.ModelCardContent/);
  await page.getByRole("button", { name: "AWS CLI…" }).click();
  const dialog = page.locator("#mce-cli");
  assert.equal(await dialog.getByLabel("Model package ARN").inputValue(), ARN);
  assert.equal(await dialog.getByLabel("Card status").inputValue(), "Draft");
  await dialog.getByLabel("Card status").selectOption("PendingReview");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Download input" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "update-model-package-fraud-detector-3.json");
  const input = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(input.ModelPackageArn, ARN);
  assert.equal(input.ModelCard.ModelCardStatus, "PendingReview");
  assert.deepEqual(JSON.parse(input.ModelCard.ModelCardContent), JSON.parse(read("cards/complete.json")));
  assert.equal(
    await dialog.getByTestId("cli-command").textContent(),
    "aws sagemaker update-model-package --region us-east-2 --cli-input-json file://update-model-package-fraud-detector-3.json",
  );
  await dialog.getByRole("button", { name: "Close" }).click();
});

test("the downloaded card file is the card, laid out as exported", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  assert.match(download.suggestedFilename(), /^fraud-detector-3-card-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(readFileSync(await download.path(), "utf8"), read("cards/complete.json").toString());
});

test("Copy JSON puts the same text on the clipboard", async () => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy JSON" }).click();
  await page.waitForFunction(() => /Copied the card/.test(document.querySelector("[data-testid=notice]").textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), read("cards/complete.json").toString());
});

test("exporting a card with problems asks once", async () => {
  await creator().fill("x".repeat(1025));
  await page.getByTestId("download").click();
  const confirm = page.locator("#mce-confirm-export");
  await confirm.waitFor({ state: "visible" });
  assert.match(await confirm.textContent(), /The card has 1 problem/);
  const [first] = await Promise.all([page.waitForEvent("download"), confirm.getByRole("button", { name: "Export anyway" }).click()]);
  assert.equal(JSON.parse(readFileSync(await first.path(), "utf8")).model_overview.model_creator.length, 1025);
  const [second] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  assert.ok(second, "the second export does not ask again");
  assert.equal(await confirm.isVisible(), false);
  await creator().fill("Fraud Analytics Team");
});

test("pasted JSON opens; a paste that is not a card keeps the dialog and the text", async () => {
  await page.getByRole("button", { name: "Paste…" }).click();
  const dialog = page.locator("#mce-paste");
  const box = dialog.getByLabel("JSON to open");
  await box.fill('{"model_overview": {"model_creator": "Pasted team"}');
  await dialog.getByRole("button", { name: "Open" }).click();
  assert.match(await dialog.getByRole("alert").textContent(), /Cannot open this: it is not JSON: line 1, column 51: EOF while parsing an object/);
  assert.equal(await creator().inputValue(), "Fraud Analytics Team");
  await box.fill('{"model_overview": {"model_creator": "Pasted team"}}');
  await dialog.getByRole("button", { name: "Open" }).click();
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await creator().inputValue(), "Pasted team");
  assert.match(await notice().textContent(), /Opened the pasted card: a model card\./);
});

test("a file dropped on the page opens", async () => {
  const text = JSON.stringify({ business_details: { line_of_business: "Dropped" } });
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], "dropped.json", { type: "application/json" }));
    for (const type of ["dragenter", "dragover", "drop"]) {
      window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, text);
  await page.waitForFunction(() => /dropped\.json/.test(document.querySelector("[data-testid=notice]").textContent));
  assert.equal(await page.locator('[data-path="/business_details/line_of_business"]').inputValue(), "Dropped");
});

test("the printable card shows sections with content only, with tables and charts", async () => {
  await page.locator("summary", { hasText: "Examples" }).click();
  await page.getByRole("button", { name: "Complete example" }).click();
  await page.waitForFunction(() => /complete example/.test(document.querySelector("[data-testid=notice]").textContent));
  await page.getByRole("tab", { name: "Preview" }).click();
  const view = page.getByTestId("print-view");
  await view.waitFor();
  const sections = await view.locator(".mce-print__section > h2").allTextContents();
  assert.deepEqual(sections, ["Model overview", "Intended uses", "Business details", "Training details", "Evaluation details", "Additional information"]);
  assert.equal(await view.locator("svg.mce-chart").count(), 3, "the line graph, the bar chart and the matrix's heat map");
  assert.ok((await view.locator("table").count()) >= 5, "metrics, hyperparameters, metadata, matrix, points");
  assert.match(await view.textContent(), /confusion matrix/);

  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".mce-header").isVisible(), false, "the app's chrome is not printed");
  assert.equal(await page.locator(".mce-side").isVisible(), false);
  assert.equal(await view.isVisible(), true);
  // On screen, figures and tables are laid out only near the viewport and
  // hold an estimated height until then; printed, all of them are laid
  // out, and each estimate is close to the height it turned out to have
  // (or the scroll bar would misstate the document's length).
  const blocks = await view.evaluate((view) =>
    // A chart's table is inside its figure, whose estimate covers both.
    [...view.querySelectorAll(".mce-print__figure, .mce-table-scroll:not(.mce-print__figure *)")].map((block) => ({
      shown: getComputedStyle(block).contentVisibility,
      ratio: block.getBoundingClientRect().height / (parseFloat(block.style.containIntrinsicSize.split(" ")[1]) * 16),
    })),
  );
  assert.ok(blocks.length >= 5, "figures and tables");
  for (const { shown, ratio } of blocks) {
    assert.equal(shown, "visible");
    assert.ok(ratio > 0.8 && ratio < 1.25, `a block's estimated height is off by a factor of ${ratio}`);
  }
  await page.emulateMedia({ media: "screen" });
  assert.equal(await view.locator(".mce-print__figure").first().evaluate((figure) => getComputedStyle(figure).contentVisibility), "auto");

  await page.getByRole("tab", { name: "Form" }).click();
  await page.getByRole("button", { name: "Paste…" }).click();
  await page.locator("#mce-paste").getByLabel("JSON to open").fill('{"intended_uses": {"risk_rating": "Low"}, "business_details": {}}');
  await page.locator("#mce-paste").getByRole("button", { name: "Open" }).click();
  await page.getByRole("tab", { name: "Preview" }).click();
  assert.deepEqual(await view.locator(".mce-print__section > h2").allTextContents(), ["Intended uses"], "empty sections are omitted");
});

test("the preview of the largest card shows its top at once and fills in the rest; Ctrl+P prints all of it", async () => {
  await page.getByRole("tab", { name: "Form" }).click();
  await page.locator("summary", { hasText: "Examples" }).click();
  await page.getByRole("button", { name: /^Large example/ }).click();
  await page.waitForFunction(() => /large example/.test(document.querySelector("[data-testid=notice]").textContent));
  // Blocks still to be built, in the first frame of the preview.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector("[data-testid=print-view]")) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        window.waitingInFirstFrame = document.querySelectorAll(".mce-print__waiting").length;
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.print = () => {
      window.printed = {
        waiting: document.querySelectorAll(".mce-print__waiting").length,
        charts: document.querySelectorAll("[data-testid=print-view] svg.mce-chart").length,
      };
    };
  });
  await page.locator('[data-path="/model_overview/model_creator"]').focus();
  await page.keyboard.press("Control+p");
  await page.waitForFunction(() => window.printed, null, { timeout: 10000 });
  const first = await page.evaluate(() => window.waitingInFirstFrame);
  assert.ok(first > 0, "figures far down wait for the first frame");
  assert.deepEqual(await page.evaluate(() => window.printed), { waiting: 0, charts: 72 }, "printed with every figure built: 6 evaluations x 4 groups, a line graph, a bar chart and a heat map each");
  assert.ok(await page.getByTestId("print-view").getByText("Training details").first().isVisible(), "the top of the preview");
});

test("printing from the browser's menu while the preview fills in prints all of it", async () => {
  // The large example is open (the test above). In the preview's first
  // frame, with figures still waiting, the browser announces a print: the
  // page's updates before it lays out (microtasks only, no task between)
  // must build every one of them.
  await page.getByRole("tab", { name: "Form" }).click();
  await page.evaluate(() => {
    window.atPrint = undefined;
    const observer = new MutationObserver(() => {
      if (!document.querySelector("[data-testid=print-view]")) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const before = document.querySelectorAll(".mce-print__waiting").length;
        window.dispatchEvent(new Event("beforeprint"));
        let hops = 0;
        const settle = () => {
          if (++hops < 1000) return queueMicrotask(settle);
          window.atPrint = {
            before,
            waiting: document.querySelectorAll(".mce-print__waiting").length,
            charts: document.querySelectorAll("[data-testid=print-view] svg.mce-chart").length,
          };
        };
        queueMicrotask(settle);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.waitForFunction(() => window.atPrint);
  const { before, waiting, charts } = await page.evaluate(() => window.atPrint);
  assert.ok(before > 0, "figures were still waiting when the print began");
  assert.deepEqual({ waiting, charts }, { waiting: 0, charts: 72 }, "every figure built before the browser lays the page out");
});

test("the page raised no errors", () => {
  assert.deepEqual(app.errors, []);
});
