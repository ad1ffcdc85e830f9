/*
 * Agenda editor: drag and drop with SortableJS on every [data-sortable] list.
 * On drop the new order of that list (item ids) is posted with the agenda version to the
 * reorder URL; the server answers with the current editor, which htmx swaps in. The Up/Down
 * buttons do the same without dragging (WCAG 2.2, 2.5.7) and work without JavaScript.
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
        return item.getAttribute("data-id");
      })
      .filter(Boolean);
    var token = editor.querySelector("input[name=csrfmiddlewaretoken]");
    var values = {
      order: ids.join(","),
      parent: list.getAttribute("data-parent") || "",
      agenda_version: editor.getAttribute("data-agenda-version"),
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

  function start() {
    initSortables(document);
    document.addEventListener("htmx:afterSettle", function () {
      initSortables(document);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
