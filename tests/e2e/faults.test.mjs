// Network faults, simulated in Chromium: a server error, a dropped connection, the browser taken
// offline and a slow network (both through the DevTools protocol), no answer, a body cut off
// mid-row, a web page or an image where a data file should be, and another site that refuses
// other sites (CORS). Each names the URL and what went wrong, offers a retry that recovers, and
// leaves everything that did arrive on screen.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal, holdBack } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

const DESCRIPTOR = "**/data/datapackage.json";

/** The load error's text once it shows; then retry with the fault gone and see the charts. */
async function failsThenRecovers(page, pattern, expected) {
  await page.goto(app.url("/?lang=en"));
  await page.locator(".load-error").waitFor({ timeout: 30_000 });
  const detail = await page.textContent(".load-error");
  assert.ok(detail.includes(app.url("/data/datapackage.json")), detail);
  assert.match(detail, expected);
  assert.equal(await page.locator(".chart").count(), 0);
  await page.unroute(pattern);
  await page.getByRole("button", { name: "Retry" }).click();
  await page.locator(".chart-box svg").first().waitFor();
  assert.equal(await page.locator(".load-error").count(), 0);
}

describe("network faults", () => {
  test("a server error (HTTP 500) on the package names the URL and status; retry recovers", async () => {
    await app.journey("fault-500", async (page) => {
      await page.route(DESCRIPTOR, (route) => route.fulfill({ status: 500, contentType: "text/plain", body: "boom" }));
      await failsThenRecovers(page, DESCRIPTOR, /HTTP 500/);
    }, { allowConsole: [/500/] });
  });

  test("a dropped connection (offline) names the URL; retry recovers", async () => {
    await app.journey("fault-offline", async (page) => {
      await page.route(DESCRIPTOR, (route) => route.abort("internetdisconnected"));
      await failsThenRecovers(page, DESCRIPTOR, /Could not connect to/);
    }, { allowConsole: [/ERR_INTERNET_DISCONNECTED|Failed to load/] });
  });

  test("no answer within the time limit names the URL and the limit; retry recovers", async () => {
    await app.journey("fault-timeout", async (page) => {
      await page.route(DESCRIPTOR, () => {}); // never answered
      await failsThenRecovers(page, DESCRIPTOR, /no answer within 20 s|20 s/);
    }, { allowConsole: [/.*/] });
  });

  test("a web page where the package should be is named as such, not parsed as data", async () => {
    await app.journey("fault-html", async (page) => {
      await page.route(DESCRIPTOR, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><title>Home</title><p>Welcome" }));
      await failsThenRecovers(page, DESCRIPTOR, /sent a web page \(text\/html; charset=utf-8\).*the address may be wrong/);
    });
  });

  test("resources that fail in different ways are each named; what arrived still shows; retry recovers", async () => {
    await app.journey("fault-resources", async (page) => {
      await page.route("**/data/observations.csv", (route) => route.fulfill({ status: 500, contentType: "text/plain", body: "boom" }));
      await page.route("**/data/pairings.csv", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>Home" }));
      await page.goto(app.url("/funds?lang=en"));
      await waitForPortal(page);
      const problems = await page.textContent(".data-problems");
      assert.ok(problems.includes(app.url("/data/observations.csv")) && /HTTP 500/.test(problems), problems);
      assert.ok(problems.includes(app.url("/data/pairings.csv")) && problems.includes("sent a web page"), problems);
      // The funds arrived whole and are drawn.
      await page.locator(".chart-box svg").first().waitFor();
      await screenshot(page, "fault-resources");
      await page.unroute("**/data/observations.csv");
      await page.unroute("**/data/pairings.csv");
      await page.locator(".data-problems").getByRole("button", { name: "Retry" }).click();
      await page.locator(".data-problems").waitFor({ state: "detached" });
      await page.locator(".chart-box svg").first().waitFor();
    }, { allowConsole: [/500/] });
  });

  test("a transfer cut off before its end is named as such, not read as a shorter file", async () => {
    // Another site that announces funds.csv's full length, sends half of it and hangs up.
    const dir = join(ROOT, "public", "data");
    const server = createServer(async (req, res) => {
      const name = new URL(req.url, "http://x").pathname.slice(1);
      const body = await readFile(join(dir, name)).catch(() => null);
      const headers = { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain; charset=utf-8" };
      if (!body) return res.writeHead(404, headers).end();
      res.writeHead(200, { ...headers, "Content-Length": body.length });
      if (name !== "funds.csv") return res.end(body);
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.socket.destroy(), 100));
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    const other = `http://127.0.0.1:${server.address().port}`;
    try {
      await app.journey("fault-truncated", async (page) => {
        await page.goto(app.url(`/poverty-exits?lang=en&data=${encodeURIComponent(`${other}/datapackage.json`)}`));
        await waitForPortal(page);
        const problems = await page.textContent(".data-problems");
        assert.ok(problems.includes(`${other}/funds.csv: reading the body failed`), problems);
        // Everything else arrived and shows.
        await page.locator(".chart-box svg").first().waitFor();
      }, { allowConsole: [/ERR_CONTENT_LENGTH_MISMATCH|Failed to load/] });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("network conditions and other sites", () => {
  /** A site on another port serving the default package; `headers(name)` gives each file's extra headers. */
  async function otherSite(headers) {
    const dir = join(ROOT, "public", "data");
    const server = createServer(async (req, res) => {
      const name = new URL(req.url, "http://x").pathname.slice(1);
      const body = await readFile(join(dir, name)).catch(() => null);
      const extra = headers(name);
      if (!body) return res.writeHead(404, extra).end();
      res.writeHead(200, { "Content-Type": name.endsWith(".json") ? "application/json" : "text/csv", ...extra }).end(body);
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    return { server, url: `http://127.0.0.1:${server.address().port}` };
  }

  test("the browser taken offline (DevTools network emulation) names the URL; back online, retry recovers", async () => {
    await app.journey("fault-cdp-offline", async (page, context) => {
      // The page itself loads; the browser goes offline before the package is asked for.
      const release = await holdBack(page, DESCRIPTOR);
      await page.goto(app.url("/?lang=en"));
      await page.locator(".loading").waitFor();
      await context.setOffline(true);
      release();
      await page.locator(".load-error").waitFor({ timeout: 30_000 });
      const detail = await page.textContent(".load-error");
      assert.ok(detail.includes(app.url("/data/datapackage.json")) && /Could not connect to/.test(detail), detail);
      await page.unroute(DESCRIPTOR);
      await context.setOffline(false);
      await page.getByRole("button", { name: "Retry" }).click();
      await page.locator(".chart-box svg").first().waitFor();
    }, { allowConsole: [/ERR_INTERNET_DISCONNECTED|Failed to load/] });
  });

  test("a slow network (DevTools throttling) shows the loading state and then everything", async () => {
    await app.journey("fault-cdp-slow", async (page, context) => {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      // 400 ms round trips and 100 KB/s: about a phone on a weak 3G signal.
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 100 * 1024, uploadThroughput: 50 * 1024 });
      // The start-up script asks for the data while the WebAssembly loads; one file is held until
      // the app runs, so that the app has something left to wait for.
      const release = await holdBack(page, /\/observations\.csv$/);
      await page.goto(app.url("/funds?lang=en"), { waitUntil: "commit", timeout: 60_000 });
      await page.waitForFunction(() => window.wasmBindings, null, { timeout: 60_000 });
      await page.locator(".loading").waitFor({ timeout: 60_000 });
      release();
      await page.locator(".chart-box svg").first().waitFor({ timeout: 90_000 });
      assert.equal(await page.locator(".data-problems, .load-error").count(), 0);
    });
  });

  test("another site that does not allow other sites to read its files (CORS) is explained, for the package and for one file", async () => {
    const closed = await otherSite(() => ({}));
    const half = await otherSite((name) => (name === "funds.csv" ? {} : { "Access-Control-Allow-Origin": "*" }));
    try {
      await app.journey("fault-cors", async (page) => {
        await page.goto(app.url(`/?lang=en&data=${encodeURIComponent(`${closed.url}/datapackage.json`)}`));
        await page.locator(".load-error").waitFor();
        const detail = await page.textContent(".load-error .error-detail");
        assert.ok(detail.includes(`${closed.url}/datapackage.json`) && detail.includes("Access-Control-Allow-Origin"), detail);

        await page.goto(app.url(`/poverty-exits?lang=en&data=${encodeURIComponent(`${half.url}/datapackage.json`)}`));
        await waitForPortal(page);
        const problems = await page.textContent(".data-problems");
        assert.ok(problems.includes(`${half.url}/funds.csv`) && problems.includes("funds.csv"), problems);
        // Everything else of that site arrived and shows.
        await page.locator(".chart-box svg").first().waitFor();
      }, { allowConsole: [/CORS|Access-Control-Allow-Origin|Failed to load resource|net::ERR_FAILED/] });
    } finally {
      for (const s of [closed, half]) s.server.close();
    }
  });

  test("an image served where a data file should be is named as such", async () => {
    await app.journey("fault-wrong-type", async (page) => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      await page.route("**/data/commitments.csv", (route) => route.fulfill({ status: 200, contentType: "image/png", body: png }));
      await page.goto(app.url("/funds?lang=en"));
      await waitForPortal(page);
      const problems = await page.textContent(".data-problems");
      assert.ok(problems.includes("commitments.csv: the file is not text but a PNG image"), problems);
      await page.locator(".chart-box svg").first().waitFor();
    });
  });
});
