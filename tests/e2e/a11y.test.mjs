// Accessibility journeys: axe-core and unique ids on every route and the states that matter, in
// two languages and both themes; every page's title; keyboard-only journeys through every feature
// with a focus indicator that is visible and not hidden; reflow at 320 px, 200% zoom, 200% text
// and wider text spacing. The colours of charts and maps are checked natively (tests/colour.rs).
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";

import { startApp, screenshot, waitForPortal, axe } from "./harness.mjs";

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

/**
 * Ids used more than once. Unique ids are WCAG 2.0's parsing criterion (4.1.1), which GB/T
 * 37668-2019 keeps and axe-core no longer checks; labels and descriptions point at ids.
 */
async function duplicateIds(page) {
  return page.evaluate(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  });
}

describe("axe-core on every route", () => {
  for (const lang of ["zh-Hans", "en"]) {
    for (const scheme of ["light", "dark"]) {
      test(`no WCAG 2.2 A/AA violations on any route or state (${lang}, ${scheme})`, async () => {
        const found = {};
        await eachView((v) => app.journey(`axe-${v.name}-${lang}-${scheme}`, async (page) => {
          await openView(page, v, lang);
          const violations = await axe(page);
          const ids = await duplicateIds(page);
          if (ids.length) violations.push({ id: "duplicate-id", nodes: ids });
          if (violations.length) found[v.name] = violations;
        }, { colorScheme: scheme, allowConsole: v.allowConsole }));
        assert.deepEqual(found, {});
      });
    }
  }
});

describe("page titles", () => {
  test("every page is titled with its heading and the portal's name (the overview and embeds with the name alone)", async () => {
    const found = {};
    await eachView((v) => app.journey(`title-${v.name}`, async (page) => {
      await openView(page, v, "zh-Hans");
      const path = v.path.split("?")[0];
      const heading = path === "/" || path.startsWith("/embed") ? "" : v.name === "speaker-notes" ? "演讲者备注" : (await page.locator("h1:visible").first().textContent()).trim();
      const expected = heading ? `${heading} | 公开 · 脱贫攻坚数据` : "公开 · 脱贫攻坚数据";
      await page.waitForFunction((t) => document.title === t, expected, { timeout: 5000 }).catch(() => {});
      if ((await page.title()) !== expected) found[v.name] = await page.title();
    }, { allowConsole: v.allowConsole }));
    assert.deepEqual(found, {});
  });
});

/**
 * What has focus and how it shows: a description of `document.activeElement` and its focus
 * indicator — an outline or box-shadow at least 2 px wide, or for a map region the ring drawn
 * around it — with the indicator colour's contrast against what surrounds it (the nearest
 * ancestor's background, or the ring's halo). `ratio` is 0 when there is no indicator, and when
 * the element is off screen or covered by another (WCAG 2.2 focus not obscured).
 */
