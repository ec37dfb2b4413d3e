// End-to-end journeys of journalists: a chart embedded in a host page of another origin that
// resizes itself, the embed's language and theme, and the downloads and citations of a view,
// each checked against what the page shows.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal, axe, parseCsv, tofuIn } from "./harness.mjs";
import { startStaticServer } from "../../tools/static-server.mjs";

let app, host, other, hostDir;
before(async () => {
  app = await startApp();
  // The article's site and a third site, each on its own port: other origins than the portal's.
  hostDir = await mkdtemp(join(tmpdir(), "gongkai-host-"));
  host = await startStaticServer(hostDir);
  other = await startStaticServer(hostDir);
});
after(async () => {
  await app?.stop();
  for (const s of [host, other]) if (s) await new Promise((ok) => s.server.close(ok));
});

/** Opens the share dialog `kind` (embed, download, cite) of the first chart; returns the dialog. */
async function openDialog(page, kind) {
  await page.locator(".chart").first().locator(`[data-share="${kind}"]`).click();
  const dialog = page.locator(".share-dialog[open]");
  await dialog.waitFor();
  return dialog;
}

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The pixel size in a PNG's header (IHDR), after checking its signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const frameHeight = (page) => page.$eval("iframe[data-gongkai-embed]", (f) => f.getBoundingClientRect().height);

