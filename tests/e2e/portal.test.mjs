// End-to-end journeys through the portal in headless Chromium, against the release build.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal, axe, tofuIn, holdBack } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

// What each language must show (the portal name and the Funds link), written from the
// product's wording, not read from the locale files.
const LANGUAGES = [
  { tag: "zh-Hans", button: "简体", name: "公开 · 脱贫攻坚数据", funds: "资金", chartTitle: "全国农村贫困人口和贫困发生率", date: "2020年1月25日", unit: "单位：万人 · %", summary: "2012年至2020年，农村贫困人口从9899万人降至0人（−100%）" },
  { tag: "zh-Hant", button: "繁體", name: "公開 · 脫貧攻堅數據", funds: "資金", chartTitle: "全國農村貧困人口和貧困發生率", date: "2020年1月25日", unit: "單位：萬人 · %", summary: "2012年至2020年，農村貧困人口從9899萬人降至0人（−100%）" },
  { tag: "en", button: "English", name: "Gongkai · Poverty Alleviation Data", funds: "Funds", chartTitle: "Rural poor population and poverty headcount rate in China", date: "25 January 2020", unit: "Unit: million persons · %", summary: "From 2012 to 2020 rural poor population fell from 98.99 million persons to 0 persons (−100%)" },
];

const ROUTES = [
  { path: "/", zh: "概览", pending: false, ready: ".chart-box svg" },
  { path: "/poverty-exits", zh: "脱贫退出", pending: false, ready: ".chart-box svg" },
  { path: "/funds", zh: "资金", pending: false, ready: ".chart-box svg" },
  { path: "/paired-assistance", zh: "对口帮扶", pending: false, ready: ".chart-box svg" },
  { path: "/commitments", zh: "规划任务", pending: false, ready: ".chart-box svg" },
  { path: "/map", zh: "地图", pending: false, ready: ".map svg .region" },
  { path: "/explore", zh: "数据浏览", pending: false, ready: ".chart-box svg" },
  { path: "/sources", zh: "数据来源", pending: false, ready: "section.source" },
];

describe("languages", () => {
  for (const lang of LANGUAGES) {
    test(`loads in ${lang.tag} with real glyphs, the chart, its unit and source`, async () => {
      await app.journey(`lang-${lang.tag}`, async (page) => {
        await page.goto(app.url(`/?lang=${lang.tag}`));
        await waitForPortal(page);
        assert.equal(await page.getAttribute("html", "lang"), lang.tag);
        assert.equal((await page.textContent(".portal-name")).trim(), lang.name);
        assert.equal((await page.textContent(".chart-title")).trim(), lang.chartTitle);
        assert.equal((await page.textContent(".chart-unit")).trim(), lang.unit);
        assert.ok((await page.textContent(".chart-source")).includes(lang.date));
        assert.ok((await page.textContent(".chart-summary")).startsWith(lang.summary));
        assert.equal(await page.locator(".chart-box svg polyline").count() >= 2, true, "one line per panel");

        // Every character on screen renders as a real glyph, not tofu.
        const visible = await page.evaluate(() => document.body.innerText);
        assert.deepEqual(await tofuIn(page, visible), [], "characters drawn as tofu");
        await screenshot(page, `lang-${lang.tag}`);
      });
    });
  }

  test("the tofu check detects characters no font can draw", async () => {
    await app.journey("tofu-control", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      // Tangut and private-use code points: no installed font covers them.
      const tofu = await tofuIn(page, "\u{17000}\u{17001}\u{F0000}脱");
      assert.deepEqual(tofu, ["\u{17000}", "\u{17001}", "\u{F0000}"]);
    });
  });

  test("switching language updates every string and survives a reload", async () => {
    await app.journey("switch-language", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hans", "zh-Hans is the default for a zh-CN browser");
      for (const lang of [LANGUAGES[1], LANGUAGES[2], LANGUAGES[0]]) {
        await page.getByRole("button", { name: lang.button, exact: true }).click();
        await page.getByRole("link", { name: lang.funds, exact: true }).waitFor();
        assert.equal(await page.getAttribute("html", "lang"), lang.tag);
        assert.equal((await page.textContent(".chart-title")).trim(), lang.chartTitle);
        assert.equal(await page.title(), lang.name);
      }
      await page.getByRole("button", { name: "English", exact: true }).click();
      await page.reload();
      await waitForPortal(page);
      assert.equal(await page.getAttribute("html", "lang"), "en", "the choice is remembered");
    });
  });

  test("an English browser gets English", async () => {
    await app.journey("browser-language", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      assert.equal(await page.getAttribute("html", "lang"), "en");
    }, { locale: "en-GB" });
  });
});

