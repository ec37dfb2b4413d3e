// Trunk post-build hook (Trunk.toml): readies the build for the strict Content-Security-Policy of
// deploy/policy.mjs before trunk moves it into dist/.
//   1. trunk writes its start-up code as an inline <script type="module">, which that policy
//      refuses; it is moved into boot-<hash>.js, loaded with an integrity hash like every other
//      file the page links;
//   2. writes _headers (the policy and caching, naming this build's hashed files);
//   3. writes a brotli copy beside each compressible file (tools/precompress.mjs).
// Fails the build when the page has no such script or any other inline script is left.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { headersFile } from "../deploy/policy.mjs";
import { filesUnder } from "./files.mjs";
import { precompress } from "./precompress.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("tools/postbuild.mjs runs as trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
const page = join(dir, "index.html");
let html = await readFile(page, "utf8");

const INLINE_MODULE = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/;
const found = html.match(INLINE_MODULE);
if (!found) throw new Error(`${page}: trunk's start-up <script type="module"> was not found`);
const code = `${found[1].trim()}\n`;
const digest = (algorithm, encoding) => createHash(algorithm).update(code).digest(encoding);
const name = `boot-${digest("sha256", "hex").slice(0, 16)}.js`;
await writeFile(join(dir, name), code);
const tag = `<script type="module" src="${publicUrl}${name}" integrity="sha384-${digest("sha384", "base64")}" crossorigin="anonymous"></script>`;
html = html.replace(INLINE_MODULE, () => tag);

const leftover = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)].map((m) => m[0]);
// `trunk serve` adds its live-reload script; it serves without these headers, so that one may stay.
const serving = html.includes("__TRUNK_ADDRESS__");
if (leftover.length && !serving) throw new Error(`${page}: inline scripts left, which the policy refuses: ${leftover.join(" ")}`);
await writeFile(page, html);

const built = await filesUnder(dir);
await writeFile(join(dir, "_headers"), headersFile(built));
const compressed = await precompress(dir);
console.log(`postbuild: start-up script moved to ${name}; _headers written; ${compressed} brotli copies`);
