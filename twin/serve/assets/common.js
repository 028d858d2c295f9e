// Shared by the pages of `magtwin twin serve`. Every value from the store reaches the page as
// text (textContent, SVG attributes of numbers): no markup is ever built from data.
"use strict";

const magtwin = {};

/** A new element with optional text content and class. */
magtwin.el = function (tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
};

/** A table cell showing a number to 4 significant digits ("-" for null); data-value keeps it whole. */
magtwin.numCell = function (value, field, scale) {
  const td = magtwin.el("td", null, "num");
  if (field) td.dataset.field = field;
  if (value === null || value === undefined || !Number.isFinite(value)) {
    td.textContent = "-";
  } else {
    const v = value * (scale || 1);
    td.textContent = magtwin.fmt(v);
    td.dataset.value = String(v);
  }
  return td;
};

/**
 * A number as a reader wants it: 4 significant digits (a display rounding of at most 5e-4 of
 * the value), whole numbers from 10^4 up to 10^9 rounded to units, exponent form outside
 * 10^-3 .. 10^9; never the raw double (the JSON keeps it whole).
 */
magtwin.fmt = function (v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "-";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e4 && a < 1e9) return String(Math.round(v));
  return a >= 1e-3 && a < 1e9 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
};

/** A table cell with a UTC time text (kept on one line). */
magtwin.timeCell = function (text) {
  return magtwin.el("td", text === null || text === undefined ? "-" : text, "time");
};

/** UTC seconds -> "YYYY-MM-DD HH:MM:SS". */
magtwin.utc = function (s) {
  if (s === null || s === undefined) return "-";
  return new Date(s * 1000).toISOString().replace("T", " ").replace(/\.\d+Z$/, "");
};

magtwin.getJson = async function (url) {
  const r = await fetch(url, { cache: "no-store" });
  if (!r.ok) throw new Error(url + ": HTTP " + r.status);
  return r.json();
};

magtwin.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
};

/**
 * Calls render() now and again whenever the store's revision changes (a `twin follow`
 * commit, a replay): /api/revision is asked every 0.5 s, so the page shows a commit within
 * the server's poll interval (250 ms by default) plus 0.5 s.
 */
magtwin.live = function (render) {
  let shown = null;
  const updated = document.getElementById("updated");
  async function tick() {
    try {
      const r = await magtwin.getJson("api/revision");
      if (r.revision !== shown) {
        await render();
        shown = r.revision;
        updated.textContent = "Updated " + new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") + ".";
        updated.dataset.revision = shown;
        updated.classList.remove("warn");
      }
    } catch (e) {
      updated.textContent = "Cannot reach the server: " + e.message;
      updated.classList.add("warn");
    }
    setTimeout(tick, 500);
  }
  tick();
};

magtwin.svg = function (tag, attrs) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const k in attrs) e.setAttribute(k, String(attrs[k]));
  return e;
};
