// How the portal is served: the nginx site and _headers written from deploy/policy.mjs, the
// Content-Security-Policy enforced in the browser, framing allowed only on the embed route,
// integrity hashes on every file the page loads, and caching of hashed files. Every other journey
// also runs under this policy (the harness serves the build with this nginx configuration) and
// fails on any violation.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { get } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";

import { ROOT, startApp, waitForPortal } from "./harness.mjs";
import { filesUnder } from "../../tools/files.mjs";
import { startStaticServer } from "../../tools/static-server.mjs";
import { csp, headersFile, nginxConf, FRAMED_BY, CACHE, HASHED } from "../../deploy/policy.mjs";

const DIST = process.env.DIST ?? join(ROOT, "dist");
let app, host, hostDir;
before(async () => {
  app = await startApp();
  hostDir = await mkdtemp(join(tmpdir(), "gongkai-framing-"));
  host = await startStaticServer(hostDir);
});
after(async () => {
  await app?.stop();
  if (host) await new Promise((ok) => host.server.close(ok));
});

const head = (path) => fetch(app.url(path), { redirect: "manual" });
const directive = (policy, name) => policy.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe("deployment files", () => {
  test("deploy/nginx/gongkai.conf is the current output of deploy/policy.mjs", async () => {
    const committed = await readFile(join(ROOT, "deploy", "nginx", "gongkai.conf"), "utf8");
    assert.equal(committed, nginxConf(), "run: node deploy/policy.mjs nginx > deploy/nginx/gongkai.conf");
  });

  test("a hashed name is told by its hash of up to 16 hex digits (trunk drops leading zeros), the same in the service worker", async () => {
    for (const f of ["gongkai-46d1c28c1916f6dc_bg.wasm", "gongkai-1569f9670dded56_bg.wasm", "main-3d59fb5d5141a9d6.css", "boot-0a1.js"]) assert.ok(HASHED.test(f), f);
    for (const f of ["embed.js", "sw.js", "index.html", "first-view.js", "gongkai-46d1c28c1916f6dc0_bg.wasm", "data/observations.csv"]) assert.ok(!HASHED.test(f), f);
    const worker = await readFile(join(ROOT, "public", "sw.js"), "utf8");
    assert.ok(worker.includes(`const HASHED = ${HASHED};`), "public/sw.js names hashed files as deploy/policy.mjs does");
  });

  test("the build's _headers gives pages and embeds their policies and names every hashed file as immutable", async () => {
    const files = await filesUnder(DIST);
    const text = await readFile(join(DIST, "_headers"), "utf8");
    assert.equal(text, headersFile(files));
    const blocks = Object.fromEntries(text.split("\n\n").map((b) => b.replace(/^#.*\n/, "").split("\n")).map(([path, ...lines]) => [path, lines.map((l) => l.trim())]));
    assert.ok(blocks["/*"].includes(`Content-Security-Policy: ${csp("'none'")}`));
    assert.ok(blocks["/embed/*"].includes(`Content-Security-Policy: ${csp("*")}`));
    const hashed = files.filter((f) => HASHED.test(f));
    assert.ok(hashed.some((f) => f.endsWith("_bg.wasm")) && hashed.some((f) => f.startsWith("boot-")), hashed.join(" "));
    for (const f of hashed) assert.ok(blocks[`/${f}`]?.includes(`Cache-Control: ${CACHE.hashed}`), f);
  });
});

describe("headers served by nginx", () => {
  test("pages may not be framed; the embed route may; every response carries the policy and nosniff", async () => {
    for (const [path, ancestors] of [["/", FRAMED_BY.page], ["/funds?lang=en", FRAMED_BY.page], ["/embed.js", FRAMED_BY.page], ["/embedded", FRAMED_BY.page], ["/embed", FRAMED_BY.embed], ["/embed/funds?chart=x", FRAMED_BY.embed], ["/embed?lang=en", FRAMED_BY.embed]]) {
      const res = await head(path);
      assert.equal(res.status, 200, path);
      const policy = res.headers.get("content-security-policy");
      assert.equal(policy, csp(ancestors), path);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
    }
    const policy = csp(FRAMED_BY.page);
    assert.equal(directive(policy, "script-src"), "script-src 'self' 'wasm-unsafe-eval'");
    for (const d of ["object-src 'none'", "base-uri 'none'", "default-src 'none'"]) assert.ok(policy.includes(d), d);
    assert.ok(!directive(policy, "script-src").includes("unsafe-inline"));
  });

  test("hashed files are cached for a year; the page, data and service worker are revalidated; types are right", async () => {
    const html = await readFile(join(DIST, "index.html"), "utf8");
    const wasm = html.match(/"\/([^"]+_bg\.wasm)"/)[1];
    const wasmRes = await head(`/${wasm}`);
    assert.equal(wasmRes.headers.get("cache-control"), CACHE.hashed);
    assert.equal(wasmRes.headers.get("content-type"), "application/wasm");
    for (const path of ["/", "/map", "/data/datapackage.json", "/sw.js", "/embed.js"]) {
      assert.equal((await head(path)).headers.get("cache-control"), CACHE.other, path);
    }
    const csv = await head("/data/observations.csv");
    assert.equal(csv.headers.get("content-type"), "text/csv; charset=utf-8");
    assert.equal((await head("/data/datapackage.json")).headers.get("content-type"), "application/json; charset=utf-8");
  });

  test("text and wasm go out as the build's brotli copies (byte for byte), gzip or plain to browsers without brotli", async () => {
    const html = await (await head("/")).text();
    const wasm = html.match(/"\/([^"]+_bg\.wasm)"/)[1];
    for (const path of [wasm, "data/observations.csv", "geo/china.topo.json"]) {
      const raw = (encoding) => new Promise((ok, fail) => {
        const url = new URL(app.url(`/${path}`));
        // node's fetch decodes bodies; the bytes on the wire are read with http.get.
        get(url, { headers: { "Accept-Encoding": encoding } }, (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => ok({ encoding: res.headers["content-encoding"], vary: res.headers.vary, body: Buffer.concat(chunks) }));
        }).on("error", fail);
      });
      const br = await raw("gzip, deflate, br");
      assert.equal(br.encoding, "br", path);
      assert.match(br.vary ?? "", /Accept-Encoding/i, path);
      assert.ok(br.body.equals(await readFile(join(DIST, `${path}.br`))), `${path}: the precompressed copy is what is sent`);
      assert.ok(brotliDecompressSync(br.body).equals(await readFile(join(DIST, path))), `${path}: the copy decodes to the file`);
      assert.equal((await raw("gzip")).encoding, "gzip", path);
      assert.equal((await raw("identity")).encoding, undefined, path);
    }
  });

  test("a missing file is a 404, never the page; a route is the page", async () => {
    for (const path of ["/data/no-such.csv", "/geo/nowhere.topo.json", "/no-such-0123456789abcdef.js"]) {
      const res = await head(path);
      assert.equal(res.status, 404, path);
      assert.ok(!(res.headers.get("content-type") ?? "").startsWith("text/html") || !(await res.text()).includes("<noscript>"), path);
    }
    const route = await head("/present/seed-results?slide=2");
    assert.equal(route.status, 200);
    assert.ok((await route.text()).includes("<noscript>"));
  });
});

