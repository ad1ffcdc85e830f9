/*
 * The viewer of stukken and generated PDFs (templates/viewer/reader.html), built on pdf.js
 * (pdfjs-dist from npm, served as static files with its worker). Under the strict CSP: no
 * inline script or style (sizes are set through the CSSOM), no eval (pdf.js 5+ has none) and no
 * WebAssembly (useWasm: false).
 *
 * One page at a time: canvas plus text layer (selectable, searchable), previous/next, a page
 * number field, keyboard (Page Up/Down, ← →, Home, End), zoom, search with every match
 * counted ("Treffer x van y") in the live region, and the notes form kept on the current page.
 */
const root = document.getElementById("pdf-viewer");

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}

async function start() {
  const $ = (id) => document.getElementById(id);
  const t = root.dataset;
  const stage = $("pv-stage");
  const pageBox = $("pv-page-box");
  const canvas = $("pv-canvas");
  const textLayerBox = $("pv-text");
  const status = $("pv-status");
  const pageInput = $("pv-page");
  const count = $("pv-count");
  const buttons = {
    prev: $("pv-prev"),
    next: $("pv-next"),
    zoomIn: $("pv-zoom-in"),
    zoomOut: $("pv-zoom-out"),
    findNext: $("pv-find-next"),
    findPrev: $("pv-find-prev"),
  };
  const query = $("pv-query");
  const zoomLabel = $("pv-zoom");
  const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

  let pdfjs;
  let pdf;
  try {
    pdfjs = await import(t.pdfjs);
    pdfjs.GlobalWorkerOptions.workerSrc = t.worker;
    pdf = await pdfjs.getDocument({
      url: t.src,
      standardFontDataUrl: t.fonts,
      cMapUrl: t.cmaps,
      cMapPacked: true,
      useWasm: false,
      isEvalSupported: false,
      enableXfa: false,
      // Glyphs drawn as outlines: the embedded fonts loaded as FontFace came out letter-spaced
      // and too small in Chromium's canvas; outlines are exact and need no font loading.
      disableFontFace: true,
    }).promise;
  } catch (error) {
    status.textContent = t.tError;
    root.classList.add("pv--failed");
    return;
  }

  const total = pdf.numPages;
  let current = Math.min(Math.max(parseInt(t.initialPage, 10) || 1, 1), total);
  let zoomIndex = ZOOMS.indexOf(1);
  let renderTask = null;
  let textLayer = null;
  let pending = null;
  let busy = false;
  const texts = new Map(); // page → lower-cased text, for the search
  let matches = []; // [{page, nth}]
  let matchIndex = -1;
  let matchQuery = "";

  count.textContent = String(total);
  pageInput.max = String(total);
  for (const control of [pageInput, query, ...Object.values(buttons)]) {
    control.disabled = false;
  }

  function announce(text) {
    status.textContent = text;
  }

  function syncNoteForm() {
    const field = document.getElementById("note-page");
    if (field) {
      field.max = String(total);
      field.value = String(current);
    }
    document.querySelectorAll(".pv-note").forEach((note) => {
      note.classList.toggle("pv-note--current", note.dataset.page === String(current));
    });
  }

  function fitScale(page) {
    const width = page.getViewport({ scale: 1 }).width;
    const available = Math.max(stage.clientWidth - 16, 200);
    return Math.min(available / width, 1.5);
  }

  async function draw(number) {
    const page = await pdf.getPage(number);
    const scale = fitScale(page) * ZOOMS[zoomIndex];
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    pageBox.style.setProperty("--total-scale-factor", String(scale));
    pageBox.style.width = `${Math.floor(viewport.width)}px`;
    pageBox.style.height = `${Math.floor(viewport.height)}px`;
    if (renderTask) {
      renderTask.cancel();
    }
    if (textLayer) {
      textLayer.cancel();
    }
    renderTask = page.render({
      canvas,
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
    });
    try {
      await renderTask.promise;
    } catch (error) {
      if (error && error.name === "RenderingCancelledException") {
        return;
      }
      throw error;
    }
    textLayerBox.replaceChildren();
    textLayer = new pdfjs.TextLayer({
      textContentSource: page.streamTextContent(),
      container: textLayerBox,
      viewport,
    });
    await textLayer.render();
    highlight();
  }

  async function show(number, { announcePage = true } = {}) {
    const target = Math.min(Math.max(number, 1), total);
    current = target;
    pageInput.value = String(current);
    buttons.prev.disabled = current <= 1;
    buttons.next.disabled = current >= total;
    zoomLabel.textContent = `${Math.round(ZOOMS[zoomIndex] * 100)}%`;
    buttons.zoomOut.disabled = zoomIndex === 0;
    buttons.zoomIn.disabled = zoomIndex === ZOOMS.length - 1;
    syncNoteForm();
    if (announcePage) {
      announce(format(t.tPage, { page: current, count: total }));
    }
    if (busy) {
      pending = current;
      return;
    }
    busy = true;
    try {
      await draw(current);
      while (pending !== null && pending !== undefined) {
        const next = pending;
        pending = null;
        await draw(next);
      }
    } catch (error) {
      announce(t.tError);
    } finally {
      busy = false;
    }
    stage.scrollTop = 0;
    root.dataset.renderedPage = String(current);
  }

  // ---- Search ------------------------------------------------------------------------------

  async function pageText(number) {
    if (!texts.has(number)) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => item.str + (item.hasEOL ? " " : "")).join("");
      texts.set(number, text.toLocaleLowerCase("nl"));
    }
    return texts.get(number);
  }

  async function collectMatches(needle) {
    const found = [];
    for (let number = 1; number <= total; number += 1) {
      const text = await pageText(number);
      let nth = 0;
      let at = text.indexOf(needle);
      while (at !== -1) {
        found.push({ page: number, nth });
        nth += 1;
        at = text.indexOf(needle, at + needle.length);
      }
    }
    return found;
  }

  function highlight() {
    const needle = matchQuery;
    const spans = textLayerBox.querySelectorAll("span");
    let nth = 0;
    const wanted = matchIndex >= 0 && matches[matchIndex] && matches[matchIndex].page === current
      ? matches[matchIndex].nth
      : -1;
    spans.forEach((span) => {
      span.classList.remove("highlight", "selected");
      if (!needle || span.children.length) {
        return;
      }
      const text = span.textContent.toLocaleLowerCase("nl");
      let at = text.indexOf(needle);
      let hit = false;
      let selected = false;
      while (at !== -1) {
        hit = true;
        if (nth === wanted) {
          selected = true;
        }
        nth += 1;
        at = text.indexOf(needle, at + needle.length);
      }
      if (hit) {
        span.classList.add("highlight");
      }
      if (selected) {
        span.classList.add("selected");
        span.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
    });
  }

  async function find(step) {
    const needle = query.value.trim().toLocaleLowerCase("nl");
    if (!needle) {
      return;
    }
    if (needle !== matchQuery) {
      announce(t.tSearching);
      matchQuery = needle;
      matches = await collectMatches(needle);
      matchIndex = -1;
      if (step < 0) {
        matchIndex = 0;
      }
    }
    if (!matches.length) {
      announce(format(t.tNoMatch, { query: query.value.trim() }));
      highlight();
      return;
    }
    if (matchIndex === -1) {
      // The first match from the current page on.
      const ahead = matches.findIndex((match) => match.page >= current);
      matchIndex = ahead === -1 ? 0 : ahead;
    } else {
      matchIndex = (matchIndex + step + matches.length) % matches.length;
    }
    const match = matches[matchIndex];
    const message = format(t.tMatch, {
      current: matchIndex + 1,
      total: matches.length,
      page: match.page,
    });
    if (match.page !== current) {
      await show(match.page, { announcePage: false });
    } else {
      highlight();
    }
    announce(message);
  }

  // ---- Controls ----------------------------------------------------------------------------

  buttons.prev.addEventListener("click", () => show(current - 1));
  buttons.next.addEventListener("click", () => show(current + 1));
  pageInput.addEventListener("change", () => show(parseInt(pageInput.value, 10) || current));
  pageInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      show(parseInt(pageInput.value, 10) || current);
    }
  });
  buttons.zoomIn.addEventListener("click", () => {
    zoomIndex = Math.min(zoomIndex + 1, ZOOMS.length - 1);
    show(current, { announcePage: false }).then(() =>
      announce(format(t.tZoom, { percent: Math.round(ZOOMS[zoomIndex] * 100) })),
    );
  });
  buttons.zoomOut.addEventListener("click", () => {
    zoomIndex = Math.max(zoomIndex - 1, 0);
    show(current, { announcePage: false }).then(() =>
      announce(format(t.tZoom, { percent: Math.round(ZOOMS[zoomIndex] * 100) })),
    );
  });
  $("pv-search").addEventListener("submit", (event) => {
    event.preventDefault();
    find(1);
  });
  buttons.findPrev.addEventListener("click", () => find(-1));
  query.addEventListener("input", () => {
    matchQuery = "";
    matches = [];
    matchIndex = -1;
  });

  const KEYS = {
    PageDown: () => current + 1,
    ArrowRight: () => current + 1,
    PageUp: () => current - 1,
    ArrowLeft: () => current - 1,
    Home: () => 1,
    End: () => total,
  };
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable || target.closest("input, textarea, select, summary"))
    ) {
      return;
    }
    const key = KEYS[event.key];
    if (!key) {
      return;
    }
    event.preventDefault();
    const number = key();
    if (number !== current && number >= 1 && number <= total) {
      show(number);
    }
  });

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-goto-page]");
    if (button) {
      show(parseInt(button.dataset.gotoPage, 10) || current);
      stage.focus();
    }
  });
  // htmx replaced the notes panel: keep its form on the page being read.
  document.body.addEventListener("htmx:afterSettle", syncNoteForm);

  let resizeTimer = null;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => show(current, { announcePage: false }), 200);
  });

  await show(current, { announcePage: false });
  root.classList.add("pv--ready");
}

if (root) {
  start();
}
