// End-to-end journeys of officials presenting a story: keyboard and clicker keys, the overview,
// large type on a 16:9 screen, speaker notes in a second window kept in sync, printing one slide
// per page, and running with the network off after one visit.
import { before, after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, startApp, screenshot, waitForPortal, axe } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

const HD = { width: 1920, height: 1080 };

/** The default story's slides, from the published descriptor. */
async function slides() {
  const descriptor = JSON.parse(await readFile(join(ROOT, "public", "data", "datapackage.json"), "utf8"));
  return descriptor["gongkai:stories"][0].slides;
}

/** The number and title of the slide on screen. */
async function onScreen(page) {
  const slide = page.locator('.slide[data-current="true"]');
  await slide.locator(".chart svg").waitFor();
  return { number: (await slide.locator(".slide-number").textContent()).trim(), title: (await slide.locator("h1").textContent()).trim() };
}

describe("presenting", () => {
  test("an official opens the story from the portal and walks it by keyboard and clicker keys; the overview jumps; type is large on a 16:9 slide", async () => {
    const all = await slides();
    const n = all.length;
    await app.journey("present-walk", async (page) => {
      await page.goto(app.url("/"));
      await waitForPortal(page);
      await page.getByRole("navigation").getByRole("link", { name: "演示", exact: true }).click();
      await page.getByRole("link", { name: /五地脱贫攻坚/ }).click();
      assert.deepEqual(await onScreen(page), { number: `1 / ${n}`, title: all[0].title["zh-Hans"] });
      assert.equal(await page.locator(".site-header").count(), 0, "the slide fills the window");

      // A clicker sends Page Down and Page Up; the keyboard also has arrows, Space, Home and End.
      const expectSlide = async (i) => {
        await page.waitForURL((u) => new URL(u).searchParams.get("slide") === String(i + 1));
        assert.deepEqual(await onScreen(page), { number: `${i + 1} / ${n}`, title: all[i].title["zh-Hans"] });
      };
      await page.keyboard.press("PageDown");
      await expectSlide(1);
      await page.keyboard.press("ArrowRight");
      await expectSlide(2);
      await page.keyboard.press("Space");
      await expectSlide(3);
      await page.keyboard.press("Shift+Space");
      await expectSlide(2);
      await page.keyboard.press("PageUp");
      await expectSlide(1);
      await page.keyboard.press("End");
      await expectSlide(n - 1);
      await page.keyboard.press("PageDown");
      await expectSlide(n - 1);
      await page.keyboard.press("Home");
      await expectSlide(0);
      await page.goBack();
      await expectSlide(n - 1);

      // Every slide shows its chart with its sources and talking points.
      for (let i = 0; i < n; i++) {
        await page.goto(app.url(`/present/seed-results?slide=${i + 1}`));
        const slide = page.locator('.slide[data-current="true"]');
        await slide.locator(".chart svg").waitFor();
        assert.ok((await slide.locator(".chart-source a").count()) > 0, `slide ${i + 1}: sources`);
        assert.equal(await slide.locator(".slide-points li").count(), all[i].points.length, `slide ${i + 1}: points`);
      }

      // The controls say what they do, and stop at the ends.
      assert.equal((await page.locator('[data-step="next"]').textContent()).trim(), "下一张 →");
      assert.equal(await page.locator('[data-step="next"]').isDisabled(), true, "the last slide has no next");

      // Large type on a 16:9 slide that fits the screen.
      await page.goto(app.url("/present/seed-results?slide=4"));
      await onScreen(page);
      const box = await page.locator(".slides").boundingBox();
      assert.ok(Math.abs(box.width / box.height - 16 / 9) < 0.01 && box.width <= HD.width && box.height <= HD.height, JSON.stringify(box));
      const sizes = await page.locator('.slide[data-current="true"]').evaluate((s) =>
        ["h1", ".slide-number", ".slide-points li"].map((sel) => parseFloat(getComputedStyle(s.querySelector(sel)).fontSize)));
      for (const size of sizes) assert.ok(size >= 24, `type ${size}px`);
      // The chart is enlarged as far as the slide allows, and still fits in it.
      const chart = await page.locator('.slide[data-current="true"] .chart').evaluate((c) => ({
        zoom: parseFloat(c.style.zoom || "1"),
        bottom: c.getBoundingClientRect().bottom,
        slideBottom: c.closest(".slide").getBoundingClientRect().bottom,
      }));
      assert.ok(chart.zoom > 1.2 && chart.bottom <= chart.slideBottom + 1, JSON.stringify(chart));
      await screenshot(page, "present-slide-4", { fullPage: false });

      // The overview lists every slide; choosing one by keyboard goes there.
      await page.keyboard.press("g");
      const buttons = page.locator(".deck-overview button");
      assert.equal(await buttons.count(), n);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-current")), "true", "focus starts on the current slide");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expectSlide(4);
      assert.equal(await page.locator(".deck-overview").count(), 0, "the overview closes");
      // Full screen by its button and by "f"; "f" again leaves it.
      await page.getByRole("button", { name: "全屏" }).click();
      await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
      await page.keyboard.press("f");
      await page.waitForFunction(() => document.fullscreenElement === null);
      assert.deepEqual(await axe(page), []);
    }, { viewport: HD });
  });

  test("speaker notes open in a second window and follow the slides both ways", async () => {
    const all = await slides();
    await app.journey("present-notes", async (page, context) => {
      await page.goto(app.url("/present/seed-results?slide=2&lang=en"));
      await onScreen(page);
      const [notes] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Speaker notes" }).click()]);
      await notes.locator(".speaker-notes h1").waitFor();
      const shows = async (i) => {
        await notes.waitForFunction((t) => document.querySelector(".speaker-notes h1")?.textContent === t, all[i].title.en);
        assert.equal(await notes.locator(".notes-text").textContent(), all[i].notes.en);
        assert.equal(await notes.locator(".notes-next").textContent(), `Next: ${all[i + 1].title.en}`);
      };
      await shows(1);
      await page.keyboard.press("PageDown");
      await shows(2);
      // The speaker's window moves the room's screen too.
      await notes.getByRole("button", { name: "Next →" }).click();
      await page.waitForURL((u) => new URL(u).searchParams.get("slide") === "4");
      assert.equal((await page.locator('.slide[data-current="true"] h1').textContent()).trim(), all[3].title.en);
      await shows(3);
      await screenshot(notes, "present-notes");
    }, { viewport: HD });
  });

  test("printing gives one slide per page, each with its sources", async () => {
    const n = (await slides()).length;
    await app.journey("present-print", async (page) => {
      await page.goto(app.url("/present/seed-results"));
      await onScreen(page);
      await page.emulateMedia({ media: "print" });
      // Every slide is laid out for print, with its chart and sources.
      assert.equal(await page.locator(".slide").evaluateAll((s) => s.filter((x) => getComputedStyle(x).display !== "none").length), n);
      assert.equal(await page.locator(".slide .chart-source").count(), n);
      assert.equal(await page.locator(".deck-controls").first().isVisible(), false);
      await screenshot(page, "present-print");
      const pdf = await page.pdf({ landscape: true, format: "A4", printBackground: true });
      await writeFile(join(ROOT, "target", "e2e", "present.pdf"), pdf);
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, n, "one page per slide");
    }, { viewport: HD });
  });
});

