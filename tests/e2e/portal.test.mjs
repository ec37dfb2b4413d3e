// End-to-end journeys through the portal in headless Chromium, against the release build.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal, axe, tofuIn } from "./harness.mjs";

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
  { tag: "zh-Hans", button: "简体", name: "公开 · 脱贫攻坚数据", funds: "资金", chartTitle: "二道江区扶贫项目投资：按资金来源", date: "2018年4月28日", unit: "单位：万元" },
  { tag: "zh-Hant", button: "繁體", name: "公開 · 脫貧攻堅數據", funds: "資金", chartTitle: "二道江區扶貧項目投資：按資金來源", date: "2018年4月28日", unit: "單位：萬元" },
  { tag: "en", button: "English", name: "Gongkai · Poverty Alleviation Data", funds: "Funds", chartTitle: "Investment in poverty alleviation projects in Erdaojiang District, by source of funds", date: "28 April 2018", unit: "Unit: million yuan" },
];

const ROUTES = [
  { path: "/", zh: "概览", pending: false, ready: ".chart-box svg" },
  { path: "/poverty-exits", zh: "脱贫退出", pending: true },
  { path: "/funds", zh: "资金", pending: true },
  { path: "/paired-assistance", zh: "对口帮扶", pending: true },
  { path: "/map", zh: "地图", pending: true },
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
        assert.equal(await page.locator(".chart-box svg rect").count() >= 2, true, "bars drawn");

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
      await page.locator(".chart-box svg").waitFor();
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
      // Exactly the plotted bars: seed 001, 争取上级资金600万元, 区政府筹集490万元.
      assert.deepEqual(rows, [["上级资金", "600"], ["县级资金", "490"]]);
      const svgBars = await page.$$eval(".chart-box svg text", (ts) => ts.map((t) => t.textContent.trim()));
      for (const [label, value] of rows) {
        assert.ok(svgBars.includes(label) && svgBars.includes(value), `${label} ${value} drawn in the chart`);
      }
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
      await page.locator(".chart-box svg").waitFor();
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
      await page.locator(".chart-box svg").waitFor();
    });
  });

  test("a resource that cannot be fetched is named with its URL and status; the rest shows and retry recovers", async () => {
    await app.journey("data-resource-404", async (page) => {
      await page.route("**/data/observations.csv", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "gone" }));
      await page.goto(app.url("/"));
      await waitForPortal(page);
      const problems = await page.textContent(".data-problems");
      assert.ok(problems.includes(app.url("/data/observations.csv")), problems);
      assert.match(problems, /HTTP 404/);
      await page.locator(".chart-box svg").waitFor();
      await page.unroute("**/data/observations.csv");
      await page.locator(".data-problems").getByRole("button", { name: "重试" }).click();
      await page.locator(".data-problems").waitFor({ state: "detached" });
      await page.locator(".chart-box svg").waitFor();
    }, { allowConsole: [/404/] });
  });

  test("the loading indicator shows while data is slow", async () => {
    await app.journey("data-slow", async (page) => {
      let release;
      const held = new Promise((ok) => (release = ok));
      await page.route("**/data/datapackage.json", async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(app.url("/"));
      await page.locator(".loading progress").waitFor();
      await page.locator(".loading-slow").waitFor({ timeout: 10_000 });
      assert.match(await page.textContent(".loading-slow"), /datapackage\.json/);
      release();
      await page.locator(".chart-box svg").waitFor();
    });
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
        await page.locator(".chart-box svg").waitFor();
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
        await page.locator(".chart-box svg").waitFor();
        await page.locator(".table-toggle").click();
        assert.deepEqual(await axe(page), []);
      }, { colorScheme: scheme });
    });
  }
});
