// The inspector's uptime report: query by scope and period, render for screen and A4 print, CSV link.
import { $, api, applyTexts, header, language as currentLanguage, ready, t } from "./app.js";

await ready();
const language = currentLanguage();
const pct = v => `${v.toFixed(3)} %`;
const secs = v => v == null ? "—" : `${v.toFixed(1)} s`;
const span = text => { // "1.02:03:04.5" (TimeSpan) → hours
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text || "");
  return m ? (+(m[1] || 0)) * 24 + (+m[2]) + (+m[3]) / 60 + (+m[4]) / 3600 : 0;
};
const hours = text => `${span(text).toFixed(2)} h`;
const minutes = text => `${(span(text) * 60).toFixed(1)} min`;
const why = cause => { const key = `why${cause}`; const text = t(key); return text === key ? cause : text; };
const when = at => at ? new Date(at).toLocaleString(language) : t("ongoing");

function table(id, head, rows) {
  const tr = cells => { const r = document.createElement("tr"); cells.forEach(c => r.append(c)); return r; };
  const cell = (tag, value, cls) => { const e = document.createElement(tag); e.textContent = value; if (cls) e.className = cls; return e; };
  $(id).replaceChildren(tr(head.map(h => cell("th", t(h)))),
    ...rows.map(row => tr(row.map(v => typeof v === "object" && v !== null ? cell("td", v.text, v.cls) : cell("td", String(v), typeof v === "number" ? "num" : "")))));
}

function query() {
  const q = new URLSearchParams({ scope: $("scope").value, period: $("period").value });
  if ($("scope").value !== "district") q.set("id", $("scope-id").value.trim());
  if ($("period").value === "month") q.set("month", $("month").value);
  if ($("period").value === "day") q.set("date", $("date").value);
  if ($("period").value === "custom") {
    q.set("from", new Date($("from").value).toISOString());
    q.set("to", new Date($("to").value).toISOString());
  }
  return q;
}

function render(r, q) {
  const scope = r.scope.kind === "district" ? t("scopeDistrict") : `${t("scope" + r.scope.kind[0].toUpperCase() + r.scope.kind.slice(1))} ${r.scope.id}`;
  document.title = `CareIoT uptime report ${r.scope.kind} ${r.scope.id || "all"} ${r.from.slice(0, 10)} ${r.to.slice(0, 10)}`;
  $("report-heading").textContent = `${t("scope")}: ${scope} · ${t("period")}: ${when(r.from)} – ${when(r.to)}${r.observedUntil < r.to ? ` (${t("observedUntil")} ${when(r.observedUntil)})` : ""} · ${t("generatedAt")} ${new Date().toLocaleString(language)}`;
  const a = r.availability;
  table("summary", ["devices", "availability", "outages", "ongoing", "mttr", "heartbeatMiss"],
    [[a.devices, pct(a.availabilityPercent), a.outages, a.ongoingOutages, a.meanTimeToRepair ? minutes(a.meanTimeToRepair) : "—", pct(a.heartbeatMissPercent)]]);
  const w = r.answerTimes;
  table("answers", ["alertsRaised", "acknowledgedCount", "within60", "within180", "medianAck", "p90Ack", "medianResolve", "meanResolve"],
    [[w.raised, w.acknowledged, { text: `${pct(w.within60sPercent)} (≥ 97.5 %)`, cls: w.within60sPercent < 97.5 ? "miss" : "" },
      { text: `${pct(w.within180sPercent)} (≥ 99 %)`, cls: w.within180sPercent < 99 ? "miss" : "" },
      secs(w.medianAcknowledgeSeconds), secs(w.p90AcknowledgeSeconds), secs(w.medianResolveSeconds), secs(w.meanResolveSeconds)]]);
  table("causes", ["cause", "count"], Object.entries(r.alertsByCause).map(([cause, n]) => [t(cause), n]));
  table("outage-list", ["deviceLabel", "outageStart", "outageEnd", "duration", "outageCause"],
    r.outages.map(o => [o.deviceId, when(o.start), when(o.end), minutes(o.duration), why(o.cause)]));
  const devices = [...r.devices].sort((x, y) => x.availabilityPercent - y.availabilityPercent);
  table("device-list", ["deviceLabel", "kind", "site", "observed", "availability", "outages", "heartbeatMiss"],
    devices.map(d => [d.deviceId, t(d.kind), d.siteId, hours(d.observed), pct(d.availabilityPercent), d.outages, pct(d.heartbeatMissPercent)]));
  table("coverage", ["site", "showings", "onScreen", "longestGap"],
    r.coverage.map(c => [c.siteKey === "community:" ? t("ungrouped") : c.siteKey, c.showings, minutes(c.onScreen), minutes(c.longestGap)]));
  $("report").hidden = false; // the chart needs its box laid out before it draws
  const shown = devices.slice(0, 40);
  const chart = echarts.getInstanceByDom($("chart")) || echarts.init($("chart"), null, { renderer: "svg" });
  chart.setOption({
    animation: false, grid: { left: 60, right: 10, top: 20, bottom: 70 },
    xAxis: { type: "category", data: shown.map(d => d.deviceId), axisLabel: { rotate: 45, fontSize: 9 } },
    yAxis: { type: "value", min: v => Math.max(0, Math.floor(v.min - 1)), max: 100, name: "%" },
    series: [{ type: "bar", data: shown.map(d => +d.availabilityPercent.toFixed(3)), itemStyle: { color: "#4a7fb5" } }],
  });
  chart.resize();
  $("csv").href = `/api/reports/uptime.csv?${q}`;
  $("report").dataset.ready = "true";
}

async function generate() {
  const q = query();
  history.replaceState(null, "", `?${q}`);
  $("report").dataset.ready = "false";
  const response = await api(`/api/reports/uptime?${q}`);
  $("report-error").hidden = response.ok;
  if (!response.ok) {
    $("report-error").textContent = response.status === 403 ? t("forbidden") : t("badReportQuery");
    return;
  }
  render(await response.json(), q);
}

function showPeriodInputs() {
  const p = $("period").value;
  $("month").hidden = p !== "month"; $("date").hidden = p !== "day";
  $("from").hidden = $("to").hidden = p !== "custom";
  $("scope-id").disabled = $("scope").value === "district";
}

applyTexts();
header(() => location.reload());
const given = new URLSearchParams(location.search);
const now = new Date();
$("month").value = given.get("month") || `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
$("date").value = given.get("date") || now.toISOString().slice(0, 10);
const local = iso => { const d = new Date(iso); return new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); };
if (given.get("from")) $("from").value = local(given.get("from"));
if (given.get("to")) $("to").value = local(given.get("to"));
$("scope").value = given.get("scope") || "district";
$("scope-id").value = given.get("id") || "";
$("period").value = given.get("period") || (given.get("from") ? "custom" : "month");
$("scope").addEventListener("change", showPeriodInputs);
$("period").addEventListener("change", showPeriodInputs);
$("query").addEventListener("submit", e => { e.preventDefault(); generate(); });
$("print").addEventListener("click", () => window.print());
showPeriodInputs();
if (given.has("scope")) generate();
