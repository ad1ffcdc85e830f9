// Shared behaviour of the NHN Portal. No inline scripts exist (strict CSP), so page
// behaviour lives in static files like this one and is attached on DOMContentLoaded.
(function () {
  "use strict";

  // After an htmx swap, move focus to a swapped-in element that asks for it, so keyboard
  // and screen-reader users land on the new content instead of being left behind.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target.querySelector("[data-focus-after-swap]");
    if (target) {
      target.focus();
    }
  });
})();
