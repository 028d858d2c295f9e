// The newest replay's substrate thickness map on a tool's page: a heat map (canvas) of the
// film the replay's last coated substrate received, the spec band around its mid-range and a
// summary table. Values reach the page as numbers and text (textContent), never as markup.
"use strict";

/** Viridis (matplotlib's default colour map; van der Walt & Smith 2015), 9 stops, linear between. */
const VIRIDIS = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

magtwin.viridis = function (f) {
  const t = Math.min(1, Math.max(0, f)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(t)), w = t - k;
  const c = VIRIDIS[k].map((a, i) => Math.round(a + w * (VIRIDIS[k + 1][i] - a)));
  return "rgb(" + c[0] + "," + c[1] + "," + c[2] + ")";
};

/**
 * Draws `map` (/api/thickness_map) into `box` with the summary `s` (/api/tool's
 * thickness_map): quality-area cells coloured from min to max, the cells outside the spec band
 * mid (1 -+ spec) darkened, cells outside the quality area grey; x to the right, y up.
 */
magtwin.drawThicknessMap = function (box, map, s) {
  const nx = map.nx, ny = map.ny, v = map.thickness_nm, q = map.quality_area;
  const cell = Math.max(1, Math.floor(Math.min(480 / nx, 480 / ny)));
  const canvas = document.createElement("canvas");
  canvas.width = nx * cell;
  canvas.height = ny * cell;
  canvas.id = "thickness-canvas";
  const ctx = canvas.getContext("2d");
  const lo = s.min_nm, hi = s.max_nm, span = hi > lo ? hi - lo : 1;
  const banded = Number.isFinite(s.band_low_nm) && Number.isFinite(s.band_high_nm);
  let outside = 0;
  for (let j = 0; j < ny; ++j) {
    for (let i = 0; i < nx; ++i) {
      const k = i + nx * j, x = i * cell, y = (ny - 1 - j) * cell;
      if (!q[k]) {
        ctx.fillStyle = "#c8c8c8";
        ctx.fillRect(x, y, cell, cell);
        continue;
      }
      ctx.fillStyle = magtwin.viridis((v[k] - lo) / span);
      ctx.fillRect(x, y, cell, cell);
      if (banded && (v[k] < s.band_low_nm || v[k] > s.band_high_nm)) {
        ++outside;
        ctx.fillStyle = "rgba(0,0,0,0.4)";
        ctx.fillRect(x, y, cell, cell);
        if (cell >= 6) {
          ctx.fillStyle = "rgba(255,255,255,0.8)";
          ctx.fillRect(x + cell / 2 - 1, y + cell / 2 - 1, 2, 2);
        }
      }
    }
  }
  canvas.dataset.outside = String(outside);
  const left = magtwin.el("div");
  left.appendChild(canvas);
  left.appendChild(magtwin.colourBar(s));
  const legend = magtwin.el("div", null, "legend");
  [["outside", "outside the spec band"], ["outside-area", "outside the quality area"]].forEach(function (p) {
    const span = magtwin.el("span");
    span.appendChild(magtwin.el("i", null, p[0]));
    span.appendChild(document.createTextNode(p[1]));
    legend.appendChild(span);
  });
  left.appendChild(legend);
  box.appendChild(left);
};

/** The colour bar from min to max with the spec band marked (two ticks and its label). */
magtwin.colourBar = function (s) {
  const W = 360, H = 46, L = 10, R = 10;
  const svg = magtwin.svg("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, class: "colour-bar", role: "img" });
  const n = 48, w = (W - L - R) / n;
  for (let k = 0; k < n; ++k)
    svg.appendChild(magtwin.svg("rect", { x: L + k * w, y: 4, width: w + 0.5, height: 14, fill: magtwin.viridis((k + 0.5) / n) }));
  const X = (t) => L + ((t - s.min_nm) / (s.max_nm > s.min_nm ? s.max_nm - s.min_nm : 1)) * (W - L - R);
  const label = (x, text, anchor) => {
    const t = magtwin.svg("text", { x: x, y: 32, "text-anchor": anchor });
    t.textContent = text;
    svg.appendChild(t);
  };
  label(L, magtwin.fmt(s.min_nm) + " nm", "start");
  label(W - R, magtwin.fmt(s.max_nm) + " nm", "end");
  for (const b of [s.band_low_nm, s.band_high_nm]) {
    if (!Number.isFinite(b) || b < s.min_nm || b > s.max_nm) continue;
    svg.appendChild(magtwin.svg("line", { x1: X(b), y1: 0, x2: X(b), y2: 22, stroke: "#d9342b", "stroke-width": 2 }));
  }
  if (Number.isFinite(s.band_low_nm)) {
    const t = magtwin.svg("text", { x: W / 2, y: 44, "text-anchor": "middle", fill: "#d9342b" });
    t.textContent = "spec band " + magtwin.fmt(s.band_low_nm) + " to " + magtwin.fmt(s.band_high_nm) + " nm";
    svg.appendChild(t);
  }
  return svg;
};

/** The map's summary as a two-column table (data-field on each number for tests and tools). */
magtwin.mapSummary = function (s) {
  const table = magtwin.el("table");
  table.id = "thickness-summary";
  const body = document.createElement("tbody");
  const row = (label, cell) => {
    const tr = document.createElement("tr");
    tr.appendChild(magtwin.el("th", label));
    tr.appendChild(cell);
    body.appendChild(tr);
  };
  row("film from (UTC)", magtwin.timeCell(magtwin.utc(s.start_s)));
  row("to (UTC)", magtwin.timeCell(magtwin.utc(s.end_s)));
  row("step", magtwin.el("td", s.label + (s.substrate_id ? ", substrate " + s.substrate_id : "")));
  row("mapped intervals", magtwin.numCell(s.intervals, "intervals"));
  row("mean (nm)", magtwin.numCell(s.mean_nm, "mean_nm"));
  row("min (nm)", magtwin.numCell(s.min_nm, "min_nm"));
  row("max (nm)", magtwin.numCell(s.max_nm, "max_nm"));
  row("U = (max - min) / (max + min) (%)", magtwin.numCell(s.uniformity_pct, "uniformity_pct"));
  row("spec (%)", magtwin.numCell(s.spec_pct, "spec_pct"));
  row("band low (nm)", magtwin.numCell(s.band_low_nm, "band_low_nm"));
  row("band high (nm)", magtwin.numCell(s.band_high_nm, "band_high_nm"));
  row("cells outside the band", magtwin.numCell(s.cells_outside_band, "cells_outside_band"));
  row("cells in the quality area", magtwin.numCell(s.cells, "cells"));
  table.appendChild(body);
  return table;
};
