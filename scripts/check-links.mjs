#!/usr/bin/env node
// The second layer of `make test`: the README and the pages in docs/ hold
// no broken relative link. Every relative link and image in README.md and
// docs/*.md must name a file (or directory) that exists, and a `#anchor`
// must name a heading of the Markdown file it points into (GitHub's slugs:
// lower case, punctuation dropped, spaces to hyphens, `-1`, `-2` for
// repeats). Links to other sites are not fetched. Text in code blocks and
// code spans is not read as links.
// Lists every broken link as file:line and exits 1; exits 0 when none is.
//   node scripts/check-links.mjs [FILE.md...]   (default: README.md docs/*.md)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..");

/** The Markdown files checked when none is named. */
function defaultFiles() {
  const docs = join(repo, "docs");
  const pages = existsSync(docs) ? readdirSync(docs).filter((name) => name.endsWith(".md")).map((name) => join(docs, name)) : [];
  return [join(repo, "README.md"), ...pages.sort()];
}

const blank = (match) => match.replace(/[^\n]/g, " ");

/** `text` with fenced code blocks blanked, newlines kept (so offsets still give lines). */
function withoutFences(text) {
  return text.replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, blank);
}

/** `text` with code blocks and code spans blanked, newlines kept. */
function withoutCode(text) {
  return withoutFences(text).replace(/(`+)[\s\S]*?\1/g, blank);
}

/** GitHub's anchor for a heading's text. */
function slug(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]|<[^>]+>/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a Markdown file's headings. */
function anchors(file) {
  const seen = new Map();
  const found = new Set();
  for (const line of withoutFences(readFileSync(file, "utf8")).split("\n")) {
    const heading = line.match(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!heading) continue;
    const base = slug(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

/** Every link and image target in `text`, with its line. */
function targets(text) {
  const plain = withoutCode(text);
  const found = [];
  const lineOf = (index) => plain.slice(0, index).split("\n").length;
  const patterns = [
    /!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, // [text](target), ![alt](target)
    /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm, // [label]: target
    /<(?:img|a)\b[^>]*?\b(?:src|href)\s*=\s*"([^"]*)"/g, // <img src="...">, <a href="...">
  ];
  for (const pattern of patterns) {
    for (const match of plain.matchAll(pattern)) found.push({ target: match[1], line: lineOf(match.index) });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Why the relative `target`, linked from `file`, is broken; nothing when it resolves. */
function problem(file, target) {
  const [pathPart, anchor] = target.split("#", 2);
  const path = decodeURIComponent(pathPart);
  const linked = path === "" ? file : resolve(dirname(file), path);
  if (!existsSync(linked)) return `no such file: ${relative(repo, linked) || path}`;
  if (anchor === undefined || anchor === "" || statSync(linked).isDirectory() || !linked.endsWith(".md")) return undefined;
  const wanted = decodeURIComponent(anchor).toLowerCase();
  return anchors(linked).has(wanted) ? undefined : `no heading #${anchor} in ${relative(repo, linked)}`;
}

const files = process.argv.length > 2 ? process.argv.slice(2).map((file) => resolve(file)) : defaultFiles();
const broken = [];
let checked = 0;
for (const file of files) {
  for (const { target, line } of targets(readFileSync(file, "utf8"))) {
    if (target === "" || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue;
    checked += 1;
    const why = problem(file, target);
    if (why) broken.push(`${relative(repo, file)}:${line}: (${target}) ${why}`);
  }
}
if (broken.length > 0) {
  console.log(`check-links: ${broken.length} broken relative link(s) in ${files.length} file(s):`);
  for (const line of broken) console.log(line);
  process.exit(1);
}
console.log(`check-links: ${checked} relative links and images in ${files.length} file(s), all resolve`);