describe("navigation", () => {
  test("every route is reachable from the navigation, marked current, and honest about its state", async () => {
    await app.journey("navigate-routes", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      for (const route of [...ROUTES.slice(1), ROUTES[0]]) {
        await page.getByRole("navigation").getByRole("link", { name: route.zh, exact: true }).click();
        await page.waitForURL(app.url(route.path));
        assert.equal((await page.textContent("h1")).trim(), route.zh);
        const current = page.locator('.site-nav a[aria-current="page"]');
        assert.equal((await current.textContent()).trim(), route.zh);
        if (route.pending) {
          assert.match(await page.textContent(".pending"), /尚在建设中/);
          assert.equal(await page.locator("main svg").count(), 0, "a pending page shows no chart");
        } else {
          await page.locator(route.ready).first().waitFor();
        }
      }
      await page.goBack();
      await page.waitForURL(app.url(ROUTES[ROUTES.length - 1].path));
    });
  });

  test("each route loads directly from its address", async () => {
    await app.journey("direct-routes", async (page) => {
      for (const route of ROUTES) {
        await page.goto(app.url(route.path));
        await waitForPortal(page);
        assert.equal((await page.textContent("h1")).trim(), route.zh, route.path);
      }
    });
  });

  test("an unknown address says so and links back", async () => {
    await app.journey("not-found", async (page) => {
      await page.goto(app.url("/no-such-page"));
      await waitForPortal(page);
      assert.equal((await page.textContent("h1")).trim(), "找不到此页面");
      assert.match(await page.textContent("main"), /\/no-such-page/);
      await page.getByRole("link", { name: "返回概览" }).click();
      await page.locator(".chart-box svg").first().waitFor();
    });
  });

  test("keyboard alone reaches the skip link, the language switch and the chart table", async () => {
    await app.journey("keyboard", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
      // Tab until the table toggle has focus, then open it with Enter.
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(() => document.activeElement.classList.contains("table-toggle"))) break;
      }
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains("table-toggle")), true, "table toggle reachable");
      await page.keyboard.press("Enter");
      await page.locator(".chart-table table").waitFor();
      const rows = await page.$$eval(".chart-table tbody tr", (trs) => trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td.num").textContent]));
      // Exactly the plotted points, read from the published CSV: the national rural poor
      // population in 万人 (persons ÷ 10,000), then the headcount rate in %.
      const csv = (await readFile(join(ROOT, "public", "data", "observations.csv"), "utf8")).trim().split("\n").map((l) => l.split(","));
      const national = (indicator, divisor) => csv.filter((r) => r[1] === "100000" && r[2] === indicator).map((r) => [`${r[3].slice(0, 4)}年${Number(r[3].slice(5))}月`, String(Number(r[4]) / divisor)]);
      assert.deepEqual(rows, [...national("rural_poor_population", 1e4), ...national("rural_poverty_headcount_rate", 1)]);
      const drawn = await page.$$eval(".chart-box svg text", (ts) => ts.map((t) => t.textContent.trim()));
      for (const [, value] of rows) assert.ok(drawn.includes(value), `${value} drawn in the chart`);
    });
  });
});

