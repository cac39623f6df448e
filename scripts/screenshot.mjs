#!/usr/bin/env node
// Takes the README's screenshots, at 1440 x 900, from the release build:
// - the editor: the complete fixture card, one evaluation open and an
//   inline error on a metric name;
// - the review before a submit: a version of the demo registry (the
//   SageMaker emulator, seeded) with real changes: a name, a long text, a
//   matrix edited in four cells, the card status and the approval.
//   node scripts/screenshot.mjs [dist] [docs/screenshot.png] [docs/review.png]   (after make build)
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, registryConfig, startEmulator } from "../tests/e2e/support.mjs";
import { startServer } from "./serve.mjs";

const [root = "dist", editorShot = "docs/screenshot.png", reviewShot = "docs/review.png"] = process.argv.slice(2);
const VIEWPORT = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 };

async function editor(browser) {
  const card = JSON.parse(readFileSync("tests/fixtures/cards/complete.json", "utf8"));
  card.evaluation_details[0].metric_groups[0].metric_data[4].name = "";
  const { server, url } = await startServer({ root });
  try {
    const page = await browser.newPage(VIEWPORT);
    await page.goto(url);
    await page.getByRole("tab", { name: "Source" }).click();
    await page.getByRole("textbox", { name: "Card JSON" }).fill(JSON.stringify(card, null, 2));
    await page.getByRole("tab", { name: "Form" }).click();
    await page.getByRole("button", { name: /Metric 5 › Name/ }).click();
    await page.waitForFunction(() => document.activeElement?.dataset.path?.endsWith("/metric_data/4/name"));
    await page.evaluate(() => document.activeElement.scrollIntoView({ block: "start" }));
    await page.evaluate(() => document.querySelector(".mce-main").scrollBy(0, -120));
    await page.screenshot({ path: editorShot });
    console.log(`wrote ${editorShot}`);
  } finally {
    server.close();
  }
}

async function review(browser) {
  const emulator = await startEmulator();
  const { server, url } = await startServer({ root, config: registryConfig(emulator.endpoint) });
  try {
    const page = await browser.newPage(VIEWPORT);
    await page.goto(url);
    await page.getByRole("button", { name: /fraud-detector/ }).click();
    await page.getByRole("button", { name: "Version 1", exact: true }).click();
    await page.getByTestId("version-details").getByRole("button", { name: /Edit the card/ }).click();
    await page.getByTestId("submit-bar").waitFor({ state: "visible" });
    // Typed into the form, as a reviewer does (a JSON round trip in the
    // script would rewrite numbers such as 0.0, which the review shows).
    const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();
    await field("/model_overview/model_creator").fill("Payments Risk Analytics");
    await field("/business_details/business_problem").fill(
      "Fraud losses on card-not-present payments rose 18% after the holiday season. The model scores every " +
        "authorisation request within 40 ms; the payments risk team reviews anything above the threshold before " +
        "funds move, and customer support explains declines to cardholders within one business day.",
    );
    await page.evaluate(async () => {
      const collapsed = () => document.querySelectorAll('.mce-item__toggle[aria-expanded="false"]');
      while (collapsed().length > 0) {
        for (const toggle of collapsed()) toggle.click();
        await new Promise((next) => requestAnimationFrame(next));
      }
    });
    const matrix = "/evaluation_details/0/metric_groups/0/metric_data/4/value";
    for (const [row, values] of [[98000, 430], [200, 1370]].entries()) {
      for (const [column, value] of values.entries()) await field(`${matrix}/${row}/${column}`).fill(String(value));
    }
    await page.getByTestId("submit-bar").getByLabel("Card status").selectOption("PendingReview");
    await page.getByTestId("review").click();
    const dialog = page.locator("#mce-review");
    await dialog.getByLabel("Also set the version's approval status").check();
    await dialog.getByLabel("Approval description").fill("Re-reviewed after the November retrain");
    await dialog.evaluate((element) => element.scrollTo(0, 0));
    await page.screenshot({ path: reviewShot });
    console.log(`wrote ${reviewShot}`);
  } finally {
    server.close();
    emulator.stop();
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  await editor(browser);
  await review(browser);
} finally {
  await browser.close();
}
