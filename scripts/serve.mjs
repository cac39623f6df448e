#!/usr/bin/env node
// Serves a built app (dist/) as a static host would: correct MIME types,
// pre-compressed .br/.gz variants when the browser accepts them, and no
// caching of index.html. Used by `make run` and by the end-to-end tests.
//
//   node scripts/serve.mjs [--root dist] [--host 127.0.0.1] [--port 8080]
//                          [--backend http://127.0.0.1:5005/ [--region us-east-2]]
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The content type of each file extension the app and the peers serve. */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Starts serving `root`; resolves to the running server and its base URL.
 * `config`, when given (an object, or raw text), is served as /config.json
 * (the backend the app uses), so one build can be pointed at a test or
 * demo backend. `mistake`, for the tests, makes a host's mistake: called
 * with each request's `{ pathname }`, it may return `headers` to send over
 * the file's own, or a whole other answer (`{ status, headers, body }`).
 */
export function startServer({ root = "dist", host = "127.0.0.1", port = 0, config, mistake } = {}) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, "http://localhost");
    if (config !== undefined && pathname === "/config.json") {
      const body = typeof config === "string" ? config : JSON.stringify(config);
      response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache" }).end(body);
      return;
    }
    // A host's mistake, for the tests: another answer altogether, or
    // headers of its own over the file's.
    const mistaken = mistake?.({ pathname });
    if (mistaken?.body !== undefined) {
      response.writeHead(mistaken.status ?? 200, mistaken.headers ?? {}).end(mistaken.body);
      return;
    }
    let file;
    try {
      file = join(base, decodeURIComponent(pathname));
    } catch {
      response.writeHead(400).end("bad path");
      return;
    }
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": extname(file) === ".html" ? "no-cache" : "public, max-age=31536000, immutable",
      vary: "accept-encoding",
    };
    const accepts = request.headers["accept-encoding"] ?? "";
    for (const [suffix, encoding] of [[".br", "br"], [".gz", "gzip"]]) {
      if (accepts.includes(encoding) && existsSync(file + suffix)) {
        file += suffix;
        headers["content-encoding"] = encoding;
        break;
      }
    }
    headers["content-length"] = statSync(file).size;
    response.writeHead(200, { ...headers, ...mistaken?.headers });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolveStart, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolveStart({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const root = option("root", "dist");
  if (!existsSync(join(root, "index.html"))) {
    console.error(`serve: ${root}/index.html does not exist; build the app first (make build)`);
    process.exit(1);
  }
  try {
    const endpoint = option("backend");
    const config = endpoint ? { endpoint, region: option("region", "us-east-2"), signing: "none" } : undefined;
    const { url } = await startServer({
      root,
      host: option("host", "127.0.0.1"),
      port: Number(option("port", "8080")),
      config,
    });
    console.log(`Model Card Editor is running at ${url}  (Ctrl+C stops it)`);
    if (config) console.log(`  using the model registry at ${config.endpoint}`);
  } catch (error) {
    console.error(`serve: cannot listen: ${error.message}`);
    process.exit(1);
  }
}
