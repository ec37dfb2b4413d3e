// Pre-renders the portal's first view at build time (called by tools/postbuild.mjs): the built app
// is opened in headless Chromium on "/" (the overview, default data, 简体中文, light theme, a phone's
// width) and what it shows is copied into the page as #first-view. A reader who arrives on that
// view sees it from the HTML alone; the app loads after it is painted and takes over once its data
// is in (public/first-view.js, src/ui/first_view.rs).
//
// The copy is the app's own DOM, so it cannot drift from the app. Its ids (and the references to
// them) get an `fv-` prefix, since the app's page is in the document too until it takes over. Its
// links work (they load the page they name); its buttons and fields are disabled, as nothing
// answers them until the app has taken over.
import { launchChromium } from "./chromium.mjs";
import { startStaticServer } from "./static-server.mjs";

/** The width the first view is drawn at: the Lighthouse mobile preset's phone. */
export const WIDTH = 412;
/** The prefix of the first view's ids. */
export const ID_PREFIX = "fv-";

/** The app's overview as built in `dir` (served from it), as the markup of #first-view's content.
 *  Errors in the page fail it, except console errors matching one of `ignore` (regexps). */
export async function prerender(dir, { ignore = [] } = {}) {
  const { server, url } = await startStaticServer(dir, 0);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 823 }, locale: "zh-CN", colorScheme: "light", serviceWorkers: "block" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && !ignore.some((re) => re.test(m.text())) && errors.push(m.text()));
    await page.goto(`${url}/`);
    // The app has taken over its own (still empty) first view and painted its chart.
    await page.waitForFunction(() => ["gk:took-over", "gk:chart-painted"].every((m) => performance.getEntriesByName(m).length), null, { timeout: 60_000 });
    if (errors.length) throw new Error(`errors in the page: ${errors.join(" | ")}`);
    const markup = await page.evaluate(copy, ID_PREFIX);
    if (!markup.includes("<h1")) throw new Error("the overview has no heading");
    return markup;
  } catch (err) {
    err.message = `pre-rendering the first view: ${err.message}`;
    throw err;
  } finally {
    await browser.close();
    server.close();
  }
}

/** In the page: the markup of #app, without comments, with ids prefixed and controls disabled. */
function copy(prefix) {
  const root = document.getElementById("app").cloneNode(true);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.remove();
  const ids = new Set([...root.querySelectorAll("[id]")].map((el) => el.id));
  const rename = (id) => (ids.has(id) ? prefix + id : id);
  for (const el of root.querySelectorAll("[id]")) el.id = prefix + el.id;
  for (const attr of ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-activedescendant", "aria-details", "aria-errormessage", "list"]) {
    for (const el of root.querySelectorAll(`[${attr}]`)) el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).map(rename).join(" "));
  }
  for (const el of root.querySelectorAll('a[href^="#"]')) el.setAttribute("href", `#${rename(el.getAttribute("href").slice(1))}`);
  // SVG references inside charts (url(#…), href="#…") keep working once renamed too.
  for (const el of root.querySelectorAll("svg *")) {
    for (const a of [...el.attributes]) {
      if (/url\(#/.test(a.value)) el.setAttribute(a.name, a.value.replace(/url\(#([^)]+)\)/g, (_, id) => `url(#${rename(id)})`));
      if ((a.name === "href" || a.name === "xlink:href") && a.value.startsWith("#")) el.setAttribute(a.name, `#${rename(a.value.slice(1))}`);
    }
  }
  for (const el of root.querySelectorAll("button, input, select, textarea")) el.setAttribute("disabled", "");
  return root.innerHTML;
}
