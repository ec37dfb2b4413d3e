/*
 * Gongkai (公开) service worker: after one visit the portal opens and runs without network.
 *
 * On install it caches the page, every file the page links (the hashed JS, wasm and CSS), the
 * default data package (datapackage.json and every CSV it names), the first map view's
 * boundaries and the search index. Afterwards:
 *   - hashed build files are served from the cache (their names change when they do);
 *   - everything else of this site (pages, data, boundary files) is fetched from the network when
 *     it answers, the copy in the cache refreshed, and served from the cache when it does not.
 * Each cached response carries `x-gongkai-cached` (when it was stored, ISO 8601), which the page
 * shows as the data's freshness. The portal uses the fonts of the reader's system; there are no
 * font files to cache.
 */
"use strict";
const CACHE = "gongkai-v1";
// As deploy/policy.mjs: the hash is hex without leading zeros, up to 16 digits.
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/;

function scoped(path) {
  return new URL(path, self.registration.scope).href;
}

async function store(cache, url, response) {
  if (!response || !response.ok) return;
  const headers = new Headers(response.headers);
  headers.set("x-gongkai-cached", new Date().toISOString());
  const body = await response.blob();
  await cache.put(url, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

/** Fetches `url` from the network and keeps a copy under `key`. */
async function fetchAndStore(cache, url, key = url) {
  const response = await fetch(url, { cache: "no-cache" });
  await store(cache, key, response.clone());
  return response;
}

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetchAndStore(cache, scoped("./"));
  const html = await page.text();
  // The page's files (the app's WebAssembly is named by the first-view script's data-wasm); not
  // the links of its pre-rendered first view, which are routes answered with this same page.
  const linked = [...html.matchAll(/(?:href|src|data-wasm)="([^"#]+)"/g)]
    .map((m) => scoped(m[1]))
    .filter((u) => u.startsWith(self.location.origin) && /\.[a-z0-9]+$/i.test(new URL(u).pathname));
  const descriptor = await fetchAndStore(cache, scoped("data/datapackage.json"));
  const resources = ((await descriptor.json()).resources ?? []).map((r) => scoped(`data/${r.path}`));
  const rest = [...new Set([...linked, ...resources, scoped("geo/china.topo.json"), scoped("geo/names.json"), scoped("embed.js")])];
  await Promise.all(rest.map((u) => fetchAndStore(cache, u).catch(() => null)));
  const clients = await self.clients.matchAll({ includeUncontrolled: true });
  for (const c of clients) c.postMessage({ type: "gongkai:cached" });
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Every route of the single-page app is the same page.
  const key = request.mode === "navigate" ? scoped("./") : url.href;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (HASHED.test(url.pathname)) {
      const hit = await cache.match(key);
      if (hit) return hit;
    }
    try {
      const response = await fetch(request.url, { cache: "no-cache" });
      // The page reads the body as it arrives; the copy is stored alongside.
      event.waitUntil(store(cache, key, response.clone()));
      return response;
    } catch (error) {
      const hit = await cache.match(key);
      if (hit) return hit;
      throw error;
    }
  })());
});
