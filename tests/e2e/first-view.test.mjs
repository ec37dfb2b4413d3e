// The pre-rendered first view (tools/prerender.mjs, public/first-view.js, src/ui/first_view.rs):
// the overview is in the page itself, readable before and without the app; it is shown only when
// the app would start on exactly that view; the app takes over without anything moving; and the
// app's WebAssembly is not asked for before the first view is painted.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";

import { startApp, screenshot, axe, holdBack } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** The text of an element outside its charts' drawings (whose axis ticks depend on the width they
 *  are drawn at), whitespace collapsed. */
const textOf = (page, selector) =>
  page.locator(selector).evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement.closest("svg") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    const parts = [];
    while (walker.nextNode()) parts.push(walker.currentNode.data);
    return parts.join(" ").replace(/\s+/g, " ").trim();
  });

describe("first view", () => {
  test("the overview is readable from the page alone: heading, chart with its text alternative, sources, working links", async () => {
    await app.journey("first-view-alone", async (page) => {
      // The app has not arrived (its WebAssembly is never answered).
      await page.route(/\.wasm$/, () => {});
      await page.goto(app.url("/"));
      const first = page.locator("#first-view");
      await first.locator("h1").waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains("first-view")), true);
      assert.equal((await first.locator("h1").textContent()).trim(), "概览");
      assert.equal((await first.locator(".chart-title").first().textContent()).trim(), "全国农村贫困人口和贫困发生率");
      assert.ok((await first.locator(".chart-summary").first().textContent()).startsWith("2012年至2020年，农村贫困人口从9899万人降至0人"));
      // The chart is drawn, and named and described for screen readers.
      const svg = first.locator(".chart-box svg").first();
      assert.ok(await svg.isVisible());
      assert.ok((await svg.locator("title").textContent()).length > 0);
      assert.ok((await svg.locator("desc").textContent()).length > 0);
      assert.ok((await first.locator(".chart-source a").count()) > 0, "source links");
      // Its ids do not collide with the app's, and every reference points inside it.
      const ids = await page.evaluate(() => {
        const all = [...document.querySelectorAll("[id]")].map((e) => e.id);
        const refs = [...document.querySelectorAll("#first-view [aria-labelledby], #first-view [aria-controls], #first-view [aria-describedby], #first-view label[for]")]
          .flatMap((e) => ["aria-labelledby", "aria-controls", "aria-describedby", "for"].flatMap((a) => (e.getAttribute(a) ?? "").split(/\s+/).filter(Boolean)));
        return { duplicates: all.filter((id, i) => all.indexOf(id) !== i), dangling: refs.filter((r) => !document.getElementById(r)?.closest("#first-view")) };
      });
      assert.deepEqual(ids, { duplicates: [], dangling: [] });
      // Nothing answers buttons yet, so they are disabled; links load the page they name.
      assert.equal(await first.locator("button:not([disabled])").count(), 0);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, "first-view-alone");
      await first.getByRole("link", { name: "资金" }).click();
      await page.waitForURL((u) => u.pathname === "/funds");
      assert.equal(await page.locator("#first-view").isVisible(), false, "another page does not show the overview");
    }, { takeOver: false });
  });

  test("the app takes over with the same page: same text, nothing moves, focus kept, the WebAssembly asked for after the first paint", async () => {
    await app.journey("first-view-takeover", async (page) => {
      await page.addInitScript(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shifts += e.value))).observe({ type: "layout-shift", buffered: true });
      });
      // The reader's day is not the build's: nothing the app writes depends on it before a
      // reader asks (a citation's date is the day its dialog is opened).
      await page.addInitScript(() => {
        const Real = Date;
        const shift = 2 * 24 * 3600 * 1000;
        globalThis.Date = class extends Real {
          constructor(...args) {
            super(...(args.length ? args : [Real.now() + shift]));
          }
          static now() {
            return Real.now() + shift;
          }
        };
      });
      // Hold the app back until the first view has been read.
      const release = await holdBack(page, /\.wasm$/);
      const navigation = page.goto(app.url("/"), { waitUntil: "commit" });
      await page.locator("#first-view main h1").waitFor();
      const before = await textOf(page, "#first-view main");
      // A keyboard reader is on a link of the first view when the app arrives.
      await page.locator("#first-view").getByRole("link", { name: "资金" }).focus();
      release();
      await navigation;
      await page.waitForFunction(() => performance.getEntriesByName("gk:took-over").length > 0);
      assert.equal(await page.locator("#first-view").count(), 0, "the pre-rendered view is gone");
      assert.equal(await page.locator("#app main").isVisible(), true);
      assert.equal(await textOf(page, "#app main"), before, "the app shows what the first view showed");
      assert.equal(await page.evaluate(() => window.__shifts), 0, "layout shift");
      const focus = await page.evaluate(() => ({ text: document.activeElement.textContent.trim(), inApp: !!document.activeElement.closest("#app") }));
      assert.deepEqual(focus, { text: "资金", inApp: true }, "focus stays on the same link");
      const order = await page.evaluate(() => ({
        painted: performance.getEntriesByName("gk:first-view")[0]?.startTime,
        wasm: performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"))?.startTime,
      }));
      assert.ok(order.painted > 0 && order.wasm >= order.painted, `WebAssembly asked for at ${order.wasm} ms, first view painted at ${order.painted} ms`);
      // The app answers: the table opens.
      await page.getByRole("button", { name: "显示数据表" }).first().click();
      await page.locator("#app table").first().waitFor();
      await screenshot(page, "first-view-taken-over");
    });
  });

  // Every way a reader's language or theme is chosen: the first view is shown exactly when the
  // app, once started, is on the overview in 简体中文 with the light theme.
  const CASES = [
    { name: "Chinese browser", path: "/", locale: "zh-CN" },
    { name: "English browser", path: "/", locale: "en-US" },
    { name: "Taiwanese browser", path: "/", locale: "zh-TW" },
    { name: "Chinese browser, English saved", path: "/", locale: "zh-CN", saved: { "gongkai-locale": "en" } },
    { name: "English browser, 简体 saved", path: "/", locale: "en-US", saved: { "gongkai-locale": "zh-Hans" } },
    { name: "unknown saved language", path: "/", locale: "zh-CN", saved: { "gongkai-locale": "xx" } },
    { name: "dark system theme", path: "/", locale: "zh-CN", colorScheme: "dark" },
    { name: "dark system theme, light saved", path: "/", locale: "zh-CN", colorScheme: "dark", saved: { "gongkai-theme": "light" } },
    { name: "dark saved", path: "/", locale: "zh-CN", saved: { "gongkai-theme": "dark" } },
    { name: "a language in the address", path: "/?lang=zh-Hans", locale: "zh-CN" },
    { name: "another page", path: "/funds", locale: "zh-CN" },
  ];
  for (const c of CASES) {
    test(`shown exactly when the app starts on it: ${c.name}`, async () => {
      await app.journey(`first-view-choice-${c.name}`, async (page) => {
        await page.addInitScript((saved) => {
          if (location.pathname === "/" && !sessionStorage.getItem("seeded")) {
            for (const [k, v] of Object.entries(saved)) localStorage.setItem(k, v);
            sessionStorage.setItem("seeded", "1");
          }
          document.addEventListener("DOMContentLoaded", () => {
            window.__firstView = document.documentElement.classList.contains("first-view");
          });
        }, c.saved ?? {});
        await page.goto(app.url(c.path));
        await page.locator("#app .site-header").waitFor();
        await page.waitForFunction(() => document.documentElement.dataset.theme && !document.querySelector(".loading"));
        const seen = await page.evaluate(() => ({
          shown: window.__firstView,
          lang: document.documentElement.lang,
          theme: document.documentElement.dataset.theme,
        }));
        // The address the page was opened at (the app may add a choice to it, e.g. ?theme=light).
        seen.overview = c.path === "/";
        assert.equal(seen.shown, seen.lang === "zh-Hans" && seen.theme === "light" && seen.overview, JSON.stringify(seen));
      }, { locale: c.locale, colorScheme: c.colorScheme ?? "light" });
    });
  }
});
