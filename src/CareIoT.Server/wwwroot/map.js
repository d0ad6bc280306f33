// The digital map: facilities and households at their coordinates over the deployment's own
// GeoJSON (maps/district.geo.json; no tile server), coloured by their open alerts, clickable.
import { $, api, applyTexts, header, ready, t } from "./app.js";

await ready();
const colour = p => p == null ? "#4caf50" : (p === "Highest" || p === "Critical") ? "#ff3b30" : "#ff9800";

applyTexts();
header(() => location.reload());
echarts.registerMap("district", await (await fetch("/maps/district.geo.json")).json());
const chart = echarts.init($("map"), "dark");
chart.on("click", params => {
  const place = params.data && params.data.place;
  if (place && place.kind === "Household") location.href = `/site.html?kind=household&id=${encodeURIComponent(place.id)}`;
  if (place && place.kind === "Facility") location.href = "/wall.html";
});

async function load() {
  const response = await api("/api/wall/map");
  if (!response.ok) return;
  const places = await response.json();
  const alarming = places.filter(p => p.openAlerts > 0).length;
  $("map-counts").textContent = `${places.length} · ${t("openAlerts")} ${alarming}`;
  $("map").dataset.places = String(places.length);
  $("map").dataset.alarming = String(alarming);
  const point = p => ({
    name: p.kind === "Facility" ? p.name : `${p.name}（${p.id}）`,
    value: [p.longitude, p.latitude, p.openAlerts], place: p,
    itemStyle: { color: colour(p.worstPriority) },
  });
  chart.setOption({
    animation: false,
    // ECharts renders a formatter's string as HTML: every value from the registry is escaped first.
    tooltip: { formatter: params => params.data && params.data.place
      ? `${escapeHtml(params.data.name)}<br>${escapeHtml(t(params.data.place.kind))} · ${escapeHtml(t("openAlerts"))} ${Number(params.data.place.openAlerts)}`
      : escapeHtml(params.name) },
    geo: { map: "district", roam: true, label: { show: true, color: "#ccc" }, itemStyle: { areaColor: "#1c2733", borderColor: "#5d7590" } },
    series: [
      { name: "Facility", type: "scatter", coordinateSystem: "geo", symbol: "rect", symbolSize: 16, data: places.filter(p => p.kind === "Facility").map(point) },
      { name: "Household", type: "scatter", coordinateSystem: "geo", symbolSize: 9, data: places.filter(p => p.kind === "Household").map(point) },
    ],
  });
}

load();
setInterval(load, 10000);

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
