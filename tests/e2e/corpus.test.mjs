// The malformed-data corpus in the browser: every fixture of tests/fixtures/invalid/ (wrong types,
// missing columns, bad encodings, byte-order marks, huge numbers, NaN, empty and binary files,
// broken JSON, wrong references…) is published on another site and opened with ?data=. Each
// shows exactly its located messages (the same as the checker's, tests/data_package.rs), nothing
// fails in the page, and whatever is valid still shows. Files of 50 MB are refused with their
// size without being read to the end.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, waitForPortal, screenshot } from "./harness.mjs";

const FIXTURES = join(ROOT, "tests", "fixtures");
const BIG = 50 * 1024 * 1024;

/** The package of fixture `name` (null: the base fixture alone) at `path`, as bytes, or null. */
async function file(name, path) {
  const places = [name && join(FIXTURES, "invalid", name, path), join(FIXTURES, "base", path)].filter(Boolean);
  if (path === "datapackage.json") {
    if (name) {
      const own = await readFile(places[0]).catch(() => null);
      if (own) return own;
    }
    // The published descriptor without its stories (they show the default data's charts).
    const descriptor = JSON.parse(await readFile(join(ROOT, "public", "data", "datapackage.json"), "utf8"));
    delete descriptor["gongkai:stories"];
    return Buffer.from(JSON.stringify(descriptor));
  }
  for (const p of places) {
    const bytes = await readFile(p).catch(() => null);
    if (bytes) return bytes;
  }
  return null;
}

let app, server, site;
before(async () => {
  app = await startApp();
  // Another publisher's site: /<fixture>/<file> serves that fixture's package; /big/ and
  // /big-chunked/ serve the base package with a 50 MB observations.csv, with and without its length.
  server = createServer(async (req, res) => {
    const cors = { "Access-Control-Allow-Origin": "*" };
    const [, name, path] = decodeURIComponent(new URL(req.url, "http://x").pathname).split("/");
    const type = path.endsWith(".json") ? "application/json" : "text/csv";
    if (name.startsWith("big") && path === "observations.csv") {
      const chunked = name === "big-chunked";
      res.writeHead(200, { ...cors, "Content-Type": type, ...(chunked ? {} : { "Content-Length": BIG }) });
      const piece = Buffer.alloc(1024 * 1024, "o9,131000,poor_households,2017-12,1,households,exact,actual,s2,x,1戶,,,,,,\n");
      for (let sent = 0; sent < BIG && !res.destroyed; sent += piece.length) {
        if (!res.write(piece)) {
          await new Promise((ok) => {
            const done = () => (res.off("drain", done), res.off("close", done), ok());
            res.on("drain", done).on("close", done);
          });
        }
      }
      res.end();
      return;
    }
    const bytes = await file(name.startsWith("big") ? null : name, path);
    if (!bytes) return res.writeHead(404, cors).end();
    res.writeHead(200, { ...cors, "Content-Type": type, "Content-Length": bytes.length }).end(bytes);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  site = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await app?.stop();
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
});

/** The page's problems once loaded: the data-issues panel's items, or the error view's text. */
async function shown(page) {
  await waitForPortal(page);
  const error = page.locator(".load-error");
  if (await error.count()) return { fatal: await error.textContent(), items: [] };
  const items = await page.locator(".data-problems li").allTextContents();
  return { fatal: null, items };
}

describe("malformed data corpus", () => {
  test("every fixture shows its exact located messages, and the valid rest still shows", async () => {
    const names = (await readdir(join(FIXTURES, "invalid"))).sort();
    assert.ok(names.length >= 70, `${names.length} fixtures`);
    await app.journey("corpus", async (page) => {
      for (const name of names) {
        const expected = (await readFile(join(FIXTURES, "invalid", name, "expected.txt"), "utf8")).split("\n").filter(Boolean);
        const broken = await readdir(join(FIXTURES, "invalid", name));
        // A page drawn from files the fixture leaves intact: funds, or poverty exits if it breaks funds.
        const view = broken.includes("funds.csv") ? "/poverty-exits" : "/funds";
        await page.goto(app.url(`${view}?lang=en&data=${encodeURIComponent(`${site}/${name}/datapackage.json`)}`));
        const got = await shown(page);
        if (got.fatal !== null) {
          // The descriptor itself cannot be read: its one message, with a retry.
          assert.equal(expected.length, 1, `${name}: ${got.fatal}`);
          assert.ok(got.fatal.includes(expected[0].replace(/^datapackage\.json/, "")), `${name}: ${got.fatal}\n  expected ${expected[0]}`);
          assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 1, `${name}: a retry`);
          continue;
        }
        // Why a file could not be had is the transport's own words (HTTP here, the disk's natively).
        const transport = (m) => m.replace(/(the file could not be read: ).*/, "$1…");
        assert.deepEqual(got.items.map((t) => transport(t.trim())), expected.map(transport), name);
        // Whatever is valid still shows, unless the fixture breaks a table every figure refers to.
        if (!broken.some((f) => ["regions.csv", "sources.csv", "indicators.csv", "datapackage.json"].includes(f))) {
          assert.ok((await page.locator(".chart-box svg").count()) > 0, `${name}: charts still show on ${view}`);
        }
      }
    }, { allowConsole: [/404 \(Not Found\)/] }); // fixture 49 names a file that is not there
  });

  for (const [kind, words] of [["big", "the file is 50 MB; the portal reads files of at most 20 MB"], ["big-chunked", "the file is larger than 20 MB, the most the portal reads"]]) {
    test(`a 50 MB file ${kind === "big" ? "announcing its length" : "sent without its length"} is refused with its size, the rest shows`, async () => {
      await app.journey(`corpus-${kind}`, async (page) => {
        const started = Date.now();
        await page.goto(app.url(`/funds?lang=en&data=${encodeURIComponent(`${site}/${kind}/datapackage.json`)}`));
        const got = await shown(page);
        assert.equal(got.fatal, null);
        assert.deepEqual(got.items.map((t) => t.trim()), [`observations.csv: ${words}`]);
        await page.locator(".chart-box svg").first().waitFor();
        assert.ok(Date.now() - started < 20_000, "refused without waiting for the whole file");
        await screenshot(page, `corpus-${kind}`);
      });
    });
  }
});
