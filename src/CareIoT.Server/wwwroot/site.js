// A household's or bed's page: who and where, its devices' health, and for a bed its live vitals.
import { $, api, applyTexts, header, language as currentLanguage, ready, t } from "./app.js";

await ready();
const language = currentLanguage();
const query = new URLSearchParams(location.search);
const kind = query.get("kind") === "bed" ? "beds" : "households";
const id = query.get("id") || "";
const cell = text => { const td = document.createElement("td"); td.textContent = text; return td; };
const points = { hr: [], rr: [] };
let chart = null;

async function getJson(path) {
  const response = await api(path);
  if (response.status === 403) { $("forbidden").hidden = false; $("forbidden").textContent = t("forbiddenSite"); return null; }
  return response.ok ? response.json() : null;
}

async function loadSite() {
  const site = await getJson(`/api/sites/${kind}/${encodeURIComponent(id)}`);
  $("site-title").textContent = `${t(kind === "beds" ? "Bed" : "Household")} ${id}`;
  const facts = !site ? [] : kind === "households"
    ? [["elder", site.elderName], ["address", site.address], ["medicalNotes", site.medicalNotes || "—"],
       ["contacts", site.contacts.map(c => `${c.name}（${c.relation}）${c.phone}`).join("；") || "—"]]
    : [["where", [site.facilityName, site.room, site.label].filter(Boolean).join(" ")]];
  $("who").replaceChildren(...facts.flatMap(([key, value]) => {
    const dt = document.createElement("dt"); dt.textContent = t(key);
    const dd = document.createElement("dd"); dd.textContent = value;
    return [dt, dd];
  }));
}

async function loadDevices() {
  const devices = await getJson(`/api/sites/${kind}/${encodeURIComponent(id)}/devices`) || [];
  $("devices").querySelector("tbody").replaceChildren(...devices.map(d => {
    const tr = document.createElement("tr");
    tr.className = d.health.online ? "" : "offline";
    tr.append(cell(d.deviceId), cell(t(d.kind)), cell(t(d.health.online ? "yes" : "no")),
      cell(d.health.batteryPercent == null ? "—" : `${d.health.batteryPercent}%${d.health.batteryLow ? " ⚠" : ""}`),
      cell(d.health.signalDbm != null ? `${d.health.signalDbm} dBm` : d.health.linkQuality != null ? `LQI ${d.health.linkQuality}` : "—"),
      cell(d.health.lastSeen ? new Date(d.health.lastSeen).toLocaleString(language) : "—"));
    return tr;
  }));
}

async function loadVitals() {
  const response = await api(`/api/sites/beds/${encodeURIComponent(id)}/vitals`);
  if (response.status !== 200) return;
  const v = await response.json();
  $("vitals-now").textContent = `${t(v.presence ? "inBed" : "outOfBed")} · ${t("heartRate")} ${v.heartRate ?? "—"} · ${t("respiration")} ${v.respirationRate ?? "—"}`;
  const at = new Date(v.at);
  if (!points.hr.length || points.hr[points.hr.length - 1][0].getTime() !== at.getTime()) {
    points.hr.push([at, v.heartRate]);
    points.rr.push([at, v.respirationRate]);
  }
  chart.setOption({ series: [{ data: points.hr }, { data: points.rr }] });
}

applyTexts();
// The last 24 h from the telemetry store (5-minute means), then live readings on top.
async function loadHistory() {
  const history = await getJson(`/api/sites/beds/${encodeURIComponent(id)}/vitals/history?hours=24`) || [];
  for (const p of history) {
    const at = new Date(p.at);
    if (p.heartRate != null) points.hr.push([at, p.heartRate]);
    if (p.respiration != null) points.rr.push([at, p.respiration]);
  }
  chart.setOption({ series: [{ data: points.hr }, { data: points.rr }] });
}

let isRelative = false;
const technicalCauses = new Set(["DeviceOffline", "LowBattery", "Tamper", "DeviceFault"]);

async function loadAlerts() {
  const open = await getJson(`/api/sites/${kind}/${encodeURIComponent(id)}/alerts`) || [];
  // A device that needs service (offline, battery, tamper, fault) is not an alarm: never red for it.
  const alarming = open.filter(a => !technicalCauses.has(a.cause));
  $("site-status").className = alarming.length ? "alarm" : open.length ? "service" : "calm";
  $("site-status").textContent = open.length
    ? open.map(a => `${t(a.cause)} · ${t(a.status)} · ${new Date(a.raisedAt).toLocaleString(language)}`).join("；")
    : t("noOpenAlerts");
  // A relative answers on their elder's alarm; the operator sees it on the alert at once.
  $("answers").replaceChildren(...(isRelative ? alarming : []).map(a => {
    const li = document.createElement("li");
    li.textContent = `${t(a.cause)} `;
    ["OnMyWay", "CalledAllWell"].forEach(answer => {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.answer = answer;
      button.textContent = t(answer);
      button.addEventListener("click", async () => {
        const response = await api(`/api/sites/households/${encodeURIComponent(id)}/alerts/${a.alertId}/answer`, {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answer }),
        });
        $("answer-result").textContent = response.ok ? t("answerSent") : String(response.status);
      });
      li.append(button);
    });
    return li;
  }));
}