describe("data loading", () => {
  test("a missing data package shows the URL and status, and retry recovers", async () => {
    await app.journey("data-404", async (page) => {
      await page.route("**/data/datapackage.json", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "gone" }));
      await page.goto(app.url("/"));
      await page.locator(".load-error").waitFor();
      const detail = await page.textContent(".load-error .error-detail");
      assert.match(detail, /HTTP 404/);
      assert.ok(detail.includes(app.url("/data/datapackage.json")), detail);
      assert.equal(await page.locator(".chart").count(), 0);
      await screenshot(page, "data-404");

      await page.unroute("**/data/datapackage.json");
      await page.getByRole("button", { name: "重试" }).click();
      await page.locator(".chart-box svg").first().waitFor();
      assert.equal(await page.locator(".load-error").count(), 0);
    }, { allowConsole: [/404/] });
  });

  test("a package that is not JSON names the file, line and column", async () => {
    await app.journey("data-bad-json", async (page) => {
      await page.route("**/data/datapackage.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"resources": [\n  {"name": "sources",, }' }));
      await page.goto(app.url("/"));
      await page.locator(".load-error").waitFor();
      assert.match(await page.textContent(".load-error .error-detail"), /datapackage\.json 第 2 行第 \d+ 列：JSON 语法错误/);
    });
  });

  test("invalid rows are listed with their location while the valid data still shows", async () => {
    await app.journey("data-partial", async (page) => {
      let badRow;
      await page.route("**/data/observations.csv", async (route) => {
        const response = await route.fetch();
        const lines = (await response.text()).trimEnd().split("\n");
        badRow = lines.length + 1;
        const copy = lines[1].split(",");
        copy[0] = "added-row";
        copy[1] = "999999";
        await route.fulfill({ response, body: [...lines, copy.join(",")].join("\n") + "\n" });
      });
      await page.goto(app.url("/"));
      await waitForPortal(page);
      const problems = await page.textContent(".data-problems");
      assert.ok(problems.includes(`observations.csv 第 ${badRow} 行“region”列`), problems);
      assert.match(problems, /不存在（或无效）的地区“999999”/);
      assert.equal(await page.locator(".data-problems li").count(), 1);
      await page.locator(".chart-box svg").first().waitFor();
    });
  });

  test("a resource that cannot be fetched is named with its URL and status; the rest shows and retry recovers", async () => {
    await app.journey("data-resource-404", async (page) => {
      await page.route("**/data/observations.csv", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "gone" }));
      // Without observations the overview has no series to draw and says so; funds still show.
      await page.goto(app.url("/"));
      await waitForPortal(page);
      await page.locator("main .empty").first().waitFor();
      await page.getByRole("navigation").getByRole("link", { name: "资金", exact: true }).click();
      await waitForPortal(page);
      const problems = await page.textContent(".data-problems");
      assert.ok(problems.includes(app.url("/data/observations.csv")), problems);
      assert.match(problems, /HTTP 404/);
      await page.locator(".chart-box svg").first().waitFor();
      await page.unroute("**/data/observations.csv");
      await page.locator(".data-problems").getByRole("button", { name: "重试" }).click();
      await page.locator(".data-problems").waitFor({ state: "detached" });
      await page.locator(".chart-box svg").first().waitFor();
    }, { allowConsole: [/404/] });
  });

  test("the loading indicator shows while data is slow", async () => {
    await app.journey("data-slow", async (page) => {
      const release = await holdBack(page, "**/data/datapackage.json");
      // A page without the pre-rendered first view (which shows its data while the app loads).
      await page.goto(app.url("/funds"));
      await page.locator(".loading progress").waitFor();
      await page.locator(".loading-slow").waitFor({ timeout: 10_000 });
      assert.match(await page.textContent(".loading-slow"), /datapackage\.json/);
      release();
      await page.locator(".chart-box svg").first().waitFor();
    });
  });

  test("a file arriving slowly shows its bytes received of its size", async () => {
    // A server on another port that sends observations.csv in pieces, a second apart.
    const dir = join(ROOT, "public", "data");
    const server = createServer(async (req, res) => {
      const name = new URL(req.url, "http://x").pathname.slice(1);
      const body = await readFile(join(dir, name)).catch(() => null);
      if (!body) { res.writeHead(404, { "Access-Control-Allow-Origin": "*" }).end(); return; }
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, "Access-Control-Allow-Origin": "*" });
      if (name !== "observations.csv") { res.end(body); return; }
      const piece = Math.ceil(body.length / 4);
      for (let at = 0; at < body.length; at += piece) {
        res.write(body.subarray(at, at + piece));
        await new Promise((ok) => setTimeout(ok, 1000));
      }
      res.end();
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    const other = `http://127.0.0.1:${server.address().port}/datapackage.json`;
    try {
      await app.journey("data-progress", async (page) => {
        await page.goto(app.url(`/?data=${encodeURIComponent(other)}`));
        const line = page.locator(".transfers li", { hasText: "observations.csv" });
        await line.waitFor();
        const size = (await stat(join(dir, "observations.csv"))).size;
        await page.waitForFunction(() => /已下载 .+，共 .+（([1-9]|[1-9]\d)%）/.test(document.querySelector(".transfers")?.textContent ?? ""));
        const text = await line.textContent();
        const kb = (size / 1024).toFixed(1).replace(/\.0$/, "");
        assert.ok(text.includes(`共 ${kb} KB`), `${text} names the size ${kb} KB`);
        const value = await line.locator("progress").evaluate((p) => [p.value, p.max]);
        assert.ok(value[0] > 0 && value[0] < value[1] && value[1] === size, `${value} of ${size}`);
        await page.locator(".chart-box svg").first().waitFor({ timeout: 20_000 });
        assert.equal(await page.locator(".transfers").count(), 0, "no download left once loaded");
      });
    } finally {
      server.close();
    }
  });
});

