// End-to-end harness shared by every journey: serves the release build (dist/) on 127.0.0.1
// with Debian's nginx and the portal's own site configuration (headers and Content-Security-Policy
// included), drives Debian's chromium through playwright-core, fails a journey on any page error,
// console error or policy violation, saves a screenshot under target/e2e/ when a journey fails,
// and runs axe-core on a page.
//
// Usage in a test file:
//   const app = await startApp();            // in before()
//   await app.journey("name", async (page) => { await page.goto(app.url("/")); ... });
//   await app.stop();                        // in after()
import { createRequire } from "node:module";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

import { launchChromium } from "../../tools/chromium.mjs";
import { startNginx } from "../../tools/nginx-server.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(ROOT, "tools", "package.json"));

export const ARTIFACTS = join(ROOT, "target", "e2e");

/** Starts nginx on a free port and launches headless Chromium. */
export async function startApp({ dist = process.env.DIST ?? join(ROOT, "dist") } = {}) {
  await readFile(join(dist, "index.html")).catch(() => {
    throw new Error(`no release build in ${dist}: run 'trunk build --release' (tools/test.sh does)`);
  });
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await startNginx(dist);
  const base = server.url;
  const browser = await launchChromium();

  return {
    base,
    browser,
    /** The absolute URL of `path` on the test server. */
    url: (path = "/") => new URL(path, base).href,

    /**
     * Runs `fn(page, ctx)` in a fresh browser context (service workers blocked unless
     * `serviceWorkers: "allow"`; a `deviceScaleFactor` of 2 with half the viewport is 200% zoom).
     * Fails the journey on any uncaught page error, console error not listed in `allowConsole`
     * (regexps) or Content-Security-Policy violation in any of its pages and frames (unless
     * `cspViolations` collects them for the journey to check); on failure saves
     * target/e2e/<name>.png and rethrows. Navigations wait for the app to take over from the
     * pre-rendered first view unless `takeOver` is false.
     */
    async journey(name, fn, { viewport = { width: 1280, height: 900 }, colorScheme = "light", allowConsole = [], locale = "zh-CN", serviceWorkers = "block", deviceScaleFactor = 1, cspViolations = null, takeOver = true } = {}) {
      // The portal's service worker answers from its cache when the network fails; journeys that
      // simulate failures must reach the network, so it runs only where a journey asks for it.
      const context = await browser.newContext({ viewport, colorScheme, locale, serviceWorkers, deviceScaleFactor });
      const problems = [];
      const violated = (v) => (cspViolations ? cspViolations.push(v) : problems.push(`CSP violation: ${v}`));
      await context.exposeFunction("__gongkaiCspViolation", violated);
      await context.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__gongkaiCspViolation(`${e.effectiveDirective} refused ${e.blockedURI || "inline"} in ${e.documentURI}`)),
      );
      if (takeOver) context.on("page", actOnTheApp);
      const page = await context.newPage();
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && !allowConsole.some((re) => re.test(m.text()))) problems.push(`console error: ${m.text()}`);
      });
      try {
        await fn(page, context);
        assert.deepEqual(problems, [], `${name}: errors in the page`);
      } catch (err) {
        const file = join(ARTIFACTS, `${safe(name)}.failure.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        err.message += `\n  screenshot: ${file}`;
        throw err;
      } finally {
        await context.close();
      }
    },

    /** Stops serving (open connections are cut): the portal's site is then unreachable. */
    async stopServer() {
      await server.stop();
    },

    async stop() {
      await browser.close();
      await this.stopServer();
    },
  };
}

/**
 * Makes `page`'s navigations (goto, reload, back, forward) wait, when they open on the overview
 * pre-rendered into the page (public/first-view.js), until the app has taken over from it:
 * journeys act on the app. tests/e2e/first-view.test.mjs checks the pre-rendered view itself.
 */
function actOnTheApp(page) {
  const settled = () =>
    page
      .waitForFunction(() => !document.documentElement.classList.contains("first-view"), null, { timeout: 30_000 })
      .catch((err) => {
        err.message = `the app did not take over from the pre-rendered first view: ${err.message}`;
        throw err;
      });
  for (const method of ["goto", "reload", "goBack", "goForward"]) {
    const navigate = page[method].bind(page);
    page[method] = async (...args) => {
      const response = await navigate(...args);
      await settled();
      return response;
    };
  }
}

/** Saves a screenshot of `page` to target/e2e/<name>.png for people to look at; returns the path. */
export async function screenshot(page, name, options = {}) {
  const file = join(ARTIFACTS, `${safe(name)}.png`);
  await page.screenshot({ path: file, fullPage: true, ...options });
  return file;
}

/**
 * Holds back every request of `page` matching `pattern` until the returned function is called;
 * then they go on to the server.
 */
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((go) => (release = go));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits until the portal has mounted and the data has loaded (the overview chart or an error). */
export async function waitForPortal(page) {
  await page.locator(".site-header").waitFor();
  await page.waitForFunction(() => !document.querySelector(".loading"), null, { timeout: 30_000 });
}

/**
 * Runs axe-core on the page (WCAG 2.x A and AA rules) and returns its violations, each
 * reduced to id, impact, help and the selectors of the failing nodes.
 */
export async function axe(page, { tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } = {}) {
  // Evaluated through the debugging protocol: the page's policy refuses inline <script> tags.
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), tags);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

/**
 * Checks that the characters of `text` render as real glyphs in the page's font, not as tofu.
 * Each distinct character is drawn on a canvas in the computed font of `selector`; a character
 * counts as tofu when its pixels equal those of a code point no font covers (U+10FFFD, private
 * use) or when the picture is blank. Returns the characters that are tofu.
 */
export async function tofuIn(page, text, selector = "body") {
  return page.evaluate(
    ({ text, selector }) => {
      const font = getComputedStyle(document.querySelector(selector)).fontFamily;
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 48;
      const ctx = canvas.getContext("2d", { willReadFrequently: true });
      const draw = (ch) => {
        ctx.clearRect(0, 0, 48, 48);
        ctx.font = `32px ${font}`;
        ctx.fillStyle = "#000";
        ctx.textBaseline = "top";
        ctx.fillText(ch, 4, 4);
        const data = ctx.getImageData(0, 0, 48, 48).data;
        let sig = "";
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) {
          sig += data[i] > 127 ? "1" : "0";
          ink += data[i] > 127 ? 1 : 0;
        }
        return { sig, ink };
      };
      const notdef = draw(String.fromCodePoint(0x10fffd)).sig;
      const chars = [...new Set([...text].filter((c) => c.trim() !== ""))];
      return chars.filter((c) => {
        const g = draw(c);
        return g.ink === 0 || g.sig === notdef;
      });
    },
    { text, selector },
  );
}

/** The records of CSV `text` (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text) {
  const records = [];
  let field = "", record = [], quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { record.push(field); field = ""; }
    else if (c === "\n") { record.push(field); records.push(record); record = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

function safe(name) {
  return name.replace(/[^\w.-]+/g, "-");
}
