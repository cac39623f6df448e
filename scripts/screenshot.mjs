#!/usr/bin/env node
// Takes the README's screenshot: the release build with the complete
// fixture card, one evaluation open and an inline error on a metric name.
//   node scripts/screenshot.mjs [dist] [docs/screenshot.png]   (after make build)
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../tests/e2e/support.mjs";
import { startServer } from "./serve.mjs";

const [root = "dist", output = "docs/screenshot.png"] = process.argv.slice(2);
const card = JSON.parse(readFileSync("tests/fixtures/cards/complete.json", "utf8"));
card.evaluation_details[0].metric_groups[0].metric_data[4].name = "";

const { server, url } = await startServer({ root });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole("tab", { name: "Source" }).click();
  await page.getByRole("textbox", { name: "Card JSON" }).fill(JSON.stringify(card, null, 2));
  await page.getByRole("tab", { name: "Form" }).click();
  await page.getByRole("button", { name: /Metric 5 › Name/ }).click();
  await page.waitForFunction(() => document.activeElement?.dataset.path?.endsWith("/metric_data/4/name"));
  await page.evaluate(() => document.activeElement.scrollIntoView({ block: "start" }));
  await page.evaluate(() => document.querySelector(".mce-main").scrollBy(0, -120));
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  server.close();
}