describe("sources", () => {
  test("every published source is listed with the figures it supports and their quotations", async () => {
    await app.journey("sources-page", async (page) => {
      const csv = await readFile(join(ROOT, "public", "data", "sources.csv"), "utf8");
      const ids = csv.trim().split("\n").slice(1).map((line) => line.split(",")[0]);
      await page.goto(app.url("/sources"));
      await page.locator("section.source").first().waitFor();
      const shown = await page.locator("section.source").evaluateAll((els) => els.map((e) => e.id));
      assert.deepEqual(shown, ids.map((id) => `source-${id}`));

      const erdaojiang = page.locator("#source-s001-erdaojiang-2018");
      assert.match(await erdaojiang.locator(".source-meta").textContent(), /通化新闻网 · 2018年4月28日 · 新闻报道/);
      const summary = erdaojiang.locator("summary");
      await summary.focus();
      await page.keyboard.press("Enter");
      const row = erdaojiang.locator("tr", { hasText: "累计投资项目资金1000余万元" });
      assert.equal(await row.locator("td.num").textContent(), "1000余万元");
      assert.match(await row.locator("th").textContent(), /扶贫项目投资（多渠道合计，已使用）/);
      await screenshot(page, "sources");
    });
  });
});

describe("layout, theme and accessibility", () => {
  for (const width of [320, 1280]) {
    test(`no horizontal scrolling at ${width} px`, async () => {
      await app.journey(`width-${width}`, async (page) => {
        await page.goto(app.url("/"));
        await waitForPortal(page);
        await page.locator(".chart-box svg").first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow} px wider than the window`);
        await screenshot(page, `width-${width}`);
      }, { viewport: { width, height: 800 } });
    });
  }

  test("dark OS preference gives the dark theme; the toggle overrides it and is remembered", async () => {
    await app.journey("theme-dark", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      assert.equal(await page.getAttribute("html", "data-theme"), "dark");
      const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(await bg(), "rgb(13, 17, 23)");
      await screenshot(page, "theme-dark");
      await page.getByRole("button", { name: /浅色/ }).click();
      assert.equal(await page.getAttribute("html", "data-theme"), "light");
      assert.equal(await bg(), "rgb(255, 255, 255)");
      await page.reload();
      await waitForPortal(page);
      assert.equal(await page.getAttribute("html", "data-theme"), "light");
    }, { colorScheme: "dark" });
  });

  for (const [lang, scheme] of [["zh-Hans", "light"], ["en", "dark"]]) {
    test(`axe-core finds no WCAG A/AA violations (${lang}, ${scheme})`, async () => {
      await app.journey(`axe-${lang}-${scheme}`, async (page) => {
        await page.goto(app.url(`/?lang=${lang}`));
        await waitForPortal(page);
        await page.locator(".chart-box svg").first().waitFor();
        await page.locator(".table-toggle").first().click();
        assert.deepEqual(await axe(page), []);
      }, { colorScheme: scheme });
    });
  }
});

/** Tabs through the page from the top and returns, for each chart, how many of its marks took focus. */
async function marksReachedByTab(page, limit = 400) {
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const reached = {};
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el.classList.contains("chart-mark") ? el.closest("figure.chart").id : el === document.body ? "body" : null;
    });
    if (at === "body") break;
    if (at) reached[at] = (reached[at] || 0) + 1;
  }
  return reached;
}

describe("charts", () => {
  const PAGES = [
    { path: "/", name: "overview" },
    { path: "/poverty-exits", name: "poverty" },
    { path: "/funds", name: "funds" },
    { path: "/paired-assistance", name: "pairing-money" },
    { path: "/paired-assistance", name: "pairing-cadres", show: "干部" },
    { path: "/paired-assistance", name: "pairing-projects", show: "项目" },
    { path: "/commitments", name: "commitments" },
  ];
  for (const p of PAGES) {
    test(`${p.name}: every chart renders, is one tab stop whose arrows reach every mark, and its table matches`, async () => {
      await app.journey(`charts-${p.name}`, async (page) => {
        await page.goto(app.url(p.path));
        await waitForPortal(page);
        if (p.show) await page.getByRole("button", { name: p.show, exact: true }).click();
        await page.locator(".chart-box svg").first().waitFor();
        const ids = await page.locator("figure.chart").evaluateAll((els) => els.map((e) => e.id));
        assert.ok(ids.length >= 1, "at least one chart");
        const reached = await marksReachedByTab(page);
        for (const id of ids) {
          const chart = page.locator(`figure.chart#${id}`);
          const marks = await chart.locator(".chart-mark").count();
          assert.ok(marks >= 1, `${id}: marks`);
          assert.equal(reached[id], 1, `${id}: exactly one tab stop for its marks`);
          assert.equal(await chart.locator("svg title").textContent(), await chart.locator(".chart-title").textContent());
          assert.ok((await chart.locator("svg desc").textContent()).length > 10, `${id}: svg desc`);
          assert.ok(await chart.locator(".chart-source a").count() >= 1, `${id}: source link`);

          // Arrow keys walk every mark; each shows its exact value and source in the tooltip. The
          // pointer is parked away first: left where the last table toggle was clicked, it can end
          // up over a mark when focus scrolls the page, and hover shows that mark's tooltip.
          await page.mouse.move(0, 0);
          await chart.locator('.chart-mark[tabindex="0"]').focus();
          await chart.locator(".chart-mark").first().focus();
          for (let m = 0; m < Math.min(marks, 12); m++) {
            const label = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
            assert.match(label, /来源：/, `${id}: mark ${m} names its source`);
            await page.waitForFunction(([sel, text]) => document.querySelector(sel)?.textContent === text, [`#${id} .chart-tip`, label], { timeout: 2000 })
              .catch(async () => assert.equal(await chart.locator(".chart-tip").textContent(), label, `${id}: tooltip follows focus`));
            assert.ok(await chart.locator(".chart-tip").isVisible(), `${id}: tooltip shown`);
            await page.keyboard.press("ArrowRight");
          }

          // The table lists exactly the plotted marks; bars print each value on the chart.
          await chart.locator(".table-toggle").click();
          const rows = await chart.locator(".chart-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.querySelector("td.num").textContent));
          assert.equal(rows.length, marks, `${id}: a table row per mark`);
          const kind = await chart.getAttribute("data-kind");
          if (kind === "bars" || kind === "stacked") {
            const drawn = (await chart.locator("svg text").evaluateAll((ts) => ts.map((t) => t.textContent))).join(" ");
            for (const value of rows) assert.ok(drawn.includes(value), `${id}: ${value} drawn`);
          }
        }
        await screenshot(page, `charts-${p.name}`);
      }, { viewport: { width: 1100, height: 900 } });
    });
  }

  test("the pairing selector switches between money, cadres and projects; 17 of 40 projects are complete", async () => {
    await app.journey("pairing-selector", async (page) => {
      await page.goto(app.url("/paired-assistance"));
      await waitForPortal(page);
      await page.locator('figure[data-kind="flows"] svg').waitFor();
      assert.equal(await page.getByRole("button", { name: "资金", exact: true }).getAttribute("aria-pressed"), "true");
      await page.getByRole("button", { name: "项目", exact: true }).click();
      const progress = page.locator("figure.chart", { hasText: "按进度" });
      await progress.locator("svg").waitFor();
      const text = await progress.locator("svg").textContent();
      assert.ok(text.includes("17") && text.includes("23") && text.includes("合计40"), text);
      assert.equal(await page.locator('figure[data-kind="flows"]').count(), 0, "money view gone");
    });
  });

  test("a planned amount is drawn hollow and labelled, beside actual ones, never added", async () => {
    await app.journey("funds-planned", async (page) => {
      await page.goto(app.url("/funds"));
      await waitForPortal(page);
      await page.locator("label.picker", { hasText: "地区" }).locator("select").selectOption({ label: "通辽市" });
      const chart = page.locator("figure#funds-150500");
      await chart.locator("svg").waitFor();
      assert.match(await chart.locator(".chart-unit").textContent(), /亿元/);
      assert.ok((await chart.locator("svg").textContent()).includes("50 (计划)"));
      assert.match(await chart.locator(".chart-key").textContent(), /空心标记/);
      assert.ok(await page.locator("#funds-per-capita-none").isVisible(), "per-capita explains why there is none");
    });
  });

  test("a hostile region name renders as text in the chart, its tooltip and its table", async () => {
    await app.journey("charts-hostile", async (page) => {
      const payload = `<img src=x onerror="window.__xss=1">`;
      await page.route("**/data/regions.csv", async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/^220503,二道江区,/m, `220503,"${payload.replace(/"/g, '""')}",`);
        await route.fulfill({ response, body });
      });
      await page.goto(app.url("/poverty-exits"));
      await waitForPortal(page);
      const chart = page.locator("figure#exits-by-region");
      await chart.locator("svg").waitFor();
      assert.ok((await chart.locator("svg").textContent()).includes(payload));
      await chart.locator(".table-toggle").click();
      assert.ok((await chart.locator(".chart-table").textContent()).includes(payload));
      assert.equal(await page.locator("main img").count(), 0);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
    });
  });
});

