// Hostile text: a package whose every text field (names, titles, notes, sources, quotations,
// tasks, story titles, talking points and notes) carries an XSS payload is shown on every kind of
// page, in tooltips, dialogs, embeds, presentations and downloads; no script runs, and no `on*`
// attribute, `javascript:` address or injected element reaches the page.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, parseCsv } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** Payloads that run `window.__xss = …` if any of them is ever parsed as markup or code. */
export const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=2">`,
  `"><svg onload=window.__xss=3>`,
  `'><svg/onload=window.__xss=4>`,
  `javascript:window.__xss=5`,
  `<a href="javascript:window.__xss=6">link</a>`,
  `</textarea><script>window.__xss=7</script>`,
  `</title><script>window.__xss=8</script>`,
  `<iframe srcdoc="<script>parent.__xss=9</script>"></iframe>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=10>`,
  `]]><script>window.__xss=11</script>`,
  `<!--<img src=x onerror=window.__xss=12>-->`,
  `<object data="javascript:window.__xss=13"></object>`,
  `<embed src="javascript:window.__xss=14">`,
  `<details open ontoggle=window.__xss=15>`,
  `<input autofocus onfocus=window.__xss=16>`,
  `<video><source onerror=window.__xss=17></video>`,
  `<marquee onstart=window.__xss=18>`,
  `" onmouseover="window.__xss=19" x="`,
  `<base href="javascript:window.__xss=20//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss=21">`,
  `{{constructor.constructor('window.__xss=22')()}}`,
  `<svg><a xlink:href="javascript:window.__xss=23"><text>x</text></a></svg>`,
  `<style>*{background:url("javascript:window.__xss=24")}</style>`,
  `&lt;script&gt;window.__xss=25&lt;/script&gt;`,
  `=HYPERLINK("javascript:window.__xss=26","x")`,
];

const TEXT_COLUMN = /^(name|task|responsible|partner|note)_(zh_hans|zh_hant|en)$|^(title|publisher|locator)$/;

/** One CSV field, quoted. */
const field = (v) => `"${v.replace(/"/g, '""')}"`;

/** The default package with a payload appended to every text field. */
async function hostilePackage() {
  let n = 0;
  const next = () => PAYLOADS[n++ % PAYLOADS.length];
  const files = {};
  const descriptor = JSON.parse(await readFile(join(ROOT, "public", "data", "datapackage.json"), "utf8"));
  for (const resource of descriptor.resources) {
    const [header, ...rows] = parseCsv(await readFile(join(ROOT, "public", "data", resource.path), "utf8")).filter((r) => r.length > 1);
    const hostile = rows.map((r) => r.map((v, i) => (TEXT_COLUMN.test(header[i]) && v !== "" ? `${v} ${next()}` : v)));
    files[resource.path] = [header, ...hostile].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
  }
  descriptor.title = `${descriptor.title} ${next()}`;
  for (const story of descriptor["gongkai:stories"]) {
    for (const texts of [story.title, ...story.slides.flatMap((s) => [s.title, s.notes, ...s.points])]) {
      for (const lang of Object.keys(texts)) if (texts[lang]) texts[lang] = `${texts[lang]} ${next()}`;
    }
  }
  files["datapackage.json"] = JSON.stringify(descriptor);
  return { files, used: n };
}

const BASE = "http://hostile.example/pkg";
const DATA = `data=${encodeURIComponent(`${BASE}/datapackage.json`)}`;

