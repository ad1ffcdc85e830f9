/*
 * The reading page (regiobureau/meeting_reading.html). When the reader opens an item's
 * <details>, htmx loads the item's annotation, stukken and responses in place of the plain
 * link inside it (the same URL, answered as a fragment for htmx). Without JavaScript the
 * link opens them as a page of their own. Keyboard: the <summary> opens with Enter or Space.
 * No inline script anywhere: the Content-Security-Policy forbids it.
 */
(function () {
  "use strict";

  // The "gelezen" buttons of the list carry only their formaction (it posts without
  // JavaScript); htmx posts the same URL and swaps the button. Deferred, this runs before htmx
  // processes the page; htmx.process also covers a later run.
  document.querySelectorAll("button.rb-read[formaction]:not([hx-post])").forEach(function (button) {
    button.setAttribute("hx-post", button.getAttribute("formaction"));
    button.setAttribute("hx-swap", "outerHTML");
    if (window.htmx) {
      window.htmx.process(button);
    }
  });

  // "toggle" does not bubble; a listener in the capture phase sees it for every <details>.
  document.addEventListener(
    "toggle",
    function (event) {
      var details = event.target;
      if (!details.open || !details.classList || !details.classList.contains("rb-item-details")) {
        return;
      }
      var link = details.querySelector(":scope > a[href]");
      if (!link || !window.htmx || link.hasAttribute("aria-busy")) {
        return;
      }
      link.setAttribute("aria-busy", "true");
      window.htmx
        .ajax("GET", link.getAttribute("href"), { source: link, target: link, swap: "outerHTML" })
        .catch(function () {
          link.removeAttribute("aria-busy"); // the link still works
        });
    },
    true
  );
})();
