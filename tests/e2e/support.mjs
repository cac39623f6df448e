// Shared by the end-to-end tests: the release build served on 127.0.0.1 and
// a headless Chromium (Debian's, driven by playwright-core) pointed at it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const repoRoot = resolve(import.meta.dirname, "../..");

/** Flags that keep Chromium off the closed network and out of the sandbox it cannot have as root. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Serves dist/ and opens a fresh browser profile. Collects uncaught page
 * errors and console errors so a test can assert there were none.
 */
export async function openApp({ profile: reuse, port = 0, config } = {}) {
  const { server, url } = await startServer({ root: join(repoRoot, "dist"), port, config });
  const profile = reuse ?? mkdtempSync(join(tmpdir(), "mce-e2e-"));
  const context = await launchBrowser(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // Without a backend there is no config.json: its 404 is the offline
    // mode working, not an error.
    const offline = message.location().url.endsWith("/config.json") && message.text().includes("404");
    if (message.type() === "error" && !offline) errors.push(`console error: ${message.text()}`);
  });
  return {
    url,
    page,
    context,
    errors,
    profile,
    server,
    async close({ keepProfile = false } = {}) {
      await context.close().catch(() => {});
      server.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with its profile in `profile`, kept between launches. */
export function launchBrowser(profile) {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
  });
}

/** Kills the Chromium processes of `profile` outright, as a crash would. */
export function killBrowser(profile) {
  // The bracket keeps pkill from matching its own command line.
  spawnSync("pkill", ["-9", "-f", `[u]ser-data-dir=${profile}`]);
}

/** Pastes `text` into the focused element through the real clipboard. */
export async function paste(page, locator, text) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await locator.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

const python = process.env.REFERENCE_PYTHON ?? join(repoRoot, "target/reference-venv/bin/python");

/**
 * Starts the SageMaker emulator (tests/emulator/launcher.py) on a free
 * port, seeded with the demo registry; resolves once it listens.
 */
export function startEmulator({ seed = true } = {}) {
  const args = [join(repoRoot, "tests/emulator/launcher.py"), "--port", "0"];
  if (seed) args.push("--seed");
  const child = spawn(python, args, { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolveStart, reject) => {
    let output = "";
    const onData = (chunk) => {
      output += chunk;
      const ready = output.match(/ready on (http:\/\/\S+)/);
      if (ready) {
        child.stdout.off("data", onData);
        resolveStart({
          endpoint: ready[1],
          stop: () => child.kill("SIGKILL"),
          /** Runs tests/emulator/client.py (boto3) and parses its JSON. */
          boto(...commandArgs) {
            const text = execFileSync(python, [join(repoRoot, "tests/emulator/client.py"), ready[1], ...commandArgs], {
              encoding: "utf8",
            });
            return JSON.parse(text);
          },
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}): ${output}`)));
  });
}

/** The configuration that points the app at an emulator on `endpoint`. */
export function registryConfig(endpoint, extra = {}) {
  return { endpoint, region: "us-east-2", timeout_ms: 2000, ...extra };
}

/**
 * The seeded emulator and the app on its registry screen, for a test file's
 * `before`: `viewport` sets the page's size first.
 */
export async function openRegistryScreen({ viewport } = {}) {
  const { emulator, app } = await openAppWithRegistry();
  const { page } = app;
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(app.url);
  await page.getByTestId("registry").waitFor();
  return { emulator, app, page };
}

/** The SageMaker emulator, seeded, and the app configured to use it. */
export async function openAppWithRegistry() {
  const emulator = await startEmulator();
  const app = await openApp({ config: registryConfig(emulator.endpoint) });
  return { emulator, app };
}

/**
 * Makes the page's connection slow as index.html's opening script judges
 * one (every request answered `latency` ms late, through Chrome's network
 * emulation, as the benchmark's throttled runs): the page then loads the
 * first view (src/first_view/), which a fast connection does without.
 */
export async function slowConnection(page, latency = 100) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
}

/**
 * Waits until the editor shows the field at `pointer` with a value: a
 * linked card is first shown by the first view (src/first_view/), whose
 * fields carry the same paths, until the editor takes over.
 */
export async function waitForEditor(page, pointer) {
  await page.waitForFunction(
    (pointer) =>
      !document.getElementById("mce-first-view") &&
      document.querySelector(`#mce-main [data-path="${pointer}"]`)?.value.length > 0,
    pointer,
  );
}

/**
 * Opens the card at `path` on the app's own site by link (`?card=`) and
 * waits for the form to show it. A draft an earlier test left is offered
 * back on opening: declined, so the test starts from the card it names.
 */
export async function openCardByLink(app, path) {
  const { page } = app;
  await page.goto(`${app.url}?card=${path}`);
  await waitForEditor(page, "/model_overview/model_creator");
  const recovery = page.locator("#mce-recovery");
  if (await recovery.isVisible()) {
    await recovery.getByRole("button", { name: "Discard it" }).click();
    await recovery.waitFor({ state: "hidden" });
  }
}

const axeSource = readFileSync(join(repoRoot, "node_modules/axe-core/axe.min.js"), "utf8");

/** The rule sets every audit runs: WCAG 2.2 A and AA, and axe's best practices. */
export const AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Scrolls each scrolling pane of the page from top to bottom and back, a
 * frame at each step, as a reader looking over the page does. An open
 * item's body far from the viewport is not laid out
 * (`content-visibility: auto`) and holds an estimated height until it has
 * been shown once; measured before that, its fields overlap what follows,
 * which no reader can ever see, since coming near lays it out. After this
 * every body holds the size it really has.
 */
export async function showEveryPart(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((next) => requestAnimationFrame(next));
    const panes = [document.scrollingElement, ...document.querySelectorAll("body :not(textarea, input, select)")].filter(
      (element) =>
        element.scrollHeight > element.clientHeight + 1 &&
        (element === document.scrollingElement || /auto|scroll/.test(getComputedStyle(element).overflowY)),
    );
    for (const pane of panes) {
      const was = pane.scrollTop;
      for (let top = 0; top < pane.scrollHeight; top += pane.clientHeight) {
        pane.scrollTop = top;
        await frame();
      }
      pane.scrollTop = was;
      await frame();
    }
  });
}

/**
 * What axe-core finds on the page as it is, after [`showEveryPart`]: one
 * line per rule with the elements it names (up to five) and how to fix them.
 */
export async function axeViolations(page) {
  await showEveryPart(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      elements: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary.replace(/\s+/g, " ")}`),
    }));
  }, AXE_RULES);
}
