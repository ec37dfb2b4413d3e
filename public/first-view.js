// The first view, decided before the page is first painted. tools/postbuild.mjs links this file
// (hashed) at the top of <head> as a plain, render-blocking script: the Content-Security-Policy
// allows no inline script, and it must run before anything is drawn.
//
// The build pre-renders the overview into the page (#first-view, tools/prerender.mjs): "/" with
// the default data, in 简体中文, light theme. It is this visit's first view only when the app would
// itself start on exactly that view; then `first-view` is set on <html>, the stylesheet shows it
// and keeps the app out of sight until the app takes over (src/ui/first_view.rs), and the start-up
// script loads the app once the first view is painted. Otherwise the app's WebAssembly is preloaded
// here, as the page needs it at once, and so is the data package (see `prefetchPackage`).
//
// How the app picks its starting language and theme is in src/ui/i18n.rs (`initial_locale`,
// `Locale::from_tag` in src/i18n.rs) and src/ui/theme.rs; tests/e2e/first-view.test.mjs checks
// that this script agrees with the app for every way a language or theme can be chosen.
(function () {
  var root = document.documentElement;
  var script = document.currentScript;

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage refused (privacy settings): the app falls back the same way
    }
  }

  // A language tag's portal locale ("en", "zh-Hans", "zh-Hant"), or null.
  function locale(tag) {
    var parts = String(tag).trim().toLowerCase().replace(/_/g, "-").split("-");
    if (parts[0] === "en") return "en";
    if (parts[0] !== "zh") return null;
    var rest = parts.slice(1);
    var traditional = rest.some(function (p) { return p === "hant" || p === "tw" || p === "hk" || p === "mo"; });
    return traditional && rest.indexOf("hans") < 0 ? "zh-Hant" : "zh-Hans";
  }

  function startingLocale() {
    var saved = stored("gongkai-locale");
    if (saved !== null && locale(saved)) return locale(saved);
    var languages = navigator.languages || [];
    for (var i = 0; i < languages.length; i++) if (locale(languages[i])) return locale(languages[i]);
    return "zh-Hans";
  }

  function startingTheme() {
    var saved = stored("gongkai-theme");
    if (saved === "light" || saved === "dark") return saved;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  // The data package, fetched while the app's WebAssembly loads: its descriptor, then the files the
  // portal reads (src/data/resources.rs `ALL`). The app takes each response from `gkPrefetched`
  // (by absolute URL, once) instead of asking again (src/ui/load.rs `fetch`); an address it would
  // not use (a `?data=` it refuses) costs one request and is never read.
  var RESOURCES = ["regions", "sources", "indicators", "pairings", "observations", "funds", "commitments"];
  function prefetchPackage() {
    var fetched = (window.gkPrefetched = {});
    function start(url) {
      var controller = new AbortController();
      var response = fetch(url, { signal: controller.signal });
      // A failure is the app's to report, when it takes the response; not an unhandled rejection.
      response.catch(function () {});
      fetched[url] = { response: response, controller: controller };
      return response;
    }
    var asked = new URLSearchParams(location.search).get("data");
    var descriptor;
    try {
      // As the app resolves it: against the site's root (src/ui/load.rs `absolute_url`).
      descriptor = new URL(asked && asked.trim() ? asked.trim() : "data/datapackage.json", location.origin + "/");
    } catch (e) {
      return;
    }
    if (descriptor.protocol !== "http:" && descriptor.protocol !== "https:") return;
    start(descriptor.href)
      .then(function (response) {
        return response.ok ? response.clone().json() : null;
      })
      .then(function (package_) {
        var resources = (package_ && Array.isArray(package_.resources) && package_.resources) || [];
        resources.forEach(function (resource) {
          if (resource && RESOURCES.indexOf(resource.name) >= 0 && typeof resource.path === "string") start(new URL(resource.path, descriptor).href);
        });
      })
      .catch(function () {}); // the app fetches again and reports what went wrong
  }

  var show = location.pathname === "/" && location.search === "" && startingLocale() === "zh-Hans" && startingTheme() === "light";
  if (show) {
    root.classList.add("first-view");
    return;
  }
  // Not this visit's view: out of the document before anything can find it.
  document.addEventListener("DOMContentLoaded", function () {
    var first = document.getElementById("first-view");
    if (first) first.remove();
  });
  prefetchPackage();
  if (script && script.dataset.wasm) {
    var preload = document.createElement("link");
    preload.rel = "preload";
    preload.as = "fetch";
    preload.type = "application/wasm";
    preload.crossOrigin = "anonymous";
    if (script.dataset.wasmIntegrity) preload.integrity = script.dataset.wasmIntegrity;
    preload.href = script.dataset.wasm;
    document.head.appendChild(preload);
  }
})();
