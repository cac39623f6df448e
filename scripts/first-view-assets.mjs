#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): puts the first view (src/first_view/)
// on the page, beside the editor.
//
// Trunk builds the first view as a second module (index.html's
// `data-bin="first-view"` link; `data-type="worker"` only so that Trunk
// builds it without loading it, which its one "main" module allows). This:
//  - names its two files by their content, like Trunk's own, so a static
//    host can cache them for good;
//  - loads them when index.html's opening script says the page wants them
//    (`mceWantsFirstView`: the address names a card with no draft) and the
//    connection is slow (`mceSlowConnection`: none of the page's requests
//    answered within 40 ms; on a faster one the editor arrives with the
//    card), or, quick to answer, it is slow to bring the editor's module
//    (its download, as src/loading.mjs reports it, has 500 ms or more to
//    go after 100 ms);
//  - asks for them at high priority, beside the editor's module (which is
//    not held back).
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


const loader = `
    <script>
      // The first view's files, fetched at high priority when the page wants
      // it and the connection is slow enough for it to be worth them
      // (index.html's opening script decides both). A connection quick to
      // answer can still be slow to carry the editor's 400 KB: then the
      // editor's download (src/loading.mjs reports it) says so, and the
      // first view is loaded after all. scripts/first-view-assets.mjs wrote
      // this. A first view that cannot load leaves the page to the editor.
      if (window.mceWantsFirstView) {
        const GAUGE_MS = 100; // how long a download is watched before its rate is trusted
        const WORTH_MS = 500; // how much longer the editor must take for the first view to be worth it
        let requested = false;
        const load = (why) => {
          if (requested) return;
          requested = true;
          window.mceConnection.firstView = why;
          const module = fetch("./${wasm}", { priority: "high" });
          module.catch(() => {});
          import("./${script}")
            .then((firstView) => firstView.default({ module_or_path: module }))
            .catch(() => {});
        };
        window.mceSlowConnection.then((slow) => {
          if (slow) return load("slow answers");
          window.mceEditorProgress = ({ since, first, at, current, total }) => {
            const rate = (current - first) / (at - since);
            if (current >= total) {
              window.mceEditorProgress = undefined;
            } else if (at - since >= GAUGE_MS && rate > 0 && (total - current) / rate > WORTH_MS) {
              window.mceEditorProgress = undefined;
              load("slow editor download");
            }
          };
        });
      }
    </script>
`;
const anchor = "<!-- first view -->";
if (!html.includes(anchor)) fail(`index.html has no "${anchor}" marker for the first view's loader`);
html = html.replace(anchor, loader.trim());
writeFileSync(page, html);
