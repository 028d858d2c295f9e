// The overview: the tools in the store (/api/tools), each linking to its page.
"use strict";

async function renderTools() {
  const data = await magtwin.getJson("api/tools");
  const body = document.querySelector("#tools tbody");
  magtwin.clear(body);
  for (const t of data.tools) {
    const tr = document.createElement("tr");
    tr.dataset.tool = t.name;
    const name = document.createElement("td");
    const a = magtwin.el("a", t.name);
    a.href = "tool.html?name=" + encodeURIComponent(t.name);
    name.appendChild(a);
    tr.appendChild(name);
    tr.appendChild(magtwin.numCell(t.rows, "rows"));
    tr.appendChild(magtwin.numCell(t.steps, "steps"));
    tr.appendChild(magtwin.numCell(t.targets, "targets"));
    tr.appendChild(magtwin.el("td", magtwin.utc(t.start_s)));
    tr.appendChild(magtwin.el("td", magtwin.utc(t.end_s)));
    body.appendChild(tr);
  }
  document.getElementById("empty").hidden = data.tools.length > 0;
}

magtwin.live(renderTools);
