// Writes a brotli copy (quality 11, the best) beside every compressible file under a folder:
// `main-….css` gets `main-….css.br`, which nginx's brotli_static module sends to browsers that
// accept brotli (deploy/policy.mjs), so readers download the smallest encoding without the server
// compressing on every request. The post-build hook runs it on the build; the browser benchmark on
// the files it serves beside it.
//
//   node tools/precompress.mjs DIR
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompress, constants } from "node:zlib";
import { promisify } from "node:util";

import { filesUnder } from "./files.mjs";

/** The files worth compressing: text and wasm (images other than SVG are compressed already). */
export const COMPRESSIBLE = /\.(html|css|js|mjs|wasm|json|csv|svg|txt|md)$/;

const compress = promisify(brotliCompress);

/** Writes `FILE.br` for each compressible file under `dir` (1 KiB or more); returns how many. */
export async function precompress(dir) {
  const targets = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f));
  let written = 0;
  for (const file of targets) {
    const bytes = await readFile(join(dir, file));
    if (bytes.length < 1024) continue;
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
    await writeFile(join(dir, `${file}.br`), await compress(bytes, { params }));
    written += 1;
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: node tools/precompress.mjs DIR");
  console.log(`precompress: ${await precompress(dir)} brotli copies written under ${dir}`);
}