describe("embedding", () => {
  test("a chart embedded in another site's page grows to its content, ignores foreign and malformed messages, and links back", async () => {
    await app.journey("embed-host", async (page) => {
      await page.goto(app.url("/funds?lang=en"));
      await waitForPortal(page);
      const dialog = await openDialog(page, "embed");
      const code = await dialog.locator("textarea").inputValue();
      assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\/funds\?lang=en&amp;chart=funds-\d+" title="[^"]+" width="100%" height="\d+" style="[^"]*" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-gongkai-embed><\/iframe>\n<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
      const chartId = code.match(/chart=([\w-]+)/)[1];
      const start = Number(code.match(/height="(\d+)"/)[1]);
      assert.deepEqual(await axe(page), [], "the open dialog is accessible");
      await page.keyboard.press("Escape");
      assert.equal(await page.locator(".share-dialog[open]").count(), 0, "Escape closes the dialog");

      // The article: the snippet as given, and a frame of a third origin that pretends to be an embed.
      await writeFile(join(hostDir, "index.html"), `<!doctype html><html lang="en"><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,">
<body style="margin:0;font-family:sans-serif"><h1>An article</h1><p>Text before the chart.</p>
${code}
<iframe id="stranger" src="${other.url}/stranger.html" title="stranger" style="height:40px"></iframe></body></html>`);
      await writeFile(join(hostDir, "stranger.html"), "<!doctype html><title>stranger</title><link rel=\"icon\" href=\"data:,\"><p>another site</p>");
      await page.goto(host.url);
      const embed = page.frameLocator("iframe[data-gongkai-embed]");
      await embed.locator(".embed .chart svg").waitFor({ timeout: 30_000 });
      const content = () => page.frames().find((f) => f.url().includes("/embed/")).evaluate(() => Math.ceil(document.querySelector(".embed").getBoundingClientRect().height));
      await page.waitForFunction((start) => document.querySelector("iframe[data-gongkai-embed]").getBoundingClientRect().height !== start, start);
      let height = await frameHeight(page);
      assert.ok(Math.abs(height - (await content())) <= 1, `the iframe (${height}px) fits its content (${await content()}px)`);
      const frame = page.frames().find((f) => f.url().includes("/embed/"));
      assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), true, "no scrolling inside the frame");
      assert.equal(await embed.locator(".site-header").count(), 0, "the embed has no portal header");
      assert.equal(await frame.evaluate(() => document.documentElement.lang), "en");

      // Messages of the right shape from another origin, or from the host itself, change nothing;
      // nor do malformed ones from the embed's own window.
      const stranger = page.frames().find((f) => f.url().startsWith(other.url));
      await stranger.evaluate(() => parent.postMessage({ type: "gongkai:embed-height", version: 1, height: 3000 }, "*"));
      await page.evaluate(() => window.postMessage({ type: "gongkai:embed-height", version: 1, height: 2900 }, "*"));
      for (const bad of [{ type: "gongkai:embed-height", version: 1, height: "2800" }, { type: "gongkai:embed-height", version: 2, height: 2700 }, { type: "gongkai:embed-height", version: 1, height: 1e9 }, "2600"]) {
        await frame.evaluate((bad) => parent.postMessage(bad, "*"), bad);
      }
      await page.waitForTimeout(500);
      assert.equal(await frameHeight(page), height, "foreign and malformed messages are ignored");

      // The embed grows when its table opens, and the iframe follows.
      await embed.locator(".table-toggle").click();
      await embed.locator(".chart-table table").waitFor();
      await page.waitForFunction((h) => document.querySelector("iframe[data-gongkai-embed]").getBoundingClientRect().height > h + 50, height);
      height = await frameHeight(page);
      assert.ok(Math.abs(height - (await content())) <= 1, `the iframe (${height}px) follows its content (${await content()}px)`);
      await screenshot(page, "embed-host");

      // The link back opens the full view at the chart, in a new tab, on the portal.
      const back = embed.locator(".embed-back a");
      assert.equal(await back.getAttribute("target"), "_blank");
      assert.equal(await back.getAttribute("href"), app.url(`/funds?lang=en#${chartId}`));
      const source = embed.locator(".chart-source a").first();
      assert.equal(await source.getAttribute("target"), "_blank", "links inside the embed open a new tab");
      assert.ok((await source.getAttribute("href")).startsWith(app.url("/sources")));

      // The embed's own frame, navigated to another site, is no longer believed.
      await frame.evaluate((url) => { location.href = url; }, `${other.url}/stranger.html`);
      await frame.waitForURL(`${other.url}/stranger.html`);
      await frame.evaluate(() => parent.postMessage({ type: "gongkai:embed-height", version: 1, height: 123 }, "*"));
      await page.waitForTimeout(500);
      assert.equal(await frameHeight(page), height, "a message from the embed's frame at another origin is ignored");
    });
  });

  test("an embed takes its language and theme from its address, else follows the reader's system, never the portal's remembered choice", async () => {
    const themeOf = (page) => page.evaluate(() => document.documentElement.dataset.theme);
    await app.journey("embed-dark-system", async (page) => {
      // A choice remembered on the portal itself does not reach embeds.
      await page.goto(app.url("/?lang=en"));
      await waitForPortal(page);
      await page.evaluate(() => localStorage.setItem("gongkai-theme", "light"));
      await page.goto(app.url("/?lang=en"));
      await waitForPortal(page);
      assert.equal(await themeOf(page), "light", "the portal uses the remembered theme");
      await page.goto(app.url("/embed/poverty-exits?chart=causes"));
      await page.locator(".embed .chart svg").waitFor();
      assert.equal(await themeOf(page), "dark", "follows prefers-color-scheme");
      assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-Hans");
      assert.equal(await page.locator(".embed .chart").getAttribute("id"), "causes");
      await page.goto(app.url("/embed/poverty-exits?chart=causes&theme=light&lang=zh-Hant"));
      await page.locator(".embed .chart svg").waitFor();
      assert.equal(await themeOf(page), "light", "the address wins");
      assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-Hant");
      assert.match(await page.locator(".embed .chart-title").textContent(), /[貧區]/);
      assert.deepEqual(await axe(page), []);
    }, { colorScheme: "dark" });
  });

  test("the explorer's table and the map embed too, and an unknown chart is named", async () => {
    await app.journey("embed-views", async (page) => {
      await page.goto(app.url("/embed/explore?indicator=poverty_exits_persons&tab=table&lang=en"));
      await page.locator(".embed table.figures tbody tr").first().waitFor();
      assert.ok((await page.locator(".embed table.figures tbody tr").count()) > 0);
      await page.goto(app.url("/embed/map?lang=en"));
      await page.locator(".embed svg path").first().waitFor({ timeout: 30_000 });
      assert.equal(await page.locator(".site-header, .map-controls input").count(), 0, "no header or search box");
      await screenshot(page, "embed-map");
      await page.goto(app.url("/embed/funds?chart=no-such-chart&lang=en"));
      await page.getByText("The page “/funds” has no chart “no-such-chart”.").waitFor();
    });
  });
});

