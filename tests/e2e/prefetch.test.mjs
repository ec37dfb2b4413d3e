// The data package fetched while the app's WebAssembly loads (public/first-view.js): every file the
// portal reads is asked for before the WebAssembly has arrived, and once only: the app takes those
// responses (src/ui/load.rs). On the pre-rendered first view nothing is fetched early, so that
// nothing competes with it.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, holdBack } from "./harness.mjs";

const RESOURCES = ["regions", "sources", "indicators", "pairings", "observations", "funds", "commitments"];
let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** The default package's descriptor and the files the portal reads, as paths on the site. */
async function packagePaths() {
  const descriptor = JSON.parse(await readFile(join(ROOT, "public", "data", "datapackage.json"), "utf8"));
  const files = descriptor.resources.filter((r) => RESOURCES.includes(r.name)).map((r) => `/data/${r.path}`);
  assert.equal(files.length, RESOURCES.length, "the default package has every resource");
  return ["/data/datapackage.json", ...files];
}

/** Counts the requests for each path from now on, and when each was first asked for. */
function watchRequests(page) {
  const seen = new Map();
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    const entry = seen.get(path) ?? { count: 0, at: Date.now() };
    entry.count += 1;
    seen.set(path, entry);
  });
  return seen;
}

describe("data fetched while the app loads", () => {
  test("another page: every file of the package asked for before the WebAssembly arrives, and once only", async () => {
    const paths = await packagePaths();
    await app.journey("prefetch-funds", async (page) => {
      const seen = watchRequests(page);
      const release = await holdBack(page, /\.wasm$/);
      const navigation = page.goto(app.url("/funds"), { waitUntil: "commit" });
      // With the WebAssembly held back, only the start-up script can ask for the files.
      await page.waitForFunction((n) => performance.getEntriesByType("resource").filter((r) => r.name.includes("/data/")).length >= n, paths.length);
      for (const path of paths) assert.equal(seen.get(path)?.count, 1, `${path} asked for before the app started`);
      release();
      await navigation;
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.locator("main svg").first().waitFor();
      await page.waitForFunction(() => performance.getEntriesByName("gk:data-ready").length > 0);
      for (const path of paths) assert.equal(seen.get(path)?.count, 1, `${path} asked for once in all`);
      // Every prefetched response was taken by the app.
      assert.deepEqual(await page.evaluate(() => Object.keys(window.gkPrefetched ?? {})), []);
    });
  });

  test("a package named in the address is fetched early too, and its failure is reported by the app", async () => {
    await app.journey(
      "prefetch-missing",
      async (page) => {
        const seen = watchRequests(page);
        await page.goto(app.url("/funds?data=/missing/datapackage.json"));
        await page.getByText("/missing/datapackage.json").first().waitFor();
        await page.getByRole("button", { name: "重试" }).waitFor();
        assert.equal(seen.get("/missing/datapackage.json")?.count, 1, "asked for once, by the start-up script; the app read its answer");
      },
      { allowConsole: [/404/] },
    );
  });

  test("the first view: the package is asked for by the app, after the first view is painted", async () => {
    const paths = await packagePaths();
    await app.journey("prefetch-first-view", async (page) => {
      const seen = watchRequests(page);
      await page.goto(app.url("/"));
      await page.waitForFunction(() => performance.getEntriesByName("gk:data-ready").length > 0);
      const order = await page.evaluate(() => ({
        painted: performance.getEntriesByName("gk:first-view")[0]?.startTime,
        data: Math.min(...performance.getEntriesByType("resource").filter((r) => r.name.includes("/data/")).map((r) => r.startTime)),
      }));
      assert.ok(order.painted > 0 && order.data >= order.painted, `data asked for at ${order.data} ms, first view painted at ${order.painted} ms`);
      for (const path of paths) assert.equal(seen.get(path)?.count, 1, `${path} asked for once`);
    });
  });
});