// The home's last 24 hours: when someone last did something there, its alerts by cause, its devices.
function ago(at) {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(at).getTime()) / 60000));
  return minutes < 60 ? t("minutesAgo", { n: minutes }) : t("hoursAgo", { n: Math.floor(minutes / 60) });
}

async function loadSummary() {
  if (kind !== "households") return;
  const summary = await getJson(`/api/sites/households/${encodeURIComponent(id)}/summary`);
  if (!summary) return;
  const facts = [
    ["lastSignOfLife", `${new Date(summary.lastSignOfLife).toLocaleString(language)}（${ago(summary.lastSignOfLife)}）`],
    ["alertsLastDay", summary.alerts.length ? summary.alerts.map(c => `${t(c.cause)} × ${c.count}`).join("；") : t("none")],
    ["stillOpen", String(summary.stillOpen)],
    ["devicesOnline", t("devicesOnlineOf", { online: summary.devicesOnline, total: summary.devices })
      + (summary.batteriesLow ? ` · ${t("batteriesLow", { n: summary.batteriesLow })}` : "")],
  ];
  $("summary").replaceChildren(...facts.flatMap(([key, value]) => {
    const dt = document.createElement("dt"); dt.textContent = t(key);
    const dd = document.createElement("dd"); dd.textContent = value; dd.dataset.fact = key;
    return [dt, dd];
  }));
  $("day-summary").hidden = false;
}

async function showWhoIsLooking() {
  // A relative has only this page: the shared header offers them no other (they may see none).
  const user = await header(() => location.reload());
  if (user.role === "relative") { isRelative = true; loadAlerts(); listen(); }
}

showWhoIsLooking();
loadSite();
loadAlerts();
loadSummary();
loadDevices();
setInterval(loadDevices, 15000);
// Alerts: read again every 10 s — for a relative live instead, over their own hub (every 60 s as a fallback).
let live = false;
function poll() { loadAlerts(); loadSummary(); setTimeout(poll, live ? 60000 : 10000); }
setTimeout(poll, 10000);

function listen() {
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/relative").withAutomaticReconnect().build();
  connection.on("AlertChanged", () => { loadAlerts(); loadSummary(); });
  connection.onreconnected(() => { live = true; loadAlerts(); });
  connection.onreconnecting(() => { live = false; document.body.dataset.live = "0"; });
  connection.onclose(() => { live = false; document.body.dataset.live = "0"; });
  connection.start().then(() => { live = true; document.body.dataset.live = "1"; }).catch(() => {});
}
// The resident's own normal: the baseline (or how far its warm-up is), the limits in force now, recent nights.
const hours = span => { const m = /^(?:(\d+)\.)?(\d+):(\d+)/.exec(span || ""); return m ? `${(+(m[1] || 0)) * 24 + (+m[2])}:${m[3]}` : "—"; };
const vsUsual = (value, above) => value == null ? "—" : `${value.toFixed(1)}${above == null ? "" : ` (${Math.round(above * 100) > 0 ? "+" : ""}${Math.round(above * 100) || 0}%)`}`;
async function loadCare() {
  const page = await getJson(`/api/sites/beds/${encodeURIComponent(id)}/care`);
  if (!page) return;
  const { care, nights } = page;
  const b = care.baseline;
  $("care-state").textContent = b
    ? t("usualVitals", { from: b.fromNight, to: b.toNight, hr: b.heartRate.median, hrSpread: b.heartRate.spread, rr: b.respiration.median, rrSpread: b.respiration.spread })
    : t("warmingUp", { nights: care.nights, needed: care.nightsNeeded });
  const l = care.limitsNow;
  $("care-limits").textContent = t("limitsNow", { kind: t(l.personal ? "personalLimits" : "fixedLimits"),
    hrLow: l.heartRateLow, hrHigh: l.heartRateHigh, rrLow: l.respirationLow, rrHigh: l.respirationHigh });
  $("care-panel").dataset.personal = String(l.personal);
  $("care-notice").hidden = !care.inDeteriorationEpisode;
  $("nights").querySelector("tbody").replaceChildren(...nights.map(n => {
    const tr = document.createElement("tr");
    tr.append(cell(n.night), cell(hours(n.inBed)), cell(String(n.bedExits)), cell(hours(n.longestExit)), cell(String(n.movementMinutes)),
      cell(String(n.outOfRangeMinutes)), cell(vsUsual(n.restingHeartRate, n.heartRateAboveUsual)), cell(vsUsual(n.restingRespiration, n.respirationAboveUsual)));
    return tr;
  }));
  $("care-panel").hidden = false;
}

if (kind === "beds") {
  loadCare();
  setInterval(loadCare, 60000);
  $("vitals-panel").hidden = false;
  chart = echarts.init($("vitals-chart"), "dark");
  chart.setOption({
    animation: false, legend: { data: [t("heartRate"), t("respiration")] },
    xAxis: { type: "time" }, yAxis: { type: "value", min: 0 },
    series: [{ name: t("heartRate"), type: "line", showSymbol: false, data: [] }, { name: t("respiration"), type: "line", showSymbol: false, data: [] }],
  });
  loadHistory().then(loadVitals);
  setInterval(loadVitals, 5000);
}