describe("downloads and citations", () => {
  test("each download matches the chart on the page: CSV rows, SVG and PNG at 1×, 2× and 4×, and the whole package", async () => {
    await app.journey("downloads", async (page) => {
      await page.goto(app.url("/funds?region=150500&lang=en"));
      await waitForPortal(page);
      const chart = page.locator(".chart").first();
      const title = await chart.locator(".chart-title").textContent();
      await chart.locator(".table-toggle").click();
      const shown = await chart.locator(".chart-table tbody tr").evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
      const dialog = await openDialog(page, "download");

      // CSV: UTF-8 with a byte-order mark; one row per row of the chart's table, same values.
      const csv = await download(page, dialog.locator('[data-download="csv"]'));
      assert.match(csv.name, /^funds-150500\.csv$/);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a UTF-8 byte-order mark");
      const [header, ...records] = parseCsv(csv.bytes.toString("utf8").slice(1)).filter((r) => r.length > 1);
      assert.deepEqual(header.slice(2, 4), ["Value", "Unit"]);
      assert.equal(records.length, shown.length);
      records.forEach((r, i) => {
        const [group, label, value, unit] = shown[i];
        assert.deepEqual([r[0], r[1], r[3]], [group, label, unit], `row ${i}`);
        assert.equal(Number(r[2]), Number(value.replace(/,/g, "")), `row ${i}: value`);
        assert.match(r[7], /^F-|^[\w-]+$/, `row ${i}: figure id`);
      });

      // SVG: the card with title, unit and sources, at its size.
      const svg = await download(page, dialog.locator('[data-download="svg"]'));
      const text = svg.bytes.toString("utf8");
      const [, w, h] = text.match(/viewBox="0 0 (\d+) (\d+)"/).map(Number);
      assert.ok(text.includes(title.split(" ")[0]) && text.includes("Unit:") && text.includes("Source:"), "title, unit and source in the SVG");
      assert.ok(text.includes("Noto Sans CJK SC") && text.includes("WenQuanYi Micro Hei"), "a CJK font stack");
      // The fonts it names draw Chinese on this system (the PNG is drawn with them).
      assert.deepEqual(await tofuIn(page, "通辽市扶贫资金来源", ".chart-title"), []);

      // PNG: the same card at 1×, 2× and 4× its size; the browser decodes each.
      for (const scale of [1, 2, 4]) {
        const png = await download(page, dialog.locator(`[data-download="png-${scale}"]`));
        assert.equal(png.name, scale === 1 ? "funds-150500.png" : `funds-150500@${scale}x.png`);
        assert.deepEqual(pngSize(png.bytes), { width: w * scale, height: h * scale }, `PNG ${scale}×`);
        const decoded = await page.evaluate(async (b64) => {
          // Built from the bytes here: the portal's policy lets it fetch no data: address.
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext("2d");
          ctx.drawImage(bitmap, 0, 0);
          // The title's band is drawn (dark text on the light card).
          const band = ctx.getImageData(0, 0, bitmap.width, Math.round(bitmap.height * 0.06)).data;
          let ink = 0;
          for (let i = 0; i < band.length; i += 4) if (band[i] < 128) ink++;
          return { width: bitmap.width, height: bitmap.height, ink };
        }, png.bytes.toString("base64"));
        assert.deepEqual([decoded.width, decoded.height], [w * scale, h * scale]);
        assert.ok(decoded.ink > 50 * scale * scale, `PNG ${scale}×: the title is drawn (${decoded.ink} dark pixels)`);
        if (scale === 2) await writeFile(join(ROOT, "target", "e2e", "download-2x.png"), png.bytes);
      }

      // The whole package: every file the portal read, byte for byte.
      const zip = await download(page, dialog.locator('[data-download="package"]'));
      const listed = JSON.parse(execFileSync("python3", ["-c", `
import json, sys, zipfile, io
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
assert z.testzip() is None
print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))`], { input: zip.bytes }).toString());
      const descriptor = JSON.parse(await readFile(join(ROOT, "public", "data", "datapackage.json"), "utf8"));
      const expected = ["datapackage.json", ...descriptor.resources.map((r) => r.path)].sort();
      assert.deepEqual(Object.keys(listed).map((n) => n.replace(/^datapackage\//, "")).sort(), expected);
      for (const name of expected) {
        assert.equal(listed[`datapackage/${name}`], await readFile(join(ROOT, "public", "data", name), "utf8"), name);
      }

      // The files are fetched again for the archive: one that changed since the page read it is
      // named, and no archive is made.
      await page.route("**/data/funds.csv", (route) => route.fulfill({ status: 200, contentType: "text/csv; charset=utf-8", body: "id\nchanged\n" }));
      let saved = false;
      page.once("download", () => (saved = true));
      await dialog.locator('[data-download="package"]').click();
      await dialog.getByRole("alert").getByText("funds.csv has changed on the server since this page read it").waitFor();
      await page.unroute("**/data/funds.csv");
      assert.equal(saved, false, "no archive of changed files");
    });
  });

  test("the map downloads as a card with its legend and boundaries credit, and as the rows of its table", async () => {
    await app.journey("map-downloads", async (page) => {
      await page.goto(app.url("/map?lang=en"));
      await waitForPortal(page);
      await page.locator(".map-box svg path.region").first().waitFor({ timeout: 30_000 });
      const title = await page.locator("#map-title").textContent();
      const regions = await page.locator(".map-box svg path.region").count();
      await page.locator('button[aria-controls="map-table"]').click();
      await page.locator('.share-tools [data-share="download"]').click();
      const dialog = page.locator(".share-dialog[open]");
      await dialog.waitFor();

      const csv = await download(page, dialog.locator('[data-download="csv"]'));
      assert.equal(csv.name, "map.csv");
      const [, ...records] = parseCsv(csv.bytes.toString("utf8").slice(1)).filter((r) => r.length > 1);
      const shown = await page.locator(".map-table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
      assert.ok(shown.length > 0);
      assert.deepEqual(records.map((r) => r.slice(0, 4)), shown, "the CSV is the map's table");

      const svg = (await download(page, dialog.locator('[data-download="svg"]'))).bytes.toString("utf8");
      const [, w, h] = svg.match(/viewBox="0 0 (\d+) (\d+)"/).map(Number);
      assert.ok(svg.includes(title.trim()), "the title");
      assert.ok(svg.includes("No data") && svg.includes("Boundaries:"), "the legend and the boundaries credit");
      assert.equal((svg.match(/<path[^>]*class="region/g) ?? []).length, regions, "every region drawn on the page");
      assert.ok(!svg.includes("region-ring"), "no focus outlines");
      assert.match(svg, /<path[^>]*class="region[^"]*"[^>]*style="[^"]*stroke:/, "regions carry their styles");
      const png = await download(page, dialog.locator('[data-download="png-2"]'));
      assert.deepEqual(pngSize(png.bytes), { width: 2 * w, height: 2 * h });
      await writeFile(join(ROOT, "target", "e2e", "map-download-2x.png"), png.bytes);
    });
  });

  test("the citation gives GB/T 7714 and APA with the permalink and today's date", async () => {
    await app.journey("cite", async (page) => {
      await page.goto(app.url("/paired-assistance?measure=cadres&lang=en"));
      await waitForPortal(page);
      const title = await page.locator(".chart .chart-title").first().textContent();
      const id = await page.locator(".chart").first().getAttribute("id");
      const dialog = await openDialog(page, "cite");
      const [gbt, apa] = await dialog.locator("textarea").evaluateAll((ts) => ts.map((t) => t.value));
      const now = new Date();
      const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
      const permalink = app.url(`/paired-assistance?measure=cadres&lang=en#${id}`);
      assert.equal(gbt, `Gongkai · Poverty Alleviation Data. ${title}[DS/OL]. [${iso}]. ${permalink}.`);
      const month = now.toLocaleString("en-US", { month: "long" });
      assert.equal(apa, `Gongkai · Poverty Alleviation Data. (n.d.). ${title} [Data set]. Retrieved ${month} ${now.getDate()}, ${now.getFullYear()}, from ${permalink}`);
      // The permalink opens the same view.
      await page.goto(permalink);
      await waitForPortal(page);
      assert.equal(await page.locator(`#${id} .chart-title`).textContent(), title);
    });
  });
});