describe("the page's own files", () => {
  test("no inline script; every script, style, icon and preload carries the sha384 of the bytes served", async () => {
    const html = await (await head("/")).text();
    assert.equal([...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)].length, 0, "no inline script");
    assert.ok(!/<base\b/.test(html), "no <base> (base-uri 'none')");
    const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
    const own = tags.filter((t) => /\s(src|href)="\//.test(t));
    assert.ok(own.length >= 5, own.join("\n"));
    for (const tag of own) {
      const path = tag.match(/\s(?:src|href)="([^"]+)"/)[1];
      const integrity = tag.match(/\sintegrity="sha384-([^"]+)"/)?.[1];
      assert.ok(integrity, `${tag} has an integrity hash`);
      const body = Buffer.from(await (await head(path)).arrayBuffer());
      assert.equal(integrity, createHash("sha384").update(body).digest("base64"), path);
    }
  });
});

describe("the policy in the browser", () => {
  test("the portal runs under it; markup injected into the page cannot run script", async () => {
    const violations = [];
    await app.journey("csp-enforced", async (page) => {
      await page.goto(app.url("/funds"));
      await waitForPortal(page);
      await page.locator(".chart-box svg").first().waitFor();
      assert.deepEqual(violations, [], "the portal itself needs nothing the policy refuses");
      await page.evaluate(() => {
        const div = document.createElement("div");
        div.innerHTML = `<img src="/favicon.svg?x" onerror="window.__ran = 'attribute'"><a href="javascript:window.__ran='link'">x</a>`;
        document.body.append(div);
        const script = document.createElement("script");
        script.textContent = "window.__ran = 'inline'";
        document.body.append(script);
        div.querySelector("a").click();
      });
      for (let i = 0; i < 40 && violations.length < 2; i++) await page.waitForTimeout(50);
      assert.equal(await page.evaluate(() => window.__ran ?? null), null, "no injected script ran");
      const kinds = violations.map((v) => v.split(" ")[0]);
      assert.ok(kinds.includes("script-src-elem"), violations.join("\n"));
      assert.ok(kinds.includes("script-src-attr"), violations.join("\n"));
    }, { cspViolations: violations, allowConsole: [/Content Security Policy/, /404 \(Not Found\)/] });
  });

  test("another site can frame an embed but not a page of the portal", async () => {
    await writeFile(
      join(hostDir, "framing.html"),
      `<!doctype html><title>Article</title>
       <iframe id="embed" src="${app.url("/embed/funds?lang=en")}" width="600" height="500"></iframe>
       <iframe id="page" src="${app.url("/funds?lang=en")}" width="600" height="500"></iframe>`,
    );
    await app.journey("csp-framing", async (page) => {
      await page.goto(`${host.url}/framing.html`);
      const embed = page.frameLocator("#embed");
      await embed.locator(".chart-box svg").first().waitFor();
      const refused = page.frames().find((f) => f !== page.mainFrame() && !f.url().includes("/embed/"));
      // The refused frame ends on the browser's error page, never the portal.
      for (let i = 0; i < 100 && !refused.url().startsWith("chrome-error:"); i++) await page.waitForTimeout(50);
      assert.ok(refused.url().startsWith("chrome-error:"), `the page frame was not refused: ${refused.url()}`);
      assert.equal(await refused.locator(".site-header").count(), 0);
    }, { allowConsole: [/frame-ancestors|Refused to frame/, /404 \(Not Found\)/] });
  });
});
