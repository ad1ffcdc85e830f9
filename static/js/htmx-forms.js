/*
 * Every page: progressive enhancement for the htmx forms.
 * - htmx swaps the answers 409 (stale agenda: the current agenda with a message) and
 *   422 (refused input: the form with its messages); by default it ignores 4xx answers.
 * - Keyboard focus stays on the control that was used (or the one named by
 *   data-focus-after), also when htmx replaced it, so "Up"/"Down" can be pressed again.
 * No inline script anywhere: the Content-Security-Policy forbids it.
 */
(function () {
  "use strict";

  var focusId = null;

  function configureHtmx() {
    if (!window.htmx) {
      return;
    }
    window.htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "409", swap: true, error: false },
      { code: "422", swap: true, error: false },
      { code: "[45]..", swap: false, error: true },
    ];
  }

  function otherMoveButton(id) {
    // The editor's Up and Down of item N are #up-N and #down-N.
    return id.replace(/^(up|down)-(?=\d+$)/, function (_match, direction) {
      return (direction === "up" ? "down" : "up") + "-";
    });
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail && event.detail.elt;
    var active = document.activeElement;
    focusId = (source && source.dataset && source.dataset.focusAfter) || (active && active.id) || null;
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!focusId) {
      return;
    }
    var target = document.getElementById(focusId);
    if (target && target.disabled) {
      // The item reached the top or the bottom: its other move button is the useful one.
      target = document.getElementById(otherMoveButton(focusId));
    }
    // Only when the swap took the focus away (the used button was replaced and the focus fell
    // back to the page): a user who has already moved on (Tab to "Down", say, in the 20 ms
    // before the settle) keeps the focus where she put it.
    var active = document.activeElement;
    var lost = !active || active === document.body || !document.body.contains(active);
    if (target && lost) {
      target.focus();
    }
    focusId = null;
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", configureHtmx);
  } else {
    configureHtmx();
  }
})();
