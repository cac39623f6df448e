#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): puts the first view (src/first_view/)
// on the page, ahead of the editor.
//
// Trunk builds the first view as a second module (index.html's
// `data-bin="first-view"` link; `data-type="worker"` only so that Trunk
// builds it without loading it, which its one "main" module allows). This:
//  - names its two files by their content, like Trunk's own, so a static
//    host can cache them for good;
//  - loads them when index.html's opening script says the page wants them
//    (`mceWantsFirstView`: the address names a card with no draft);
//  - holds the editor's module back until the first view's has arrived and
//    started, or the page does without it (`mceFirstViewDone`), so on a
//    slow connection the two do not share it: Trunk's preload of the
//    editor's module goes, and its loader fetches only then.
// It fails the build when Trunk's output is not as expected (a Trunk
// upgrade that changed it must be looked at, not shipped half-wired).
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("first-view-assets: run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
const fail = (what) => {
  console.error(`first-view-assets: ${what}; see scripts/first-view-assets.mjs`);
  process.exit(1);
};

const hash = createHash("sha256")
  .update(readFileSync(join(staging, "first-view.js")))
  .update(readFileSync(join(staging, "first-view_bg.wasm")))
  .digest("hex")
  .slice(0, 16);
const script = `first-view-${hash}.js`;
const wasm = `first-view-${hash}_bg.wasm`;
renameSync(join(staging, "first-view.js"), join(staging, script));
renameSync(join(staging, "first-view_bg.wasm"), join(staging, wasm));

const page = join(staging, "index.html");
let html = readFileSync(page, "utf8");

const preload = /<link rel="preload" href="[^"]+_bg\.wasm"[^>]*as="fetch" type="application\/wasm">/;
if (!preload.test(html)) fail("Trunk's preload of the editor's module is not in index.html");
html = html.replace(preload, "");

const fetchModule = "const response = fetch(source)";
if (!html.includes(fetchModule)) fail("Trunk's loader does not fetch the module as expected");
html = html.replace(fetchModule, "const response = window.mceFirstViewDone.then(() => fetch(source))");

const loader = `
    <script>
      // The first view's files, fetched at once when the page wants it
      // (index.html's opening script decides; scripts/first-view-assets.mjs
      // wrote this).
      if (window.mceWantsFirstView) {
        const glue = document.createElement("link");
        glue.rel = "modulepreload";
        glue.href = "./${script}";
        document.head.append(glue);
        window.mceFirstViewModule = fetch("./${wasm}");
        window.mceFirstViewModule.catch(() => {});
      }
    </script>
    <script type="module">
      if (window.mceWantsFirstView) {
        import("./${script}")
          .then((module) => module.default({ module_or_path: window.mceFirstViewModule }))
          .catch(() => window.mceFirstViewSettled());
      }
    </script>
`;
const anchor = "<!-- first view -->";
if (!html.includes(anchor)) fail(`index.html has no "${anchor}" marker for the first view's loader`);
html = html.replace(anchor, loader.trim());
writeFileSync(page, html);
