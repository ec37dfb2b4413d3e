// The ECharts peer page (bench/peer/): built beside the release build with a synthetic scale
// package (gongkai-synth), served by nginx under the portal's Content-Security-Policy, it draws
// the overview's national series and the county choropleth (or only fetches the package), sets the
// benchmark's performance marks, and shows errors as text. Beside it, the portal's own county map
// of the same package loads its county files while the data does.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, screenshot } from "./harness.mjs";
import { buildSite } from "../../bench/site.mjs";

const SYNTHETIC = "/synthetic/datapackage.json";
let app, site;

before(async () => {
  site = await buildSite(process.env.DIST ?? join(ROOT, "dist"));
  app = await startApp({ dist: site });
});
after(async () => {
  await app?.stop();
  if (site) await rm(site, { recursive: true, force: true });
});

/** Waits for the page to finish (or fail), then returns its marks, dataset and status text. */
async function finished(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 60_000 });
  return page.evaluate(() => ({
    marks: Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])),
    data: { ...document.documentElement.dataset },
    status: document.getElementById("status").textContent,
  }));
}

/** The ECharts option the page set (for a map, the names of the regions with a value). */
function option(page) {
  return page.evaluate(() => {
    const o = window.echarts.getInstanceByDom(document.getElementById("chart")).getOption();
    return { title: o.title.map((t) => t.text), series: o.series.map((s) => ({ type: s.type, map: s.map, data: s.type === "map" ? s.data.filter((d) => Number.isFinite(d.value)).map((d) => d.name) : s.data })), pieces: o.visualMap?.[0]?.pieces?.length };
  });
}

describe("ECharts peer page", () => {
  for (const [name, query] of [["default", ""], ["synthetic", `?data=${SYNTHETIC}`]]) {
    test(`overview of the ${name} package: two panels of nine years`, async () => {
      await app.journey(`peer-overview-${name}`, async (page) => {
        await page.goto(app.url(`/peer/${query}`));
        const { marks, data } = await finished(page);
        assert.equal(data.ready, "1");
        assert.ok(marks["gk:data-ready"] > 0 && marks["gk:chart-painted"] >= marks["gk:data-ready"], JSON.stringify(marks));
        const o = await option(page);
        assert.equal(o.title[0], "全国农村贫困人口和贫困发生率");
        assert.deepEqual(o.title.slice(1), ["农村贫困人口（万人）", "贫困发生率（%）"]);
        assert.deepEqual(o.series.map((s) => [s.type, s.data.length]), [["line", 9], ["line", 9]]);
        assert.deepEqual(o.series[0].data.map((d) => d[0]), [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
        assert.equal(data.points, "18");
        await screenshot(page, `peer-overview-${name}`);
      });
    });
  }

  test("county map of the synthetic package: 2,875 counties drawn, 2,870 with data, five quantile classes", async () => {
    await app.journey("peer-map-synthetic", async (page) => {
      await page.goto(app.url(`/peer/?data=${SYNTHETIC}&view=map&indicator=poor_persons&period=2018`));
      const { marks, data } = await finished(page);
      assert.equal(data.ready, "1");
      assert.ok(marks["gk:data-ready"] > 0 && marks["gk:map-painted"] >= marks["gk:data-ready"], JSON.stringify(marks));
      const features = await page.evaluate(() => window.echarts.getMap("gk-counties").geoJSON.features.map((f) => f.properties.adcode));
      assert.equal(features.length, 2875);
      const o = await option(page);
      assert.equal(o.series[0].type, "map");
      const shaded = o.series[0].data;
      assert.equal(shaded.length, 2870, "every county the data can hold (441900, 442000, 460400, 620200 and 710000 cannot be counties)");
      const drawn = new Set(features);
      assert.ok(shaded.every((code) => drawn.has(code)));
      assert.deepEqual(features.filter((c) => !shaded.includes(c)).sort(), ["441900", "442000", "460400", "620200", "710000"]);
      assert.equal(o.pieces, 5);
      assert.equal(o.title[0], "建档立卡贫困人口（县级），2018年");
      assert.deepEqual([data.regions, data.withData, data.classes], ["2875", "2870", "5"]);
      await screenshot(page, "peer-map-synthetic");
    });
  });

  test("the package only: every file fetched and read to its last byte", async () => {
    await app.journey("peer-fetch-synthetic", async (page) => {
      await page.goto(app.url(`/peer/?data=${SYNTHETIC}&view=fetch`));
      const { marks, data } = await finished(page);
      assert.equal(data.ready, "1");
      assert.ok(marks["gk:data-ready"] > 0, JSON.stringify(marks));
      const descriptor = JSON.parse(await readFile(join(site, "synthetic", "datapackage.json"), "utf8"));
      const sizes = await Promise.all(descriptor.resources.map((r) => stat(join(site, "synthetic", r.path)).then((s) => s.size)));
      assert.equal(data.files, String(descriptor.resources.length));
      assert.equal(data.bytes, String(sizes.reduce((a, b) => a + b, 0)), "the bytes as published, whatever the transfer's encoding");
    });
  });

  test("an error is shown as text", async () => {
    await app.journey(
      "peer-error",
      async (page) => {
        await page.goto(app.url("/peer/?data=/missing/datapackage.json"));
        const { data, status } = await finished(page);
        assert.equal(data.ready, "error");
        assert.match(status, /出错 · Error: .*\/missing\/datapackage\.json: HTTP 404/);
        assert.ok(await page.getByText("HTTP 404").isVisible());
      },
      { allowConsole: [/404/] },
    );
  });
});

describe("the portal on the same site", () => {
  test("a county map of the synthetic package asks for its county files while the data loads, and is drawn once, with every county", async () => {
    await app.journey("portal-map-synthetic", async (page) => {
      await page.goto(app.url(`/map?data=${SYNTHETIC}&indicator=poor_persons&level=county&period=2018`));
      // Each drawing of the map's layer places `gk:map-painted:N`, N the divisions drawn.
      await page.waitForFunction(() => performance.getEntriesByType("mark").some((m) => /^gk:map-painted:(\d+)$/.test(m.name) && Number(m.name.split(":")[2]) >= 2870), null, { timeout: 60_000 });
      const seen = await page.evaluate(() => ({
        painted: performance.getEntriesByType("mark").filter((m) => m.name.startsWith("gk:map-painted:")).map((m) => Number(m.name.split(":")[2])),
        ready: performance.getEntriesByName("gk:data-ready")[0]?.startTime,
        counties: performance.getEntriesByType("resource").filter((r) => r.name.includes("/geo/counties/")).map((r) => r.startTime),
      }));
      assert.ok(seen.ready > 0, JSON.stringify(seen));
      assert.ok(seen.counties.length >= 30, `county files asked for: ${seen.counties.length}`);
      assert.ok(seen.counties.every((t) => t < seen.ready), `county files asked for at ${seen.counties.map(Math.round)}, data ready at ${Math.round(seen.ready)}`);
      assert.ok(seen.painted[0] >= 2870, `drawn first with ${seen.painted[0]} divisions (all: ${seen.painted})`);
      await screenshot(page, "portal-map-synthetic");
    });
  });
});
