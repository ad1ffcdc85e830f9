// The main menu (templates/layouts/base.html): each group is a disclosure button
// (aria-expanded, aria-controls) that shows or hides its entries; one group open at a time;
// Escape closes the open group and returns focus to its button; a click elsewhere closes it.
// On a phone the whole menu sits behind the one "Menu" button, the same pattern.
(function () {
  "use strict";

  function panelOf(button) {
    return document.getElementById(button.getAttribute("aria-controls"));
  }

  function setOpen(button, open) {
    var panel = panelOf(button);
    if (!panel) {
      return;
    }
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (button.classList.contains("nhn-nav__group")) {
      panel.hidden = !open;
    }
  }

  function groups(nav) {
    return Array.prototype.slice.call(nav.querySelectorAll(".nhn-nav__group"));
  }

  function closeAll(nav, except) {
    groups(nav).forEach(function (button) {
      if (button !== except) {
        setOpen(button, false);
      }
    });
  }

  function init() {
    var nav = document.querySelector(".nhn-nav");
    if (!nav) {
      return;
    }
    nav.addEventListener("click", function (event) {
      var button = event.target.closest(".nhn-nav__group, .nhn-nav__toggle");
      if (!button) {
        return;
      }
      var open = button.getAttribute("aria-expanded") !== "true";
      if (button.classList.contains("nhn-nav__group")) {
        closeAll(nav, button);
      }
      setOpen(button, open);
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      var open = groups(nav).filter(function (button) {
        return button.getAttribute("aria-expanded") === "true";
      });
      if (open.length) {
        closeAll(nav, null);
        open[0].focus();
        event.preventDefault();
      }
    });
    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) {
        closeAll(nav, null);
      }
    });
    // Leaving the menu with Tab closes an open group (no entries hanging over the page).
    nav.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !nav.contains(event.relatedTarget)) {
        closeAll(nav, null);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
