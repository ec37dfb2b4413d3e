/*
 * Gongkai (公开) embeds: resizes every <iframe data-gongkai-embed> to the height its chart reports.
 * Message from the embed: { "type": "gongkai:embed-height", "version": 1, "height": <CSS pixels> }.
 * A message counts only if it comes from the window of one of these iframes, from that iframe's
 * own origin, with exactly this type and version and a finite height from 0 to 20000. On start
 * the script asks each embed for its height ({ "type": "gongkai:embed-ask", "version": 1 }), in
 * case the embed loaded first. Documented in docs/embedding.md.
 */
(function () {
  "use strict";
  if (window.gongkaiEmbeds) return; // loaded twice: one listener is enough
  window.gongkaiEmbeds = true;
  var MAX = 20000;

  function frames() {
    return document.querySelectorAll("iframe[data-gongkai-embed]");
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  function wellFormed(data) {
    return data !== null && typeof data === "object" &&
      data.type === "gongkai:embed-height" && data.version === 1 &&
      typeof data.height === "number" && isFinite(data.height) && data.height >= 0 && data.height <= MAX;
  }

  window.addEventListener("message", function (event) {
    if (!wellFormed(event.data)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== originOf(frame)) return;
      frame.style.height = Math.ceil(event.data.height) + "px";
      return;
    }
  });

  function ask() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var origin = originOf(list[i]);
      if (origin && list[i].contentWindow) list[i].contentWindow.postMessage({ type: "gongkai:embed-ask", version: 1 }, origin);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ask);
  else ask();
})();