async function focusIndicator(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: "body", ratio: 0, how: "nothing focused" };
    // Any CSS colour as [r, g, b, a] in 0–255, read back from a 1×1 canvas.
    const ctx = Object.assign(document.createElement("canvas"), { width: 1, height: 1 }).getContext("2d", { willReadFrequently: true });
    const rgba = (css) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "#000";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data];
    };
    const luminance = ([r, g, b]) => {
      const lin = (c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    // The first opaque background from `node` up (the page's if none).
    const backdrop = (node) => {
      for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
        const c = rgba(getComputedStyle(n).backgroundColor);
        if (c[3] === 255) return c;
      }
      return rgba(getComputedStyle(document.documentElement).backgroundColor);
    };
    const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.classList.length ? "." + [...el.classList].join(".") : ""} “${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}”`;
    if (el.classList.contains("region")) {
      const ring = document.querySelector(".region-ring.active");
      const halo = document.querySelector(".region-ring.halo");
      if (!ring || !halo) return { what, ratio: 0, how: "no focus ring" };
      const [r, h] = [getComputedStyle(ring), getComputedStyle(halo)];
      return { what, how: `ring ${r.stroke} on ${h.stroke}`, ratio: contrast(rgba(r.stroke), rgba(h.stroke)) };
    }
    if (!(el instanceof SVGElement)) {
      const box = el.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const on = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight ? document.elementFromPoint(x, y) : null;
      if (!on || !(el.contains(on) || on.contains(el))) return { what, ratio: 0, how: `hidden ${on ? "under " + on.tagName.toLowerCase() + "." + on.className : "off screen"}` };
    }
    const style = getComputedStyle(el);
    const behind = backdrop(el.parentElement);
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) {
      return { what, how: `outline ${style.outlineWidth} ${style.outlineColor}`, ratio: contrast(rgba(style.outlineColor), behind) };
    }
    if (style.boxShadow !== "none") {
      const colour = style.boxShadow.match(/rgba?\([^)]*\)|#[0-9a-f]+/i)?.[0];
      return { what, how: `box-shadow ${style.boxShadow}`, ratio: colour ? contrast(rgba(colour), behind) : 0 };
    }
    return { what, ratio: 0, how: "no outline or box-shadow" };
  });
}

/** Asserts that the focused element shows a focus indicator with at least 3:1 contrast; returns it. */
async function assertFocusVisible(page, context = "") {
  const f = await focusIndicator(page);
  assert.ok(f.ratio >= 3, `${context} ${f.what}: focus indicator ${f.how} has contrast ${f.ratio.toFixed(2)}:1`);
  return f;
}

/**
 * Presses `key` (Tab unless told) until the focused element matches `selector` (and has the
 * text `text`, if given), asserting that every element focused on the way shows its focus; fails
 * after `limit` presses.
 */
async function tabTo(page, selector, { key = "Tab", limit = 80, text } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    await assertFocusVisible(page, `${key} towards ${selector}:`);
    const reached = await page.evaluate(([s, t]) => {
      const el = document.activeElement;
      return el?.matches(s) && (t === undefined || el.textContent.trim() === t);
    }, [selector, text]);
    if (reached) return;
  }
  assert.fail(`${selector}${text ? ` “${text}”` : ""} is not reached with ${limit} × ${key}`);
}

/** Presses `key` and asserts that the focused element then matches `selector` and shows its focus. */
async function press(page, key, selector) {
  await page.keyboard.press(key);
  if (selector) await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 5000 });
  return assertFocusVisible(page, `after ${key}:`);
}

/** The value of the expression `js` for the focused element, `el`. */
const active = (page, js) => page.evaluate(`((el) => ${js})(document.activeElement)`);
/** The page's URL parameter `key`. */
const param = (page, key) => new URL(page.url()).searchParams.get(key);

describe("keyboard only", () => {
  test("skip link, every page from the navigation, language, theme, copy link and search", async () => {
    await app.journey("keyboard-header", async (page, context) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.goto(app.url("/"));
      await waitForPortal(page);
      // The first stop is the skip link, shown on screen when focused; it moves focus to the page.
      await press(page, "Tab", ".skip-link");
      const box = await page.locator(".skip-link").boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 0, `the skip link is on screen: ${JSON.stringify(box)}`);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "main", null, { timeout: 2000 }).catch(() => {});
      assert.equal(await active(page, "el.id"), "main", "focus moves to the page's content");

      // Backwards from the content into the navigation, then every page by Enter.
      await tabTo(page, ".site-nav a", { key: "Shift+Tab" });
      await tabTo(page, '.site-nav a[href="/"]', { key: "Shift+Tab" });
      for (const path of ["/poverty-exits", "/funds", "/paired-assistance", "/commitments", "/map", "/explore", "/sources", "/present", "/"]) {
        await tabTo(page, `.site-nav a[href="${path}"]`, { key: path === "/" ? "Shift+Tab" : "Tab" });
        await page.keyboard.press("Enter");
        await page.waitForURL(app.url(path));
        await page.locator(`.site-nav a[href="${path}"][aria-current="page"]`).waitFor();
        await assertFocusVisible(page, `after opening ${path}:`);
        const heading = (await page.textContent("h1")).trim();
        await page.waitForFunction((t) => document.title === t, path === "/" ? "公开 · 脱贫攻坚数据" : `${heading} | 公开 · 脱贫攻坚数据`);
      }

      // Language: English by Enter, back to 简体 by Space.
      await tabTo(page, '.lang-switch button[lang="en"]', { key: "Shift+Tab" });
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.documentElement.lang === "en");
      assert.equal((await page.textContent('.site-nav a[href^="/funds"]')).trim(), "Funds");
      await tabTo(page, '.lang-switch button[lang="zh-Hans"]', { key: "Shift+Tab" });
      await page.keyboard.press("Space");
      await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");

      // Theme: to dark and back.
      await tabTo(page, ".theme-toggle");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
      await assertFocusVisible(page, "dark theme:");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.documentElement.dataset.theme === "light");

      // Copy link puts the view's address on the clipboard and says so.
      await tabTo(page, ".copy-link button");
      await page.keyboard.press("Enter");
      await page.locator(".copy-link-status", { hasText: "已复制" }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

      // "/" goes to the search box; arrows and Enter open a result.
      await page.keyboard.press("/");
      assert.equal(await active(page, "el.id"), "site-search-input");
      await assertFocusVisible(page, "search box:");
      await page.keyboard.type("康保");
      await page.locator("#site-search-0").waitFor();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/regions\/130723/);
    });
  });

  test("a chart: its marks by arrow keys with their tooltip, its table, its figure's provenance", async () => {
    await app.journey("keyboard-chart", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      await page.locator(".chart-box svg").first().waitFor();
      const chart = "#national-series";
      await tabTo(page, `${chart} .chart-mark`);
      const marks = await page.locator(`${chart} .chart-mark`).count();
      const label = () => active(page, 'el.getAttribute("aria-label")');
      const tip = () => page.locator(`${chart} .chart-tip`);
      const first = await label();
      assert.equal(await tip().textContent(), first, "the tooltip shows the focused mark");
      assert.ok(await tip().isVisible());
      await press(page, "ArrowRight", `${chart} .chart-mark`);
      assert.notEqual(await label(), first);
      await press(page, "End", `${chart} .chart-mark`);
      assert.equal(await active(page, "[...el.parentElement.children].indexOf(el)"), marks - 1);
      await press(page, "Home", `${chart} .chart-mark`);
      assert.equal(await label(), first);
      await page.keyboard.press("Escape");
      assert.equal(await tip().isVisible(), false, "Escape hides the tooltip");
      // One tab stop: Tab leaves the marks.
      await page.keyboard.press("Tab");
      assert.equal(await active(page, 'el.classList.contains("chart-mark")'), false);

      await tabTo(page, `${chart} .table-toggle`);
      await page.keyboard.press("Enter");
      await page.locator(`${chart} .chart-table table`).waitFor();
      assert.equal(await page.getAttribute(`${chart} .table-toggle`, "aria-expanded"), "true");
      assert.equal(await page.locator(`${chart} .chart-table tbody tr`).count(), marks);
      await page.keyboard.press("Space");
      await page.locator(`${chart} .chart-table table`).waitFor({ state: "detached" });

      // Enter on a mark opens where its figure comes from.
      await tabTo(page, `${chart} .chart-mark`, { key: "Shift+Tab" });
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/figures\//);
      await page.locator(".provenance-value").waitFor();
    });
  });

  test("share dialogs: open, copy, download, close with Escape, focus back on the opener", async () => {
    await app.journey("keyboard-share", async (page, context) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.goto(app.url("/funds?lang=en"));
      await waitForPortal(page);
      await page.locator(".chart-box svg").first().waitFor();
      const opener = (kind) => `.chart:first-of-type [data-share="${kind}"]`;
      const dialog = page.locator(".share-dialog[open]");
      const inDialog = () => active(page, 'el.closest(".share-dialog[open]") !== null');

      // Embed: the snippet is copied.
      await tabTo(page, opener("embed"));
      await page.keyboard.press("Enter");
      await dialog.waitFor();
      assert.ok(await inDialog(), "focus moves into the dialog");
      await assertFocusVisible(page, "embed dialog:");
      await tabTo(page, ".share-dialog[open] .copy-button");
      await page.keyboard.press("Enter");
      await dialog.locator(".copy-status", { hasText: "Copied" }).waitFor();
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^<iframe src="[^"]+\/embed\/funds/);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached", timeout: 5000 });
      assert.ok(await active(page, `el.matches('${opener("embed")}')`), "focus is back on Embed");
      await assertFocusVisible(page, "after the embed dialog:");

      // Download: the CSV by keyboard.
      await tabTo(page, opener("download"));
      await page.keyboard.press("Enter");
      await dialog.waitFor();
      await tabTo(page, '.share-dialog[open] [data-download="csv"]');
      const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      assert.match(file.suggestedFilename(), /\.csv$/);
      await page.keyboard.press("Escape");
      assert.equal(await page.locator(".share-dialog[open]").count(), 0);
      assert.ok(await active(page, `el.matches('${opener("download")}')`), "focus is back on Download");

      // Cite: the close button closes too.
      await tabTo(page, opener("cite"));
      await page.keyboard.press("Enter");
      await dialog.waitFor();
      await tabTo(page, ".share-dialog[open] .copy-button");
      await page.keyboard.press("Enter");
      await dialog.locator(".copy-status", { hasText: "Copied" }).first().waitFor();
      await tabTo(page, ".share-dialog[open] .share-close", { key: "Shift+Tab" });
      await page.keyboard.press("Enter");
      assert.equal(await page.locator(".share-dialog[open]").count(), 0);
      assert.ok(await active(page, `el.matches('${opener("cite")}')`), "focus is back on Cite");
    });
  });

  test("the explorer: indicator, region and year pickers, the tabs and the timeline", async () => {
    await app.journey("keyboard-explore", async (page) => {
      await page.goto(app.url("/explore"));
      await waitForPortal(page);
      await page.locator(".chart-box svg").first().waitFor();
      const pickers = ".explore-controls select";
      await tabTo(page, pickers);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => new URL(location.href).searchParams.has("indicator"));
      const picked = param(page, "indicator");
      await press(page, "ArrowUp", pickers);
      await page.waitForFunction((p) => new URL(location.href).searchParams.get("indicator") !== p, picked);
      // Region: the first region with figures.
      await press(page, "Tab", pickers);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => new URL(location.href).searchParams.has("region"));
      await page.keyboard.press("Home");
      await page.waitForFunction(() => !new URL(location.href).searchParams.has("region"));
      // From: a year.
      await press(page, "Tab", pickers);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => new URL(location.href).searchParams.has("from"));

      // Tabs: one stop, arrows choose.
      await tabTo(page, '[role="tab"]');
      assert.equal(await active(page, 'el.getAttribute("aria-selected")'), "true");
      await press(page, "ArrowRight", "#explore-tab-map");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("tab") === "map");
      await press(page, "ArrowRight", "#explore-tab-table");
      await page.locator("table.figures").waitFor();
      await press(page, "Home", "#explore-tab-chart");
      await page.locator(".chart-box svg").first().waitFor();

      // Timeline: the previous period, then the slider's arrow keys.
      await tabTo(page, ".timeline-step");
      const to = param(page, "to");
      await page.keyboard.press("Enter");
      await page.waitForFunction((t) => new URL(location.href).searchParams.get("to") !== t, to);
      await tabTo(page, '.timeline input[type="range"]');
      const stepped = param(page, "to");
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((t) => new URL(location.href).searchParams.get("to") !== t, stepped);
    });
  });

  test("the map: search, regions in a spatial order by arrow keys, drill-down and up, breadcrumbs, the flows", async () => {
    await app.journey("keyboard-map", async (page) => {
      await page.goto(app.url("/map"));
      await waitForPortal(page);
      await page.locator(".map svg .region").first().waitFor();

      // Search for a prefecture and go there.
      await tabTo(page, "#map-search-input");
      await page.keyboard.type("tongliao");
      await page.locator("#map-search-0").waitFor();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await page.waitForURL(/at=150500/);
      await page.locator("#region-150521").waitFor();

      // One tab stop into the regions; each arrow goes to a region in that direction.
      await tabTo(page, ".map svg .region");
      const centre = () => active(page, "(() => { const b = el.getBoundingClientRect(); return { id: el.id, x: b.x + b.width / 2, y: b.y + b.height / 2 }; })()");
      for (const [key, axis, sign] of [["ArrowRight", "x", 1], ["ArrowDown", "y", 1], ["ArrowLeft", "x", -1], ["ArrowUp", "y", -1]]) {
        const from = await centre();
        await press(page, key, ".map svg .region");
        const to = await centre();
        if (to.id === from.id) continue; // nothing further that way
        assert.ok(sign * (to[axis] - from[axis]) > 0, `${key} from ${from.id} went to ${to.id}`);
        assert.equal((await page.textContent(".map-active")).trim(), await active(page, 'el.getAttribute("aria-label")'));
      }
      assert.equal(await page.locator('.map svg .region[tabindex="0"]').count(), 1, "still one tab stop");

      // Enter picks a county (the map's finest level), Escape goes back up.
      await page.keyboard.press("Enter");
      await page.locator(".region.selected").waitFor();
      const county = param(page, "at");
      assert.notEqual(county, "150500");
      await assertFocusVisible(page, "the chosen county:");
      await page.keyboard.press("Escape");
      await page.waitForURL(/at=150500/);
      await page.keyboard.press("Escape");
      await page.waitForURL(/at=150000/);
      await page.waitForFunction(() => document.activeElement?.classList.contains("region"));
      await assertFocusVisible(page, "a prefecture after Escape:");

      // Breadcrumbs go up to the country.
      await tabTo(page, ".breadcrumbs a", { key: "Shift+Tab" });
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => !u.searchParams.has("at"));

      // The flows: the switch, then every arrow is a stop.
      await tabTo(page, ".map-controls .view-switch button[aria-pressed=\"false\"]", { key: "Shift+Tab" });
      await page.keyboard.press("Enter");
      await page.waitForURL(/show=flows/);
      await tabTo(page, ".flow-arrow");
      assert.match(await active(page, 'el.getAttribute("aria-label")'), /→/);
      await press(page, "Tab", ".flow-arrow");
    });
  });

  test("presenting: open a story, move by keys, the overview, the speaker notes window", async () => {
    await app.journey("keyboard-present", async (page, context) => {
      await page.goto(app.url("/present"));
      await waitForPortal(page);
      await tabTo(page, ".story-list a");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/present\/[^/?]+\?slide=1/);
      const at = () => Number(param(page, "slide"));
      const expect = (n) => page.waitForFunction((n) => new URL(location.href).searchParams.get("slide") === String(n), n);
      await page.locator('.slide[data-current="true"] .chart svg').waitFor();
      await page.keyboard.press("PageDown");
      await expect(2);
      await page.keyboard.press("ArrowRight");
      await expect(3);
      await page.keyboard.press("ArrowLeft");
      await expect(2);
      await page.keyboard.press("End");
      await page.waitForFunction(() => document.querySelector('[data-step="next"]')?.disabled);
      const last = at();
      await page.keyboard.press("Home");
      await expect(1);

      // The overview: focus on the current slide; the next one by Tab, Enter goes there.
      await page.keyboard.press("g");
      await page.locator(".deck-overview").waitFor();
      await assertFocusVisible(page, "overview:");
      assert.equal(await active(page, 'el.getAttribute("aria-current")'), "true");
      await press(page, "Tab", ".deck-overview button");
      await page.keyboard.press("Enter");
      await expect(2);
      await page.locator(".deck-overview").waitFor({ state: "detached" });
      await page.keyboard.press("g");
      await page.locator(".deck-overview").waitFor();
      await page.keyboard.press("Escape");
      await page.locator(".deck-overview").waitFor({ state: "detached" });

      // The controls: Next by Enter, then the notes window, which moves the slides too.
      await tabTo(page, '[data-step="next"]');
      await page.keyboard.press("Enter");
      await expect(3);
      await tabTo(page, ".deck-controls button", { text: "演讲者备注" });
      const [notes] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("Enter")]);
      await notes.locator(".speaker-notes h1").waitFor();
      await notes.waitForFunction(() => new URL(location.href).searchParams.get("slide") === "3");
      await notes.keyboard.press("PageDown");
      await expect(4);
      assert.ok(last >= 4, `the story has ${last} slides`);
    }, { viewport: { width: 1920, height: 1080 } });
  });
});

/**
 * What does not fit: the page scrolling sideways (tables and charts may scroll inside their own
 * box), a box that cuts off its content (visually hidden text, 1 px wide, excepted), chart or map
 * text drawn outside its picture, and a control so narrow that a word of its name breaks over
 * lines. Each problem is one line.
 */
async function misfits(page) {
  return page.evaluate(() => {
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : ""}`;
    const problems = [];
    const doc = document.scrollingElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`the page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window`);
    for (const el of document.querySelectorAll("body *")) {
      const s = getComputedStyle(el);
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || s.visibility === "hidden" || el instanceof SVGElement) continue;
      const cuts = (v) => v === "hidden" || v === "clip";
      if (cuts(s.overflowX) && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} cuts off ${el.scrollWidth - el.clientWidth} px of its width`);
      if (cuts(s.overflowY) && el.scrollHeight > el.clientHeight + 1) problems.push(`${name(el)} cuts off ${el.scrollHeight - el.clientHeight} px of its height`);
    }
    const range = document.createRange();
    for (const control of document.querySelectorAll("button, [role='tab'], summary, label, .site-nav a, .breadcrumbs a")) {
      const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.data.matchAll(/[A-Za-z]{2,}/g)) {
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) problems.push(`“${word[0]}” in ${name(control)} breaks over ${tops.size} lines`);
        }
      }
    }
    for (const text of document.querySelectorAll(".chart-box svg text, .map svg text")) {
      const [t, svg] = [text.getBoundingClientRect(), text.ownerSVGElement.getBoundingClientRect()];
      if (t.width > 0 && (t.left < svg.left - 1 || t.right > svg.right + 1 || t.top < svg.top - 1 || t.bottom > svg.bottom + 1)) {
        problems.push(`“${text.textContent}” is drawn outside its picture (${name(text.closest("figure") ?? text.ownerSVGElement)})`);
      }
    }
    return problems;
  });
}

/** The layouts a reader may need: a 320 px phone, 200% zoom of a 1280 px window, text at 200%, wider text spacing. */
const LAYOUTS = [
  { name: "320px", options: { viewport: { width: 320, height: 640 } } },
  { name: "zoom-200", options: { viewport: { width: 640, height: 512 }, deviceScaleFactor: 2 } },
  { name: "text-200", options: { viewport: { width: 1280, height: 900 } }, css: "html { font-size: 200% !important; }" },
  // WCAG 2.1 text spacing (1.4.12) — line height 1.5, paragraphs 2, letters 0.12, words 0.16 —
  // on the page's text; chart labels are laid out in the picture (docs/accessibility.md).
  { name: "text-spacing", langs: ["en"], options: { viewport: { width: 1280, height: 900 } },
    css: "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; } svg, svg * { letter-spacing: normal !important; word-spacing: normal !important; }" },
];

describe("reflow: 320 px, 200% zoom, 200% text and text spacing", () => {
  for (const layout of LAYOUTS) {
    for (const lang of layout.langs ?? ["zh-Hans", "en"]) {
      test(`every route fits without sideways scrolling or clipping (${layout.name}, ${lang})`, async () => {
        const found = {};
        await eachView((v) => app.journey(`reflow-${layout.name}-${v.name}-${lang}`, async (page) => {
          await openView(page, v, lang);
          if (layout.css) await page.addStyleTag({ content: layout.css });
          // Charts are drawn again at their box's new width.
          await page.waitForTimeout(300);
          const problems = await misfits(page);
          if (problems.length) found[v.name] = problems;
          if (lang === "en") await screenshot(page, `reflow-${layout.name}-${v.name}`);
        }, { ...layout.options, allowConsole: v.allowConsole }));
        assert.deepEqual(found, {});
      });
    }
  }
});
