// Network faults, simulated in Chromium: a server error, a dropped connection, no answer, a body
// cut off mid-row, and a web page where a data file should be. Each names the URL and what went
// wrong, offers a retry that recovers, and leaves everything that did arrive on screen.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal } from "./harness.mjs";

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
