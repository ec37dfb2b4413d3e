// Assembles the ECharts peer page into OUT_DIR (served at /peer/ beside the portal's build):
// index.html, the page script and the two prebuilt libraries from npm (tools/package.json:
// echarts' dist/echarts.min.js and topojson-client's dist/topojson-client.min.js), each script
// with a content hash in its name (cached as immutable by the portal's headers), and the
// libraries' licence files.
//
//   node bench/peer/build.mjs OUT_DIR          e.g. node bench/peer/build.mjs dist/peer
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const require = createRequire(join(ROOT, "tools", "package.json"));

/** `name.js` → `name-<16 hex digits of its SHA-256>.js` (deploy/policy.mjs's HASHED). */
function hashed(file, bytes) {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return file.replace(/\.js$/, `-${hash}.js`);
}

/** Builds the page into `out`; returns the names of the files written. */
export async function buildPeer(out) {
  await mkdir(join(out, "licenses"), { recursive: true });
  const scripts = {
    "echarts.min.js": require.resolve("echarts/dist/echarts.min.js"),
    "topojson-client.min.js": require.resolve("topojson-client/dist/topojson-client.min.js"),
    "peer.js": join(HERE, "peer.js"),
  };
  let page = await readFile(join(HERE, "index.html"), "utf8");
  const written = ["index.html"];
  for (const [name, path] of Object.entries(scripts)) {
    const bytes = await readFile(path);
    const target = hashed(name, bytes);
    await writeFile(join(out, target), bytes);
    const before = page;
    page = page.replace(`src="${name}"`, `src="${target}"`).replace(`data-topojson="${name}"`, `data-topojson="${target}"`);
    if (page === before) throw new Error(`index.html does not name ${name}`);
    written.push(target);
  }
  await writeFile(join(out, "index.html"), page);
  // Scripts of earlier builds go.
  for (const file of await readdir(out)) {
    const stem = Object.keys(scripts).find((name) => file.startsWith(name.replace(/\.js$/, "-")));
    if (stem && /-[0-9a-f]{16}\.js$/.test(file) && !written.includes(file)) await rm(join(out, file));
  }
  for (const [library, files] of [["echarts", ["LICENSE", "NOTICE"]], ["topojson-client", ["LICENSE"]]]) {
    const dir = dirname(require.resolve(`${library}/package.json`));
    for (const file of files) {
      await copyFile(join(dir, file), join(out, "licenses", `${library}-${basename(file)}.txt`));
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = process.argv[2];
  if (!out) {
    console.error("usage: node bench/peer/build.mjs OUT_DIR");
    process.exit(2);
  }
  const files = await buildPeer(out);
  console.log(`peer page: ${files.join(", ")} → ${out}`);
}