describe("offline", () => {
  test("after one visit the story opens and runs with the network off, and says the data is from the cache", async () => {
    // Its own server, so that stopping it takes the network away from this journey only.
    const own = await startApp();
    try {
      await own.journey("present-offline", async (page, context) => {
        await page.goto(own.url("/present/seed-results?slide=1"));
        await onScreen(page);
        const status = page.locator(".deck-controls .offline-status");
        await page.waitForFunction(() => document.querySelector(".deck-controls .offline-status")?.dataset.cached === "true", null, { timeout: 30_000 });
        assert.match(await status.textContent(), /^可离线使用 · 数据缓存于 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/);

        // No network: the browser is offline and the server is gone.
        await context.setOffline(true);
        await own.stopServer();
        await page.reload();
        assert.equal((await onScreen(page)).number.startsWith("1 /"), true);
        await page.waitForFunction(() => document.querySelector(".deck-controls .offline-status")?.dataset.cached === "true");
        assert.match(await status.textContent(), /^离线 · 显示 .* 缓存的数据$/);
        await page.keyboard.press("PageDown");
        await page.waitForURL((u) => new URL(u).searchParams.get("slide") === "2");
        assert.equal((await onScreen(page)).number.startsWith("2 /"), true);
        // Another slide's view and a fresh open of the story's address work too.
        await page.goto(own.url("/present/seed-results?slide=6"));
        assert.equal((await onScreen(page)).number.startsWith("6 /"), true);
        await screenshot(page, "present-offline", { fullPage: false });
      }, { viewport: HD, serviceWorkers: "allow" });
    } finally {
      await own.stop();
    }
  });
});
