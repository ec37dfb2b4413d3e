// End-to-end journeys through the Map page: the choropleth at every level, drill-down by click,
// keyboard, breadcrumbs, search and the URL, the flow map, and boundary files that fail or are
// swapped for a deployment's approved ones.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal, axe } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** Rows of a CSV file of the default data, split naively (the columns read here hold no commas). */
async function csv(name) {
  const text = await readFile(join(ROOT, "public", "data", name), "utf8");
  const [header, ...rows] = text.trim().split("\n").map((l) => l.split(","));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The divisions of the boundary build's names index, by code. */
async function names() {
  const index = JSON.parse(await readFile(join(ROOT, "public", "geo", "names.json"), "utf8"));
  return new Map(index.divisions.map(([code, name, , level, parent]) => [code, { name, level, parent }]));
}

/** The codes and names of the regions drawn, in drawing order. */
async function drawn(page) {
  return page.locator(".map svg .region").evaluateAll((ps) => ps.map((p) => [p.dataset.code, p.getAttribute("aria-label")]));
}

/** Waits until `count` regions of `level` are drawn (shaded divisions of a finer level may lie over them). */
async function waitForRegions(page, count, level) {
  await page.waitForFunction(
    ([n, l]) => [...document.querySelectorAll(".map svg .region")].filter((p) => !l || p.dataset.level === l).length === n,
    [count, level],
    { timeout: 20_000 },
  );
}

/** Clicks region `code` with the mouse at a point inside its shape that is not covered by another. */
async function clickRegion(page, code) {
  await page.locator(`#region-${code}`).scrollIntoViewIfNeeded();
  const point = await page.evaluate((id) => {
    const path = document.getElementById(id);
    const box = path.getBoundingClientRect();
    const matrix = path.getScreenCTM().inverse();
    for (let i = 1; i < 20; i++) {
      for (let j = 1; j < 20; j++) {
        const x = box.left + (box.width * i) / 20;
        const y = box.top + (box.height * j) / 20;
        const local = new DOMPoint(x, y).matrixTransform(matrix);
        if (path.isPointInFill(local) && document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
    return null;
  }, `region-${code}`);
  assert.ok(point, `a visible point inside region ${code}`);
  await page.mouse.click(point.x, point.y);
}

const atParam = (page) => new URL(page.url()).searchParams.get("at");

describe("map", () => {
  test("the country shows every province by name, Taiwan, 南海诸岛 in its inset, and the shaded figure with legend and table", async () => {
    await app.journey("map-country", async (page) => {
      await page.goto(app.url("/map"));
      await waitForPortal(page);
      await page.locator(".map svg .region").first().waitFor();
      const divisions = await names();
      const provinces = [...divisions].filter(([, d]) => d.level === "province");
      assert.equal(provinces.length, 34);
      const regions = await drawn(page);
      const byCode = new Map(regions);
      for (const [code, d] of provinces) {
        assert.ok(byCode.get(code)?.startsWith(d.name), `${code} ${d.name}: ${byCode.get(code)}`);
      }
      assert.ok(byCode.has("710000"), "台湾省 is a province");
      assert.equal(await page.locator(".map .inset .maritime").count(), 1, "the 南海诸岛 lines in the inset");
      assert.equal(await page.locator(".map .inset-label").textContent(), "南海诸岛");

      // The default choice: the first indicator the data can shade. Its figures are the table's rows.
      const title = await page.locator("#map-title").textContent();
      // The table is shown on request (a county map has thousands of rows).
      const toggle = page.locator('button[aria-controls="map-table"]');
      assert.equal(await toggle.getAttribute("aria-expanded"), "false");
      assert.equal(await page.locator(".map-table tbody tr").count(), 0, "no rows before the table is asked for");
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-expanded"), "true");
      const rows = await page.locator(".map-table tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.dataset.code, tr.querySelector("td.num").textContent]));
      assert.ok(rows.length >= 1, title);
      const observations = await csv("observations.csv");
      for (const [code, value] of rows) {
        const published = observations.filter((o) => o.region === code);
        assert.ok(published.length > 0, `${code} has figures`);
        // Painted in a colour of the legend (as computed, so no style rule hides it), unlike a
        // region without a figure.
        const painted = (selector) => page.locator(selector).evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
        const [fill] = await painted(`#region-${code}`);
        const swatches = await painted(".map-legend rect");
        assert.ok(swatches.slice(0, -1).includes(fill), `${code}: ${fill} in ${swatches}`);
        assert.notEqual((await painted("#region-650000"))[0], fill, "新疆 has no figure");
        assert.match(value, /\d/);
        // Hover: the tooltip gives the figure as published and its source.
        await page.locator(`#region-${code}`).hover({ force: true });
        const tip = await page.locator(".map-tooltip").textContent();
        const row = page.locator(`.map-table tbody tr[data-code="${code}"]`);
        assert.ok(tip.includes(value), `${tip} has ${value}`);
        assert.ok(tip.includes(await row.locator("td a[href^=\"/sources\"]").textContent()), `${tip} names the source`);
      }
      assert.deepEqual(await axe(page), []);
      await screenshot(page, "map-level-country");
    });
  });

  test("every division of the default data is drawn under its prefecture with its name", async () => {
    await app.journey("map-seeds", async (page) => {
      const regions = (await csv("regions.csv")).filter((r) => r.level === "county");
      const prefectures = (await csv("regions.csv")).filter((r) => r.level === "prefecture");
      for (const p of prefectures) {
        await page.goto(app.url(`/map?at=${p.code}`));
        await page.locator(".breadcrumbs [aria-current]", { hasText: p.name_zh_hans }).waitFor();
        const inside = regions.filter((c) => c.parent === p.code);
        assert.ok(inside.length > 0, `${p.code} has counties in the data`);
        await page.locator(`#region-${inside[0].code}`).waitFor();
        const labels = new Map(await drawn(page));
        for (const c of inside) assert.ok(labels.get(c.code)?.startsWith(c.name_zh_hans), `${c.code} ${c.name_zh_hans}: ${labels.get(c.code)}`);
      }
    });
  });

  test("regions are named in the reader's language: the data's names, then English from pinyin", async () => {
    await app.journey("map-names", async (page) => {
      await page.goto(app.url("/map?lang=en&at=150500"));
      await waitForPortal(page);
      await page.locator(".breadcrumbs [aria-current]", { hasText: "Tongliao" }).waitFor();
      // The breadcrumbs come with the first view; the counties with their province's file.
      await page.locator("#region-150502").waitFor();
      assert.deepEqual(await page.locator(".breadcrumbs li").allTextContents(), ["China", "Inner Mongolia", "Tongliao"]);
      const labels = new Map(await drawn(page));
      assert.equal(labels.get("150521"), "Horqin Left Middle Banner", "the data's English name");
      assert.equal(labels.get("150502"), "Keerqin District", "from pinyin: 科尔沁区 is not in the data");
      await page.goto(app.url("/map?lang=zh-Hant&at=150500"));
      await page.locator(".breadcrumbs [aria-current]", { hasText: "通遼市" }).waitFor();
      assert.deepEqual(await page.locator(".breadcrumbs li").allTextContents(), ["全國", "內蒙古自治區", "通遼市"]);
    });
  });

  test("drill-down by click from the country to a county and back, recorded in the URL and the breadcrumbs", async () => {
    await app.journey("map-drill", async (page) => {
      const divisions = await names();
      const childrenOf = (code) => [...divisions].filter(([, d]) => d.parent === code).map(([c, d]) => [c, d.name]);
      await page.goto(app.url("/map"));
      await waitForPortal(page);
      await clickRegion(page, "150000");
      await page.waitForURL(/at=150000/);
      const prefectures = childrenOf("150000");
      await waitForRegions(page, prefectures.length, "prefecture");
      assert.deepEqual((await drawn(page)).map(([c]) => c).sort(), prefectures.map(([c]) => c).sort());
      assert.deepEqual(await page.locator(".breadcrumbs li").allTextContents(), ["全国", "内蒙古自治区"]);
      await screenshot(page, "map-level-province");

      await clickRegion(page, "150500");
      await page.waitForURL(/at=150500/);
      const counties = childrenOf("150500");
      assert.ok(counties.some(([, n]) => n === "科尔沁左翼中旗"));
      await waitForRegions(page, counties.length, "county");
      const labels = new Map(await drawn(page));
      for (const [code, name] of counties) assert.ok(labels.get(code)?.startsWith(name), `${code} ${name}`);
      await screenshot(page, "map-level-prefecture");

      await clickRegion(page, "150521");
      await page.waitForURL(/at=150521/);
      await page.locator("#region-150521.selected").waitFor();
      assert.deepEqual(await page.locator(".breadcrumbs li").allTextContents(), ["全国", "内蒙古自治区", "通辽市", "科尔沁左翼中旗"]);
      assert.equal(await page.locator('.breadcrumbs [aria-current="location"]').textContent(), "科尔沁左翼中旗");
      await screenshot(page, "map-level-county");

      // Back, then up by the breadcrumbs.
      await page.goBack();
      await page.waitForURL(/at=150500/);
      await page.locator(".breadcrumbs a", { hasText: "内蒙古自治区" }).click();
      await page.waitForURL(/at=150000/);
      await waitForRegions(page, prefectures.length, "prefecture");
      await page.locator(".breadcrumbs a", { hasText: "全国" }).click();
      await page.waitForURL((u) => !u.searchParams.has("at"));
      await waitForRegions(page, 34, "province");

      // A link straight to a county opens its prefecture with the county selected.
      await page.goto(app.url("/map?at=220503"));
      await page.locator("#region-220503.selected").waitFor();
      assert.deepEqual(await page.locator(".breadcrumbs li").allTextContents(), ["全国", "吉林省", "通化市", "二道江区"]);
    });
  });

  test("a keyboard path to a county: one tab stop, arrows move, Enter opens, Escape goes up", async () => {
    await app.journey("map-keyboard", async (page) => {
      await page.goto(app.url("/map"));
      await waitForPortal(page);
      await page.locator(".map svg .region").first().waitFor();
      assert.equal(await page.locator('.map svg .region[tabindex="0"]').count(), 1, "one tab stop");
      await page.locator(".map-controls select").last().focus();
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement.id);
      assert.match(first, /^region-\d{6}$/);
      await page.keyboard.press("ArrowRight");
      const moved = await page.evaluate(() => document.activeElement.id);
      assert.notEqual(moved, first);
      assert.equal(await page.locator('.map svg .region[tabindex="0"]').count(), 1, "still one tab stop");
      // The focused region is named with its value or "no data", in the live line and the tooltip.
      const label = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
      assert.equal((await page.textContent(".map-active")).trim(), label);
      assert.equal((await page.textContent(".map-tooltip .tip-value")).trim(), label);

      // Enter opens the province: focus lands on its first region; again down to a county.
      const province = moved.slice(7);
      await page.keyboard.press("Enter");
      await page.waitForURL(new RegExp(`at=${province}`));
      await page.waitForFunction(() => document.activeElement?.classList.contains("region") && document.activeElement.dataset.level !== "province");
      for (let level = 0; level < 3 && (await page.locator(".region.selected").count()) === 0; level++) {
        const before = atParam(page);
        await page.keyboard.press("Enter");
        await page.waitForFunction((b) => new URL(location.href).searchParams.get("at") !== b, before);
        await page.waitForFunction(() => document.activeElement?.classList.contains("region"));
      }
      await page.locator(".region.selected").waitFor();
      const county = atParam(page);
      assert.equal((await names()).get(county)?.level, "county", county);
      assert.equal(await page.evaluate(() => document.activeElement.id), `region-${county}`);
      await page.keyboard.press("Escape");
      await page.waitForFunction((c) => new URL(location.href).searchParams.get("at") !== c, county);
      assert.notEqual(atParam(page), county);
    });
  });

  test("the search box finds regions by Chinese name, pinyin, English name and code, and goes there", async () => {
    await app.journey("map-search", async (page) => {
      await page.goto(app.url("/map"));
      await waitForPortal(page);
      const search = page.getByRole("combobox", { name: "查找地区" });
      const first = async (text) => {
        await search.fill(text);
        await page.locator("#map-search-0 .result-name").waitFor();
        return (await page.locator("#map-search-results .result-name").allTextContents())[0];
      };
      assert.equal(await first("通辽"), "通辽市");
      assert.equal(await first("tongliao"), "通辽市");
      assert.equal(await first("150521"), "科尔沁左翼中旗");
      assert.equal(await first("Horqin Left Middle"), "科尔沁左翼中旗", "English names of the data's regions");
      assert.equal(await first("kangbao"), "康保县");
      await search.fill("qwertyuiop");
      await page.locator("#map-search-results .none").waitFor();
      // Keyboard: arrow to the result, Enter goes there.
      await search.fill("kangbao");
      await page.locator("#map-search-0").waitFor();
      await search.press("ArrowDown");
      await search.press("ArrowUp");
      await search.press("Enter");
      await page.waitForURL(/at=130723/);
      await page.locator("#region-130723.selected").waitFor();
    });
  });

  test("the flow map draws an arrow for every pairing between two places, reachable by keyboard, with its table", async () => {
    await app.journey("map-flows", async (page) => {
      await page.goto(app.url("/map"));
      await waitForPortal(page);
      await page.getByRole("button", { name: "帮扶流向" }).click();
      await page.waitForURL(/show=flows/);
      await page.locator(".map svg .flow-arrow").first().waitFor();
      assert.equal(await page.locator(".map .outlines path").count(), 34);
      // A portrait window draws the whole country, 南海诸岛 in place rather than in an inset.
      assert.equal(await page.locator(".map svg > path.maritime").count(), 1, "the 南海诸岛 lines");
      assert.equal(await page.locator(".map .inset").count(), 0);
      // Pairings between two places in the published data: arrows and table rows match.
      const pairings = await csv("pairings.csv");
      const between = pairings.filter((r) => r.from_region !== r.to_region && r.from_region !== "100000");
      assert.equal(await page.locator(".flow-arrow").count(), between.length);
      assert.equal(await page.locator(".chart-table tbody tr").count(), between.length);
      assert.equal(await page.locator(".undrawn li").count(), pairings.length - between.length);
      // The key names the widest arrow's figure, drawn at that arrow's width, and the dashed "none".
      const [widestWidth, widestLabel] = await page.locator(".flows .flow-arrow.has-figure").evaluateAll((ps) =>
        ps.map((p) => [parseFloat(p.style.strokeWidth), p.getAttribute("aria-label")]).sort((a, b) => b[0] - a[0])[0],
      );
      const key = await page.locator(".flow-key li").allTextContents();
      assert.ok(widestLabel.includes(key[0]), `${widestLabel} / ${key}`);
      assert.equal(parseFloat(await page.locator(".flow-key .flow-key-arrow").first().evaluate((l) => l.style.strokeWidth)), widestWidth);
      assert.equal(key.at(-1), "未公布数值");
      const rows = await page.locator(".chart-table tbody th").allTextContents();
      assert.ok(rows.includes("北京帮扶地区 → 通辽市") && rows.some((r) => r.endsWith("→ 康保县")), rows.join(" | "));

      // Keyboard: each arrow is a stop that names its pairing and figure.
      await page.getByRole("button", { name: "项目", exact: true }).focus();
      await page.keyboard.press("Tab");
      const label = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
      assert.match(label, /→/);
      assert.equal((await page.textContent(".map-active")).trim(), label);

      // Projects: only 京蒙 publishes a project count (40), so only its arrow has a width.
      await page.getByRole("button", { name: "项目", exact: true }).click();
      await page.waitForURL(/measure=projects/);
      await page.locator(".flow-arrow.has-figure").first().waitFor();
      assert.equal(await page.locator(".flow-arrow.has-figure").count(), 1);
      assert.match(await page.locator(".flow-arrow.has-figure").getAttribute("aria-label"), /北京帮扶地区 → 通辽市：40个/);
      assert.deepEqual(await axe(page), []);
      await screenshot(page, "map-flows");
    }, { viewport: { width: 1100, height: 1200 } });
  });

  test("a boundary file that cannot be read names its URL and reason, and retry recovers", async () => {
    await app.journey("map-bad-geometry", async (page) => {
      await page.route("**/geo/china.topo.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"type": "Topology",\n "arcs": [' }));
      await page.goto(app.url("/map"));
      await page.locator(".load-error").waitFor();
      const detail = await page.textContent(".load-error .error-detail");
      assert.ok(detail.includes(app.url("/geo/china.topo.json")), detail);
      assert.match(detail, /line 2, column/);
      await page.unroute("**/geo/china.topo.json");
      await page.getByRole("button", { name: "重试" }).click();
      await page.locator(".map svg .region").first().waitFor();
    });
  });

  test("bad URL parameters are named and ignored; an unknown region code falls back to the country", async () => {
    await app.journey("map-bad-params", async (page) => {
      await page.goto(app.url("/map?at=15x&show=pie"));
      await waitForPortal(page);
      await page.locator(".map svg .region").first().waitFor();
      const notes = (await page.locator(".map-warning").allTextContents()).join(" ");
      assert.ok(notes.includes("at=“15x”") && notes.includes("show=“pie”"), notes);
      await page.goto(app.url("/map?at=159999"));
      await page.locator(".map-warning", { hasText: "159999" }).waitFor();
      await waitForRegions(page, 34, "province");
    });
  });

  test("a deployment's approved boundary files are drawn and its approval number printed", async () => {
    await app.journey("map-approved", async (page) => {
      const descriptor = JSON.parse(await readFile(join(ROOT, "public", "data", "datapackage.json"), "utf8"));
      descriptor["gongkai:map"] = {
        boundaries: { first_view: "approved/china.topo.json", counties: "approved/c{province}.json", approval: "GS(2099)0001号", attribution: "测试省自然资源厅" },
      };
      const requested = [];
      await page.route("**/data/datapackage.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(descriptor) }));
      await page.route("**/data/approved/**", async (route) => {
        const url = route.request().url();
        requested.push(new URL(url).pathname);
        const file = url.endsWith("china.topo.json") ? "china.topo.json" : `counties/${url.match(/c(\d{2})\.json$/)[1]}0000.topo.json`;
        await route.fulfill({ contentType: "application/json", body: await readFile(join(ROOT, "public", "geo", file), "utf8") });
      });
      await page.goto(app.url("/map?at=150500"));
      await waitForPortal(page);
      await page.locator("#region-150521").waitFor();
      assert.deepEqual(requested, ["/data/approved/china.topo.json", "/data/approved/c15.json"]);
      assert.equal((await page.textContent(".map-caption")).trim(), "审图号：GS(2099)0001号。边界：测试省自然资源厅");
    });
  });
});
