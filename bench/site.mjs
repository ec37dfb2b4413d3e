// The site the browser benchmark and the peer page's end-to-end test serve: a copy of the
// portal's build, the ECharts peer page at /peer/ and the synthetic scale package at /synthetic/.
import { execFileSync } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { precompress } from "../tools/precompress.mjs";
import { buildPeer } from "./peer/build.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Assembles the site from the build in `dist` into a new temporary folder and returns its path.
 *  With `compressed`, the peer page and the synthetic package get brotli copies like the build's
 *  own files (what the benchmark measures; slower to write). */
export async function buildSite(dist, { compressed = false } = {}) {
  const site = await mkdtemp(join(tmpdir(), "gongkai-site-"));
  await cp(dist, site, { recursive: true });
  await buildPeer(join(site, "peer"));
  execFileSync("cargo", ["run", "--quiet", "--locked", "--release", "--bin", "gongkai-synth", "--", join(site, "synthetic")], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (compressed) {
    await precompress(join(site, "peer"));
    await precompress(join(site, "synthetic"));
  }
  return site;
}
