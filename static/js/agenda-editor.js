/*
 * Agenda editor: drag and drop with SortableJS on every [data-sortable] list.
 * On drop the new order of that list (item ids) is posted with the agenda version to the
 * reorder URL; the server answers with the current editor, which htmx swaps in. The Up/Down
 * buttons do the same without dragging (WCAG 2.2, 2.5.7) and work without JavaScript.
 *
 * The row buttons (Up, Down) and an open item's Remove belong to the one form #agenda-actions
 * (Remove with its own formaction), so a row carries no form, token or version of its own.
 * With htmx their submit is sent by htmx; a move is answered with only the two rows that
 * traded places, the new version (#agenda-version, out of band) and the announcement. Every
 * htmx request of the editor sends the version of #agenda-version, the one element the server
 * keeps current. The drag handles get their tooltip here: they only work with JavaScript.
 */
(function () {
  "use strict";

  function postOrder(list) {
    var editor = list.closest("#agenda-editor");
    if (!editor) {
      return;
    }
    var ids = Array.prototype.map
      .call(list.children, function (item) {
        return item.id.replace(/^item-/, ""); // <li id="item-<id>">
      })
      .filter(Boolean);
    var token = editor.querySelector("input[name=csrfmiddlewaretoken]");
    var version = document.getElementById("agenda-version");
    var values = {
      order: ids.join(","),
      parent: list.getAttribute("data-parent") || "",
      agenda_version: version ? version.value : "",
    };
    if (window.htmx) {
      window.htmx.ajax("POST", editor.getAttribute("data-reorder-url"), {
        source: editor,
        target: "#agenda-editor",
        swap: "outerHTML",
        values: values,
        headers: { "X-CSRFToken": token ? token.value : "" },
      });
      return;
    }
    var body = new URLSearchParams(values);
    fetch(editor.getAttribute("data-reorder-url"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" },
    }).then(function () {
      window.location.reload();
    });
  }

  function initSortables(root) {
    if (!window.Sortable) {
      return;
    }
    var editor = document.getElementById("agenda-editor");
    var dragTitle = editor ? editor.getAttribute("data-drag-title") : "";
    root.querySelectorAll("[data-drag-handle]:not([title])").forEach(function (handle) {
      handle.setAttribute("title", dragTitle);
    });
    root.querySelectorAll("[data-sortable]").forEach(function (list) {
      if (list.getAttribute("data-sortable-ready")) {
        return;
      }
      list.setAttribute("data-sortable-ready", "1");
      window.Sortable.create(list, {
        // One group per list: items move within their own level, never between lists.
        group: "agenda-" + (list.getAttribute("data-parent") || "main"),
        handle: "[data-drag-handle]",
        draggable: ".rb-agenda__item",
        animation: 150,
        ghostClass: "rb-agenda__item--ghost",
        chosenClass: "rb-agenda__item--chosen",
        onEnd: function (event) {
          if (event.from === event.to && event.oldIndex === event.newIndex) {
            return;
          }
          postOrder(list);
        },
      });
    });
  }

  function onSubmit(event) {
    var form = event.target;
    var button = event.submitter;
    if (!window.htmx || form.id !== "agenda-actions" || !button || button.hasAttribute("data-plain")) {
      return; // no htmx, or a button (Publish) that loads a new page: the browser posts it
    }
    event.preventDefault();
    if (button.hasAttribute("data-confirm")) {
      var editor = form.closest("#agenda-editor");
      var title = button.getAttribute("data-confirm");
      var question = editor.getAttribute("data-confirm-remove").replace("%(title)s", title);
      if (!window.confirm(question)) {
        return;
      }
    }
    var values = {};
    if (button.name) {
      values[button.name] = button.value;
    }
    // (A button without formaction posts to its form's action; its formAction would name the page.)
    var url = button.hasAttribute("formaction") ? button.formAction : form.action;
    window.htmx.ajax("POST", url, {
      source: button,
      target: "#agenda-editor",
      swap: "outerHTML",
      values: values,
    });
  }

  function onClick(event) {
    // "Change" opens the item's form inside its row; the link is the no-JS fallback.
    var link = event.target.closest && event.target.closest("#agenda-editor a[data-edit]");
    if (!window.htmx || !link || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    var line = link.closest(".rb-row");
    window.htmx.ajax("GET", link.getAttribute("href").split("#")[0], {
      source: link,
      target: "#" + line.id,
      swap: "outerHTML",
    });
  }

  function sendCurrentVersion(event) {
    // One version for the whole editor, whatever the form was loaded with.
    var version = document.getElementById("agenda-version");
    var source = event.detail.elt;
    if (!version || event.detail.verb === "get" || !source.closest("#agenda-editor")) {
      return;
    }
    event.detail.parameters.agenda_version = version.value;
  }

  function start() {
    initSortables(document);
    document.addEventListener("submit", onSubmit);
    document.addEventListener("click", onClick);
    document.addEventListener("htmx:configRequest", sendCurrentVersion);
    document.addEventListener("htmx:afterSettle", function () {
      initSortables(document);
    });
    document.addEventListener("htmx:oobAfterSwap", function () {
      initSortables(document);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
