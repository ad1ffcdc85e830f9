// A small rich-text editor over every <textarea data-rich-text>: Squire (npm squire-rte) with
// a toolbar for bold, italic, the two lists and a link. Progressive enhancement: the textarea
// stays in the form and gets the editor's HTML on every change, so the form posts as before;
// without script it is a plain textarea. Pasted HTML is cleaned by DOMPurify to the same tags
// the server keeps (nhn_portal/core/richtext.py cleans it again with nh3, whatever arrives).
// No inline script or style and no eval: it runs under the portal's strict CSP.
(function () {
  "use strict";

  var ALLOWED_TAGS = ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "div"];

  function sanitizeToDOMFragment(html) {
    return window.DOMPurify.sanitize(html, {
      ALLOWED_TAGS: ALLOWED_TAGS,
      ALLOWED_ATTR: ["href"],
      RETURN_DOM_FRAGMENT: true,
    });
  }

  // Squire marks bold and italic as <b> and <i>; the portal stores <strong> and <em>.
  function renameTags(html, names) {
    var template = document.createElement("template");
    template.innerHTML = html;
    Object.keys(names).forEach(function (from) {
      template.content.querySelectorAll(from).forEach(function (node) {
        var renamed = document.createElement(names[from]);
        while (node.firstChild) {
          renamed.appendChild(node.firstChild);
        }
        node.replaceWith(renamed);
      });
    });
    return template.innerHTML;
  }

  function toStored(html) {
    var stored = renameTags(html, { b: "strong", i: "em" }).trim();
    // An empty editor holds one empty paragraph: store nothing.
    return stored.replace(/<p>(<br>)?<\/p>/g, "").trim() === "" ? "" : stored;
  }

  function text(form, name, fallback) {
    return form.getAttribute("data-rt-" + name) || fallback;
  }

  function button(label, shortcut) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "utrecht-button utrecht-button--subtle rb-rich-text__button";
    element.textContent = label;
    if (shortcut) {
      element.setAttribute("aria-keyshortcuts", shortcut);
      element.title = label + " (" + shortcut.replace("Control", "Ctrl") + ")";
    }
    return element;
  }

  function enhance(textarea) {
    var form = textarea.form || document.body;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label && !label.id) {
      label.id = textarea.id + "-label";
    }

    var wrapper = document.createElement("div");
    wrapper.className = "rb-rich-text";
    var toolbar = document.createElement("div");
    toolbar.className = "rb-rich-text__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute(
      "aria-label",
      text(form, "toolbar", "Formatting") + (label ? ": " + label.textContent.trim() : "")
    );
    toolbar.setAttribute("aria-controls", textarea.id + "-editor");
    var area = document.createElement("div");
    area.className = "rb-rich-text__area utrecht-textarea";
    area.id = textarea.id + "-editor";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    if (label) {
      area.setAttribute("aria-labelledby", label.id);
    }
    var described = textarea.getAttribute("aria-describedby");
    var hint = document.getElementById("annotation-format-hint");
    area.setAttribute(
      "aria-describedby",
      [described, hint ? hint.id : null].filter(Boolean).join(" ")
    );
    if (textarea.getAttribute("aria-invalid") === "true") {
      area.setAttribute("aria-invalid", "true");
    }
    wrapper.appendChild(toolbar);
    wrapper.appendChild(area);
    textarea.parentNode.insertBefore(wrapper, textarea);
    textarea.hidden = true;
    textarea.classList.add("rb-rich-text__source");

    var editor = new window.Squire(area, {
      blockTag: "P",
      sanitizeToDOMFragment: sanitizeToDOMFragment,
    });
    editor.setHTML(renameTags(textarea.value, { strong: "b", em: "i" }));

    function sync() {
      textarea.value = toStored(editor.getHTML());
    }
    editor.addEventListener("input", sync);
    editor.addEventListener("pathChange", sync);
    if (textarea.form) {
      textarea.form.addEventListener("submit", sync);
    }
    // Clicking the (hidden) textarea's label focuses the editor instead.
    if (label) {
      label.addEventListener("click", function (event) {
        event.preventDefault();
        editor.focus();
      });
    }

    var toggles = [];
    function toggle(name, shortcut, tag, on, off) {
      var element = button(text(form, name, name), shortcut);
      element.setAttribute("aria-pressed", "false");
      element.addEventListener("click", function () {
        if (editor.hasFormat(tag)) {
          off();
        } else {
          on();
        }
        editor.focus();
        sync();
        refresh();
      });
      toggles.push({ element: element, tag: tag });
      toolbar.appendChild(element);
    }
    function refresh() {
      toggles.forEach(function (entry) {
        entry.element.setAttribute("aria-pressed", String(editor.hasFormat(entry.tag)));
      });
    }

    toggle("bold", "Control+B", "B", function () { editor.bold(); }, function () { editor.removeBold(); });
    toggle("italic", "Control+I", "I", function () { editor.italic(); }, function () { editor.removeItalic(); });
    toggle(
      "bullets", "Control+Shift+8", "UL",
      function () { editor.makeUnorderedList(); }, function () { editor.removeList(); }
    );
    toggle(
      "numbers", "Control+Shift+9", "OL",
      function () { editor.makeOrderedList(); }, function () { editor.removeList(); }
    );

    var link = button(text(form, "link", "Link"));
    link.addEventListener("click", function () {
      if (editor.hasFormat("A")) {
        editor.removeLink();
      } else {
        var url = window.prompt(text(form, "link-prompt", "Web address (https://…)"), "https://");
        if (url && /^(https?:\/\/|mailto:)/i.test(url.trim())) {
          editor.makeLink(url.trim());
        }
      }
      editor.focus();
      sync();
    });
    toolbar.appendChild(link);
    editor.addEventListener("pathChange", refresh);
    area.addEventListener("keyup", refresh);
    area.addEventListener("mouseup", refresh);
  }

  function start() {
    if (!window.Squire || !window.DOMPurify) {
      return; // the textareas keep working as they are
    }
    document.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
