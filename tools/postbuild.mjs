// Trunk post-build hook (Trunk.toml): readies the build for the strict Content-Security-Policy of
// deploy/policy.mjs before trunk moves it into dist/.
//   1. trunk writes its start-up code as an inline <script type="module">, which that policy
//      refuses; it is moved into boot-<hash>.js, loaded with an integrity hash like every other
//      file the page links, and made to wait until a pre-rendered first view is painted;
//   2. links public/first-view.js (hashed) at the top of <head>, in place of trunk's preload of
//      the WebAssembly, which that script makes only when the page will need the app at once;
//   3. pre-renders the overview into the page as #first-view (tools/prerender.mjs);
//   4. writes _headers (the policy and caching, naming this build's hashed files);
//   5. writes a brotli copy beside each compressible file (tools/precompress.mjs).
// Fails the build when the page has no such script, any other inline script is left, or the first
// view cannot be pre-rendered.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { headersFile } from "../deploy/policy.mjs";
import { filesUnder } from "./files.mjs";
import { precompress } from "./precompress.mjs";
import { prerender } from "./prerender.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("tools/postbuild.mjs runs as trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
const page = join(dir, "index.html");
let html = await readFile(page, "utf8");

/** `code` as a file `<stem>-<hash>.js` in the build; returns its URL and integrity hash. */
async function hashedScript(stem, code) {
  const digest = (algorithm, encoding) => createHash(algorithm).update(code).digest(encoding);
  const name = `${stem}-${digest("sha256", "hex").slice(0, 16)}.js`;
  await writeFile(join(dir, name), code);
  return { src: `${publicUrl}${name}`, integrity: `sha384-${digest("sha384", "base64")}` };
}

// 1. The start-up script. When public/first-view.js chose the pre-rendered first view, the app
//    loads only once that view is painted (`import` is hoisted: the glue code still loads at once).
const INLINE_MODULE = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/;
const found = html.match(INLINE_MODULE);
if (!found) throw new Error(`${page}: trunk's start-up <script type="module"> was not found`);
const firstViewWait = `if (document.documentElement.classList.contains("first-view")) {
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
  performance.mark("gk:first-view");
}
`;
const boot = await hashedScript("boot", `${firstViewWait}${found[1].trim()}\n`);
html = html.replace(INLINE_MODULE, () => `<script type="module" src="${boot.src}" integrity="${boot.integrity}" crossorigin="anonymous"></script>`);

const leftover = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)].map((m) => m[0]);
// `trunk serve` adds its live-reload script; it serves without these headers, so that one may stay.
const serving = html.includes("__TRUNK_ADDRESS__");
if (leftover.length && !serving) throw new Error(`${page}: inline scripts left, which the policy refuses: ${leftover.join(" ")}`);

// 2. The first-view script, in place of the WebAssembly's preload.
const PRELOAD = /<link rel="preload" href="([^"]+\.wasm)"[^>]*?integrity="([^"]+)"[^>]*>\s*/;
const preload = html.match(PRELOAD);
if (!preload) throw new Error(`${page}: trunk's preload of the WebAssembly was not found`);
html = html.replace(PRELOAD, "");
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const chooser = await hashedScript("first-view", await readFile(join(ROOT, "public", "first-view.js"), "utf8"));
const chooserTag = `<script src="${chooser.src}" integrity="${chooser.integrity}" crossorigin="anonymous" data-wasm="${preload[1]}" data-wasm-integrity="${preload[2]}"></script>`;
const STYLESHEET = /<link rel="stylesheet"/;
if (!STYLESHEET.test(html)) throw new Error(`${page}: no stylesheet link to put the first-view script before`);
html = html.replace(STYLESHEET, (m) => `${chooserTag}\n${m}`);
await writeFile(page, html);

// 3. The first view, pre-rendered from this very build.
const APP = /<div id="app"><\/div>/;
if (!APP.test(html)) throw new Error(`${page}: no <div id="app"></div> for the app to mount in`);
// Under `trunk serve`, its live-reload script cannot reach trunk from the pre-rendering server.
const firstView = await prerender(dir, { ignore: serving ? [/\.well-known\/trunk\/ws/] : [] });
html = html.replace(APP, (m) => `<div id="first-view">${firstView}</div>\n${m}`);
await writeFile(page, html);

const built = await filesUnder(dir);
await writeFile(join(dir, "_headers"), headersFile(built));
const compressed = await precompress(dir);
console.log(`postbuild: start-up script moved to ${boot.src}; first view pre-rendered (${(firstView.length / 1024).toFixed(1)} KiB); _headers written; ${compressed} brotli copies`);
