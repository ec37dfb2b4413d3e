// Accessibility journeys: axe-core on every route and the states that matter, in two languages
// and both themes.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";

import { startApp, axe } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** Adds one invalid row to observations.csv, so the data-issues panel shows. */
async function withDataIssue(page) {
  await page.route("**/data/observations.csv", async (route) => {
    const response = await route.fetch();
    const lines = (await response.text()).trimEnd().split("\n");
    const copy = lines[1].split(",");
    copy[0] = "added-row";
    copy[1] = "999999";
    await route.fulfill({ response, body: [...lines, copy.join(",")].join("\n") + "\n" });
  });
}

/**
 * Every route, and the states of it that matter. `setup` (optional) prepares the network, `ready`
 * is what shows once the view is drawn, and `then` (optional) puts it in a state (a table shown, a
 * dialog open…); `allowConsole` lists the console errors the state causes on purpose.
 */
const VIEWS = [
  { name: "overview", path: "/", ready: ".chart-box svg" },
  { name: "overview-table", path: "/", ready: ".chart-box svg", then: (page) => page.locator(".table-toggle").first().click() },
  { name: "overview-embed-dialog", path: "/", ready: ".chart-box svg", then: (page) => openShare(page, "embed") },
  { name: "overview-download-dialog", path: "/", ready: ".chart-box svg", then: (page) => openShare(page, "download") },
  { name: "overview-cite-dialog", path: "/", ready: ".chart-box svg", then: (page) => openShare(page, "cite") },
  { name: "overview-data-issues", path: "/", ready: ".data-problems", setup: withDataIssue },
  { name: "load-error", path: "/", ready: ".load-error", allowConsole: [/404/],
    setup: (page) => page.route("**/data/datapackage.json", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "gone" })) },
  { name: "search-open", path: "/", ready: ".chart-box svg", then: async (page) => {
    await page.locator("#site-search-input").fill("通辽");
    await page.locator("#site-search-0").waitFor();
  } },
  { name: "poverty-exits", path: "/poverty-exits", ready: ".chart-box svg" },
  { name: "funds", path: "/funds", ready: ".chart-box svg" },
  { name: "pairing-money", path: "/paired-assistance", ready: ".chart-box svg" },
  { name: "pairing-cadres", path: "/paired-assistance?measure=cadres", ready: ".chart-box svg" },
  { name: "pairing-projects", path: "/paired-assistance?measure=projects", ready: ".chart-box svg" },
  { name: "commitments", path: "/commitments", ready: ".chart-box svg" },
  { name: "map", path: "/map", ready: ".map svg .region" },
  { name: "map-region-selected", path: "/map?at=150521", ready: "#region-150521.selected" },
  { name: "map-search-open", path: "/map", ready: ".map svg .region", then: async (page) => {
    await page.locator("#map-search-input").fill("tongliao");
    await page.locator("#map-search-0").waitFor();
  } },
  { name: "map-flows", path: "/map?show=flows", ready: ".map svg .flow-arrow" },
  { name: "map-download-dialog", path: "/map", ready: ".map svg .region", then: (page) => openShare(page, "download") },
  { name: "explore-chart", path: "/explore", ready: ".chart-box svg" },
  { name: "explore-map", path: "/explore?indicator=poverty_exits_persons&tab=map", ready: ".map svg .region" },
  { name: "explore-table", path: "/explore?tab=table", ready: "table.figures" },
  { name: "sources", path: "/sources", ready: "section.source", then: (page) => page.locator("section.source summary").first().click() },
  { name: "figure", path: "/figures/s000-f002", ready: ".provenance-value" },
  { name: "region", path: "/regions/130723", ready: ".region-page" },
  { name: "indicator", path: "/indicators/poor_persons", ready: "table.figures" },
  { name: "stories", path: "/present", ready: ".story-list" },
  { name: "slide", path: "/present/seed-results?slide=2", ready: '.slide[data-current="true"] .chart svg' },
  { name: "slide-overview", path: "/present/seed-results?slide=2", ready: '.slide[data-current="true"] .chart svg', then: async (page) => {
    await page.keyboard.press("g");
    await page.locator(".deck-overview").waitFor();
  } },
  { name: "speaker-notes", path: "/present/seed-results/notes?slide=2", ready: ".speaker-notes h1" },
  { name: "embed-overview", path: "/embed/", ready: ".chart-box svg" },
  { name: "embed-funds", path: "/embed/funds", ready: ".chart-box svg" },
  { name: "embed-map", path: "/embed/map", ready: ".map svg .region" },
  { name: "embed-explore-table", path: "/embed/explore?tab=table", ready: "table.figures" },
  { name: "not-found", path: "/no-such-page", ready: "h1" },
];

/** Waits until nothing is loading (pages without the portal's header: slides, notes, embeds). */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector(".loading"), null, { timeout: 30_000 });
}

/** Runs `fn` on every view, three at a time (each in its own browser context). */
async function eachView(fn) {
  const queue = [...VIEWS];
  await Promise.all([1, 2, 3].map(async () => {
    while (queue.length) await fn(queue.shift());
  }));
}

/** Opens view `v` of VIEWS in `lang` and puts it in its state. */
async function openView(page, v, lang) {
  if (v.setup) await v.setup(page);
  const sep = v.path.includes("?") ? "&" : "?";
  await page.goto(app.url(`${v.path}${sep}lang=${lang}`));
  await page.locator(v.ready).first().waitFor();
  await settled(page);
  if (v.then) await v.then(page);
}

/** Opens the share dialog `kind` (embed, download, cite) of the first view that has one. */
async function openShare(page, kind) {
  await page.locator(`[data-share="${kind}"]`).first().click();
  await page.locator(".share-dialog[open]").waitFor();
}

describe("axe-core on every route", () => {
  for (const lang of ["zh-Hans", "en"]) {
    for (const scheme of ["light", "dark"]) {
      test(`no WCAG 2.2 A/AA violations on any route or state (${lang}, ${scheme})`, async () => {
        const found = {};
        await eachView((v) => app.journey(`axe-${v.name}-${lang}-${scheme}`, async (page) => {
          await openView(page, v, lang);
          const violations = await axe(page);
          if (violations.length) found[v.name] = violations;
        }, { colorScheme: scheme, allowConsole: v.allowConsole }));
        assert.deepEqual(found, {});
      });
    }
  }
});
