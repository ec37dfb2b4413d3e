// End-to-end journeys of exploring: the search box, region pages, where a figure comes from, and
// the URL as the view (shared links, back and forward, invalid parameters).
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal, axe, parseCsv } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** The locator column (verbatim quotation) of figure `id`, read from the published CSV files. */
async function quotationOf(id) {
  for (const file of ["observations.csv", "funds.csv"]) {
    const text = await readFile(join(ROOT, "public", "data", file), "utf8");
    const line = text.split("\n").find((l) => l.startsWith(`${id},`));
    if (!line) continue;
    // The locator is the 10th (observations) or 11th (funds) field; it may be quoted.
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
    return fields[file === "funds.csv" ? 10 : 9];
  }
  throw new Error(`no figure ${id}`);
}

/** The rows of a CSV file of the default data as objects (quoted fields may hold commas). */
async function rows(name) {
  const [header, ...body] = parseCsv(await readFile(join(ROOT, "public", "data", name), "utf8"));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe("exploring", () => {
  test("a citizen finds 康保县 from the search box, follows a figure to its source, shares the link and a fresh page shows the same view", async () => {
    await app.journey("find-kangbao", async (page) => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.base });
      await page.goto(app.url("/"));
      await waitForPortal(page);

      // Keyboard only: "/" goes to the search box; pinyin; Enter chooses.
      await page.keyboard.press("/");
      assert.equal(await page.evaluate(() => document.activeElement.id), "site-search-input");
      await page.keyboard.type("kangbao");
      await page.locator("#site-search-0 .result-name").waitFor();
      assert.equal((await page.textContent("#site-search-0 .result-name")).trim(), "康保县");
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.pathname === "/regions/130723");
      assert.equal((await page.textContent("h1")).trim(), "康保县");
      // The region page: key figures, the pairing it receives, every figure with its quotation.
      assert.ok(await page.locator(".key-figure").count() >= 3, "key-figure cards");
      const pairing = await page.locator("section[aria-labelledby=region-pairings] tbody tr").first().textContent();
      assert.ok(pairing.includes("廊坊开发区") && pairing.includes("受帮扶"), pairing);
      const figures = await page.locator("table.figures tbody tr").count();
      assert.equal(figures, 6, "3 observations and 3 funds of 130723 in the published CSV files");
      await screenshot(page, "explore-region-kangbao");

      // Follow a figure to where it comes from.
      await page.locator("table.figures .figure-link").first().click();
      await page.waitForURL((u) => u.pathname.startsWith("/figures/"));
      const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
      assert.equal((await page.textContent("h1")).trim(), "这个数字从哪里来？");
      assert.equal((await page.textContent(".provenance blockquote")).trim(), await quotationOf(id));
      const sourceLink = page.locator(".provenance-source a");
      assert.equal(await sourceLink.getAttribute("href"), "/sources#source-s003-langfang-2017");
      const value = (await page.textContent(".provenance-value")).trim();
      await screenshot(page, "explore-provenance");
      assert.deepEqual(await axe(page), [], "no accessibility violations on the provenance page");

      // Share it in English: the link holds the language; a fresh browser shows the same view.
      await page.getByRole("button", { name: "English", exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get("lang") === "en");
      await page.getByRole("button", { name: "Copy link" }).click();
      await page.locator(".copy-link-status", { hasText: "copied" }).waitFor();
      const shared = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(shared, page.url());
      const fresh = await app.browser.newContext({ locale: "zh-CN" });
      const other = await fresh.newPage();
      await other.goto(shared);
      await waitForPortal(other);
      assert.equal((await other.textContent("h1")).trim(), "Where does this number come from?");
      assert.equal(await other.getAttribute("html", "lang"), "en");
      assert.equal((await other.textContent(".provenance blockquote")).trim(), await quotationOf(id));
      await fresh.close();

      // Back restores the Chinese view, then the region page; the source link keeps the language.
      await page.goBack();
      await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
      assert.equal((await page.textContent(".provenance-value")).trim(), value);
      await page.goForward();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      await sourceLink.click();
      await page.waitForURL((u) => u.pathname === "/sources" && u.searchParams.get("lang") === "en");
    });
  });

  test("choosing a view writes it into the URL; back and forward restore it; a reload keeps it", async () => {
    await app.journey("view-in-url", async (page) => {
      await page.goto(app.url("/paired-assistance"));
      await waitForPortal(page);
      const pressed = () => page.locator(".view-switch button[aria-pressed=true]").textContent();
      await page.getByRole("button", { name: "干部", exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get("measure") === "cadres");
      assert.equal((await pressed()).trim(), "干部");
      await page.goBack();
      await page.waitForFunction(() => document.querySelector(".view-switch button[aria-pressed=true]")?.textContent.trim() === "资金");
      assert.equal(new URL(page.url()).search, "", "the default view writes nothing");
      await page.goForward();
      await page.waitForFunction(() => document.querySelector(".view-switch button[aria-pressed=true]")?.textContent.trim() === "干部");

      await page.goto(app.url("/funds"));
      await waitForPortal(page);
      const select = page.locator("select").first();
      const options = await select.locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
      assert.ok(options.length >= 2, "several regions publish funds");
      await select.selectOption(options[1][0]);
      await page.waitForURL((u) => u.searchParams.has("region"));
      const region = new URL(page.url()).searchParams.get("region");
      await page.reload();
      await waitForPortal(page);
      await page.locator(".chart-box svg").first().waitFor();
      assert.equal(await page.locator("select").first().evaluate((s) => s.selectedOptions[0].textContent), options[1][1]);
      assert.equal(new URL(page.url()).searchParams.get("region"), region);
    });
  });

  test("invalid parameters are named in notices, the defaults are used, and everything else shows", async () => {
    await app.journey("invalid-params", async (page) => {
      await page.goto(app.url("/funds?region=999999&measure=hugs&lang=fr&theme=blue&from=2019&to=2016"));
      await waitForPortal(page);
      await page.locator(".chart-box svg").first().waitFor();
      const notices = await page.locator(".param-notice").allTextContents();
      for (const [param, value] of [["lang", "fr"], ["theme", "blue"], ["region", "999999"], ["measure", "hugs"], ["to", "2016"]]) {
        assert.ok(notices.some((n) => n.includes(`${param}=“${value}”`)), `${param}: ${notices.join(" | ")}`);
      }
      assert.equal(notices.length, 5);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
      await screenshot(page, "explore-invalid-params");
      // Unknown region and figure pages say so.
      await page.goto(app.url("/regions/999999"));
      await waitForPortal(page);
      assert.ok((await page.textContent("main")).includes("999999"));
      await page.goto(app.url("/figures/no-such-figure"));
      await waitForPortal(page);
      assert.ok((await page.textContent("main")).includes("no-such-figure"));
    });
  });

  test("an indicator is found by its English name and its page lists every figure of it", async () => {
    await app.journey("find-indicator", async (page) => {
      await page.goto(app.url("/?lang=en"));
      await waitForPortal(page);
      await page.locator("#site-search-input").fill("rural poor population");
      await page.locator("#site-search-0").waitFor();
      await page.locator("#site-search-0").click();
      await page.waitForURL((u) => u.pathname.startsWith("/indicators/") && u.searchParams.get("lang") === "en");
      const id = new URL(page.url()).pathname.split("/").pop();
      const csv = (await readFile(join(ROOT, "public", "data", "observations.csv"), "utf8")).trim().split("\n").slice(1);
      const count = csv.filter((l) => l.split(",")[2] === id).length;
      assert.ok(count > 0);
      assert.equal(await page.locator("table.figures tbody tr").count(), count);
    });
  });

  test("the explorer holds indicator, years, tab and timeline in the URL; tabs work by keyboard; back restores; play steps through the years", async () => {
    await app.journey("explorer", async (page) => {
      const national = (await rows("observations.csv")).filter((r) => r.indicator === "rural_poor_population");
      const yearsOf = (list) => [...new Set(list.map((r) => Number(r.period.slice(0, 4))))].sort();
      const labelYears = async () => [...new Set((await page.locator(".chart-mark").evaluateAll((ms) => ms.map((m) => m.getAttribute("aria-label")))).map((l) => Number(l.match(/(20\d\d)/)[1])))].sort();

      await page.goto(app.url("/explore"));
      await waitForPortal(page);
      await page.locator(".chart-box svg").waitFor();
      assert.deepEqual(await labelYears(), yearsOf(national), "the default indicator is the national series, every year");

      // A year range, then one step back on the timeline.
      await page.locator("label.picker", { hasText: "从" }).locator("select").selectOption("2015");
      await page.waitForURL((u) => u.searchParams.get("from") === "2015");
      await page.locator(".timeline-step").first().click();
      await page.waitForURL((u) => u.searchParams.get("to") === "2019");
      await page.waitForFunction(() => document.querySelector(".timeline-at")?.textContent === "2019");
      const inRange = national.filter((r) => { const y = Number(r.period.slice(0, 4)); return y >= 2015 && y <= 2019; });
      assert.deepEqual(await labelYears(), yearsOf(inRange));

      // Tabs by keyboard: one tab stop, arrows choose; the table lists every figure in range.
      await page.locator('[role=tab][aria-selected=true]').focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForURL((u) => u.searchParams.get("tab") === "map");
      // The national series has no figures by division: the map tab says so.
      assert.equal((await page.textContent(".explore-panel .empty")).trim(), "这个指标没有可在地图上显示的分地区数字。");
      assert.equal(await page.evaluate(() => document.activeElement.id), "explore-tab-map");
      await page.keyboard.press("ArrowRight");
      await page.waitForURL((u) => u.searchParams.get("tab") === "table");
      assert.equal(await page.locator("table.figures tbody tr").count(), inRange.length);
      assert.deepEqual(await axe(page), [], "no accessibility violations in the explorer");
      await screenshot(page, "explore-table");

      // Back and forward restore each view.
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get("tab") === "map");
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has("tab") && u.searchParams.get("to") === "2019");
      await page.locator(".chart-box svg").waitFor();

      // Play steps through the years on its own, and pauses.
      await page.goto(app.url("/explore?to=2013"));
      await waitForPortal(page);
      await page.locator(".timeline-play").click();
      await page.waitForURL((u) => u.searchParams.get("to") === "2015", { timeout: 10_000 });
      await page.locator(".timeline-play").click();
      assert.equal(await page.getAttribute(".timeline-play", "aria-pressed"), "false");
      const stopped = new URL(page.url()).searchParams.get("to");
      await page.waitForTimeout(2000);
      assert.equal(new URL(page.url()).searchParams.get("to"), stopped, "paused");

      // An indicator with figures by division is drawn on the map tab; the timeline picks its period.
      await page.goto(app.url("/explore?indicator=poverty_exits_persons&tab=map"));
      await waitForPortal(page);
      await page.locator(".map svg .region").first().waitFor();
      const periods = await page.locator(".timeline input[type=range]").getAttribute("max");
      assert.ok(Number(periods) >= 1, "several periods");
      await page.locator(".timeline-step").first().click();
      await page.waitForURL((u) => u.searchParams.has("period") && u.searchParams.get("tab") === "map");
      const period = new URL(page.url()).searchParams.get("period");
      await page.waitForFunction((p) => [...document.querySelectorAll(".map-controls select option")].some((o) => o.selected && o.value === p), period);
    });
  });

  test("with reduced motion the timeline offers steps, not play", async () => {
    await app.journey("explorer-reduced-motion", async (page) => {
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(app.url("/explore?lang=en"));
      await waitForPortal(page);
      await page.locator(".timeline").waitFor();
      assert.equal(await page.locator(".timeline-play").count(), 0);
      await page.getByRole("button", { name: "Previous period" }).click();
      await page.waitForURL((u) => u.searchParams.get("to") === "2019" && u.searchParams.get("lang") === "en");
    });
  });

  test("another package (?data=) and the language stay on every link", async () => {
    await app.journey("carried-params", async (page) => {
      await page.goto(app.url("/?lang=zh-Hant&theme=dark&data=data/datapackage.json"));
      await waitForPortal(page);
      for (const name of ["資金", "數據瀏覽", "數據來源"]) {
        await page.getByRole("link", { name, exact: true }).click();
        await page.waitForURL((u) => u.searchParams.get("lang") === "zh-Hant" && u.searchParams.get("theme") === "dark" && u.searchParams.get("data") === "data/datapackage.json");
        assert.equal(await page.getAttribute("html", "data-theme"), "dark");
      }
      await page.locator(".source-figures summary").first().click();
      await page.locator("table.figures .figure-link").first().click();
      await page.waitForURL((u) => u.pathname.startsWith("/figures/") && u.searchParams.get("lang") === "zh-Hant");
      assert.equal((await page.textContent("h1")).trim(), "這個數字從哪裡來？");
    });
  });

  test("region pages are reachable from the map and from its table", async () => {
    await app.journey("region-from-map", async (page) => {
      await page.goto(app.url("/map?at=130723&lang=en"));
      await waitForPortal(page);
      const link = page.locator(".map-region-page a");
      await link.waitFor();
      await link.click();
      await page.waitForURL((u) => u.pathname === "/regions/130723" && u.searchParams.get("lang") === "en");
      assert.equal((await page.textContent("h1")).trim(), "Kangbao County");
      // The choropleth's table names each shaded region with a link to its page.
      await page.goto(app.url("/map"));
      await waitForPortal(page);
      await page.locator('button[aria-controls="map-table"]').click();
      const first = page.locator(".map-table tbody th a").first();
      await first.waitFor();
      const name = (await first.textContent()).trim();
      await first.click();
      await page.waitForURL((u) => u.pathname.startsWith("/regions/"));
      assert.equal((await page.textContent("h1")).trim(), name);
    });
  });
});