/** Serves the hostile package to `page` from another site that allows the portal to read it. */
async function serve(page, files) {
  await page.route(`${BASE}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop();
    const body = files[name];
    if (body === undefined) return route.fulfill({ status: 404, headers: { "Access-Control-Allow-Origin": "*" }, body: "" });
    return route.fulfill({ status: 200, headers: { "Access-Control-Allow-Origin": "*" }, contentType: name.endsWith(".json") ? "application/json" : "text/csv", body });
  });
}

/** What in the page could only have come from a payload being parsed or run. */
async function injected(page) {
  return page.evaluate(() => {
    const found = [];
    if (window.__xss !== undefined || window.parent.__xss !== undefined) found.push(`window.__xss = ${window.__xss ?? window.parent.__xss}`);
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        if (/^(href|src|xlink:href|action|formaction|data|srcdoc)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) found.push(`<${el.localName} ${a.name}="${a.value}">`);
      }
      const inBody = document.body.contains(el);
      if (inBody && ["script", "iframe", "object", "embed", "img", "video", "audio", "marquee", "base", "meta", "style", "math"].includes(el.localName)) found.push(`<${el.localName}> in the body`);
    }
    return found;
  });
}

describe("hostile text", () => {
  test("XSS payloads in every text field of the data stay text on every page, in tooltips, dialogs, embeds, presentations and downloads", async () => {
    const { files, used } = await hostilePackage();
    assert.ok(used >= PAYLOADS.length * 3, `every payload is used several times (${used} fields)`);
    await app.journey("hostile", async (page) => {
      await serve(page, files);
      const visit = async (path, ready = ".chart-box svg, table, .slide") => {
        await page.goto(app.url(`${path}${path.includes("?") ? "&" : "?"}${DATA}`));
        await page.locator(ready).first().waitFor({ state: "attached", timeout: 30_000 });
        assert.deepEqual(await injected(page), [], path);
      };
      await visit("/");
      // The hostile package is the one shown, whole (payloads are valid text), its title as text.
      assert.equal(await page.locator(".data-problems").count(), 0, "no data problems");
      assert.match(await page.locator(".data-notice").first().textContent(), /Gongkai default dataset.*window\.__xss/);
      // The payloads are shown, as text.
      const shown = await page.evaluate(() => document.body.innerText);
      assert.ok(shown.includes("<script>window.__xss=1</script>") || shown.includes("window.__xss"), "payload text is visible as text");
      for (const path of ["/poverty-exits", "/funds", "/funds?region=150500", "/paired-assistance", "/paired-assistance?measure=cadres", "/paired-assistance?measure=projects", "/commitments", "/sources", "/explore?tab=table", "/explore?indicator=poverty_exits_persons", "/regions/150500", "/indicators/poor_households"]) {
        await visit(path);
      }
      await visit("/map?indicator=poor_households", ".map-box svg path.region");
      await visit("/map?show=flows", ".map-box svg");

      // Tooltips: every mark of the funds chart, by keyboard.
      await visit("/funds?region=150500");
      await page.locator(".chart-marks button").first().focus();
      for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
      assert.deepEqual(await injected(page), [], "tooltips");
      // The figure's provenance page with its quotation.
      await page.locator(".chart-marks button").first().click();
      await page.waitForURL(/\/figures\//);
      await page.locator("main h1").waitFor();
      assert.deepEqual(await injected(page), [], "provenance");

      // Dialogs, and the files they give.
      await visit("/funds?region=150500");
      for (const kind of ["embed", "cite", "download"]) {
        await page.locator(".chart").first().locator(`[data-share="${kind}"]`).click();
        await page.locator(".share-dialog[open]").waitFor();
        assert.deepEqual(await injected(page), [], kind);
        if (kind !== "download") await page.keyboard.press("Escape");
      }
      const dialog = page.locator(".share-dialog[open]");
      const [svgFile] = await Promise.all([page.waitForEvent("download"), dialog.locator('[data-download="svg"]').click()]);
      const svg = await readFile(await svgFile.path(), "utf8");
      const inSvg = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        const found = doc.querySelector("parsererror") ? ["not well-formed"] : [];
        for (const el of doc.querySelectorAll("*")) {
          if (["script", "foreignObject", "iframe", "img", "image", "a", "use"].includes(el.localName)) found.push(`<${el.localName}>`);
          for (const a of el.attributes) if (/^on/i.test(a.name) || /javascript:/i.test(a.value)) found.push(`${el.localName} ${a.name}`);
        }
        return found;
      }, svg);
      assert.deepEqual(inSvg, [], "the SVG card is well-formed and holds the payloads as text only");
      assert.ok(svg.includes("&lt;script&gt;window.__xss=1&lt;/script&gt;") || svg.includes("window.__xss"), "payload text is in the card");
      const [csvFile] = await Promise.all([page.waitForEvent("download"), dialog.locator('[data-download="csv"]').click()]);
      const csv = await readFile(await csvFile.path(), "utf8");
      for (const row of parseCsv(csv.slice(1))) for (const cell of row) assert.ok(!/^[=+@]/.test(cell), `no cell starts a formula: ${cell}`);
      const [pngFile] = await Promise.all([page.waitForEvent("download"), dialog.locator('[data-download="png-1"]').click()]);
      assert.ok((await readFile(await pngFile.path())).length > 1000, "the PNG is drawn");
      assert.deepEqual(await injected(page), [], "downloads");

      // An embed, and a presentation with its notes.
      await visit("/embed/funds?region=150500&chart=funds-150500");
      await visit("/present/seed-results?slide=1");
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press("PageDown");
        assert.deepEqual(await injected(page), [], `slide ${i + 2}`);
      }
      await page.keyboard.press("g");
      assert.deepEqual(await injected(page), [], "overview");
      await visit("/present/seed-results/notes?slide=3", ".speaker-notes h1");
    });
  });
});
