// The facility's morning report: every bed's night (time in bed, exits, movement, minutes out of range, resting
// vitals against the resident's usual), for screen and print, and as CSV.
import { $, api, applyTexts, header, ready, t } from "./app.js";

await ready();
applyTexts();
header(() => location.reload());

const cell = text => { const td = document.createElement("td"); td.textContent = text; return td; };
const clock = span => { const m = /^(?:(\d+)\.)?(\d+):(\d+)/.exec(span || ""); return m ? `${(+(m[1] || 0)) * 24 + (+m[2])}:${m[3]}` : "—"; };
const vsUsual = (value, above) => value == null ? "—" : `${value.toFixed(1)}${above == null ? "" : ` (${Math.round(above * 100) > 0 ? "+" : ""}${Math.round(above * 100) || 0}%)`}`;

function query() {
  const q = new URLSearchParams({ night: $("night").value });
  if ($("facility").value.trim()) q.set("facility", $("facility").value.trim());
  return q;
}

async function show() {
  const q = query();
  history.replaceState(null, "", `?${q}`);
  $("csv").href = `/api/reports/nights?${q}&format=csv`;
  const response = await api(`/api/reports/nights?${q}`);
  $("error").hidden = response.ok;
  if (!response.ok) { $("error").textContent = response.status === 403 ? t("forbidden") : String(response.status); return; }
  const rows = await response.json();
  $("heading").textContent = `${t("nightsTitle")} · ${$("night").value} · ${rows.length}`;
  $("beds").querySelector("tbody").replaceChildren(...rows.map(r => {
    const n = r.night;
    const tr = document.createElement("tr");
    tr.dataset.bed = n.bedId;
    tr.append(cell(r.facility), cell(r.room), cell(r.label || n.bedId), cell(clock(n.inBed)), cell(String(n.bedExits)), cell(clock(n.longestExit)),
      cell(String(n.movementMinutes)), cell(String(n.outOfRangeMinutes)), cell(vsUsual(n.restingHeartRate, n.heartRateAboveUsual)),
      cell(vsUsual(n.restingRespiration, n.respirationAboveUsual)));
    return tr;
  }));
  $("beds").dataset.ready = "true";
}

const given = new URLSearchParams(location.search);
const yesterday = new Date(Date.now() - 86400000);
$("night").value = given.get("night") || yesterday.toISOString().slice(0, 10);
$("facility").value = given.get("facility") || "";
$("query").addEventListener("submit", e => { e.preventDefault(); show(); });
$("print").addEventListener("click", () => window.print());
show();
