// Headless Chromium for the build's pre-rendering (tools/prerender.mjs), the end-to-end journeys
// (tests/e2e/harness.mjs) and the benchmarks (bench/harness.mjs): Debian's chromium driven by
// playwright-core (tools/package.json), with flags for a sandboxed, offline machine (see
// TOOLCHAIN.md): no background connections at all.
import { createRequire } from "node:module";
import { access } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), "package.json"));
const { chromium } = require("playwright-core");

/** The browser binary: `$CHROMIUM`, or Debian's (tools/setup.sh installs it). */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium with the shared flags plus `extraArgs`. */
export async function launchChromium(extraArgs = []) {
  await access(CHROMIUM).catch(() => {
    throw new Error(`${CHROMIUM}: no Chromium there; tools/setup.sh installs Debian's (or set CHROMIUM)`);
  });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs] });
}