describe("another publisher's data", () => {
  /** The default package's files, served under `base` with another title. */
  async function serveCopy(page, base) {
    const headers = { "Access-Control-Allow-Origin": "*" };
    await page.route(`${base}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.split("/").pop();
      let body = await readFile(join(ROOT, "public", "data", name), "utf8");
      if (name === "datapackage.json") body = JSON.stringify({ ...JSON.parse(body), title: "另一发布方的数据包" });
      await route.fulfill({ status: 200, headers, contentType: name.endsWith(".json") ? "application/json" : "text/csv", body });
    });
  }

  test("?data= loads another package through the same checks and says whose it is", async () => {
    await app.journey("data-param-other", async (page) => {
      await serveCopy(page, "http://other.example/pkg");
      await page.goto(app.url("/poverty-exits?data=http://other.example/pkg/datapackage.json"));
      await waitForPortal(page);
      const notice = await page.locator(".data-notice").textContent();
      assert.ok(notice.includes("另一发布方的数据包") && notice.includes("http://other.example/pkg/datapackage.json"), notice);
      await page.locator(".chart-box svg").first().waitFor();
      assert.equal(await page.locator(".data-problems").count(), 0);
    });
  });

  test("a package on another site that cannot be read is explained (unreachable or refused by CORS); a bad value falls back with a notice", async () => {
    await app.journey("data-param-cors", async (page) => {
      // The browser reports a CORS refusal and an unreachable site with the same error.
      await page.route("http://closed.example/**", (route) => route.abort("failed"));
      await page.goto(app.url("/?data=http://closed.example/pkg/datapackage.json"));
      await page.locator(".load-error").waitFor();
      const detail = await page.textContent(".load-error .error-detail");
      assert.ok(detail.includes("http://closed.example/pkg/datapackage.json") && detail.includes("CORS"), detail);
      await page.goto(app.url("/?data=javascript:alert(1)"));
      await waitForPortal(page);
      assert.match(await page.locator(".data-notice").textContent(), /data=“javascript:alert\(1\)”：只能是 http 或 https 地址/);
      await page.locator(".chart-box svg").first().waitFor();
    }, { allowConsole: [/CORS|Access-Control-Allow-Origin|Failed to load resource|net::ERR_FAILED/] });
  });
});

describe("print", () => {
  test("a printed page is one clean view: figures, tables and sources, no navigation or controls, light even in dark mode", async () => {
    await app.journey("print", async (page) => {
      await page.goto(app.url("/map?at=150500"));
      await waitForPortal(page);
      await page.locator("#region-150521").waitFor();
      // The table, once shown on screen (its button is not printed), is printed with the map.
      await page.locator('button[aria-controls="map-table"]').click();
      await page.emulateMedia({ media: "print" });
      for (const hidden of [".site-nav", ".lang-switch", ".theme-toggle", ".view-switch", ".map-search", ".map-keys", ".share-tools"]) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      for (const shown of ["h1", "#map-title", ".map svg", ".map-legend", ".map-table", ".map-caption"]) {
        assert.ok(await page.locator(shown).first().isVisible(), `${shown} is printed`);
      }
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, "rgb(255, 255, 255)");
      await screenshot(page, "print-map");
    }, { colorScheme: "dark" });
  });
});
