// CareIoT dispatch console: the open-alert queue, kept in sync over SignalR, and the operator's
// actions on the selected alert. On every (re)connect the queue is reloaded from the server, so it
// is never silently stale.
import { $, api, applyTexts, header, language, me, ready, refreshDegraded, showDegraded, t } from "./app.js";
import { alarm } from "./alarm-sound.js";

await ready();
const priorityRank = { Highest: 1, Critical: 2, High: 3, Normal: 4, Low: 5 };
const alerts = new Map();
let selected = null;

const isOpen = a => a.status === "Raised" || a.status === "Acknowledged" || a.status === "Dispatched";
const technicalCauses = new Set(["DeviceOffline", "LowBattery", "Tamper", "DeviceFault"]);
const isTechnical = a => technicalCauses.has(a.cause);
const byUrgency = (a, b) => priorityRank[a.priority] - priorityRank[b.priority] || a.raisedAt.localeCompare(b.raisedAt);
const sorted = () => [...alerts.values()].sort(byUrgency);

// Who and where each site is (name masked by the server for roles that may not see it), read in one
// request for the sites on screen that are not known yet — never on the push path.
const sites = new Map();
const siteKey = site => `${site.kind}:${site.id}`;
let siteRequest = null;
function wantSites() {
  if (siteRequest) return;
  // Members of an outage incident are no rows: their sites are not asked for. At most 500 per request.
  const missing = [...new Set([...alerts.values()].filter(a => !a.incidentId).map(a => siteKey(a.site)).filter(k => !sites.has(k)))].slice(0, 500);
  if (missing.length === 0) return;
  const body = { households: [], beds: [] };
  missing.forEach(k => { const [kind, ...id] = k.split(":"); (kind === "Bed" ? body.beds : body.households).push(id.join(":")); });
  missing.forEach(k => sites.set(k, null)); // asked for: not asked again while the answer is on its way
  siteRequest = api("/api/sites/summaries", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
    .then(r => r.ok ? r.json() : [])
    .then(found => { found.forEach(s => sites.set(`${s.kind}:${s.id}`, s)); })
    .catch(() => missing.forEach(k => sites.delete(k)))
    .finally(() => { siteRequest = null; render(); });
}

function who(a) {
  const site = sites.get(siteKey(a.site));
  if (!site) return `${t(a.site.kind)} ${a.site.id}`;
  const age = site.birthYear ? t("ageYears", { age: new Date().getFullYear() - site.birthYear }) : "";
  return [site.name, age].filter(Boolean).join(" · ");
}

const placeOf = a => sites.get(siteKey(a.site))?.place || "";

function waited(raisedAt) {
  const seconds = Math.max(0, Math.floor((Date.now() - new Date(raisedAt).getTime()) / 1000));
  const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
  const two = n => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

function matches(a) {
  const cause = $("filter-cause").value, community = $("filter-community").value, priority = $("filter-priority").value;
  if (cause && a.cause !== cause) return false;
  if (community && placeOf(a) !== community) return false;
  if (priority && a.priority !== priority) return false;
  const query = $("search").value.trim().toLowerCase();
  if (!query) return true;
  const site = sites.get(siteKey(a.site));
  return [a.deviceId, a.site.id, site?.name, site?.address, site?.place].some(v => v && v.toLowerCase().includes(query));
}

function cell(text, className) { const td = document.createElement("td"); td.textContent = text; if (className) td.className = className; return td; }

function waitingCell(a) {
  const td = cell(waited(a.raisedAt), "waiting");
  td.dataset.raisedAt = a.raisedAt;
  return td;
}

function fillOptions(select, values, label) {
  const chosen = select.value;
  const first = select.options[0];
  first.textContent = t(first.dataset.text);
  select.replaceChildren(first, ...values.map(v => { const o = document.createElement("option"); o.value = v; o.textContent = label(v); return o; }));
  select.value = values.includes(chosen) ? chosen : "";
}

// Outage incidents: a storm of offline alerts of one area shown as one row (its members are not rows).
const incidents = new Map();
const askedIncidents = new Set();
let incidentRequest = null;
function loadIncidents() {
  if (incidentRequest) return;
  incidentRequest = api("/api/incidents/open")
    .then(r => r.ok ? r.json() : null)
    .then(list => { if (list) { incidents.clear(); list.forEach(i => incidents.set(i.incidentId, i)); } })
    .catch(() => {})
    .finally(() => { incidentRequest = null; render(); });
}

function wantIncidents() {
  const unknown = [...alerts.values()].map(a => a.incidentId).filter(id => id && !incidents.has(id) && !askedIncidents.has(id));
  if (unknown.length === 0) return;
  unknown.forEach(id => askedIncidents.add(id));
  loadIncidents();
}

const areaName = area => area === "network" ? t("directNetwork") : area.startsWith("gateway:") ? `${t("gateway")} ${area.slice(8)}` : area;

function incidentRow(incident) {
  const tr = document.createElement("tr");
  tr.className = "incident";
  tr.dataset.incidentId = incident.incidentId;
  tr.append(cell(t("incidentRow", { count: incident.members, area: areaName(incident.area), back: incident.members - incident.stillOffline })),
    cell(t("since", { time: new Date(incident.openedAt).toLocaleTimeString(language()) })), waitingCell({ raisedAt: incident.openedAt }));
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = t("acknowledgeIncident");
  button.addEventListener("click", async e => {
    e.stopPropagation();
    const response = await api(`/api/incidents/${incident.incidentId}/acknowledge`, { method: "POST" });
      $("bulk-result").textContent = response.ok ? t("bulkResult", { ok: (await response.json()).acknowledged, refused: 0 }) : t("forbidden");
  });
  const act = document.createElement("td");
  act.append(button);
  tr.append(act);
  return tr;
}

const selectedTechnical = new Set();

function lifeSafetyRow(a) {
  const tr = document.createElement("tr");
  tr.className = `p-${a.priority}` + (a.escalationLevel > 0 && a.status === "Raised" ? " escalated" : "") + (a.alertId === selected ? " selected" : "");
  tr.dataset.alertId = a.alertId;
  tr.append(cell(t(a.priority)), cell(t(a.cause)), cell(who(a)), cell(placeOf(a)), cell(a.deviceId), waitingCell(a),
    cell(a.escalationLevel > 0 ? String(a.escalationLevel) : ""), cell(t(a.status)));
  tr.addEventListener("click", () => select(a.alertId));
  return tr;
}

function technicalRow(a) {
  const tr = document.createElement("tr");
  tr.className = `p-${a.priority}` + (a.alertId === selected ? " selected" : "");
  tr.dataset.alertId = a.alertId;
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = selectedTechnical.has(a.alertId);
  box.disabled = a.status !== "Raised";
  box.addEventListener("click", e => e.stopPropagation());
  box.addEventListener("change", () => { if (box.checked) selectedTechnical.add(a.alertId); else selectedTechnical.delete(a.alertId); render(); });
  const check = document.createElement("td");
  check.append(box);
  tr.append(check, cell(t(a.cause)), cell(who(a)), cell(placeOf(a)), cell(a.deviceId), waitingCell(a), cell(t(a.status)));
  tr.addEventListener("click", () => select(a.alertId));
  return tr;
}

function render() {
  if (!flashTimer) document.title = t("title");
  applyTexts();
  $("connection").textContent = t($("connection").dataset.state);
  $("sound").textContent = t(alarm.enabled ? "soundOn" : "soundOff");
  $("sound").className = alarm.enabled ? "" : "off";

  const all = sorted();
  fillOptions($("filter-cause"), [...new Set(all.map(a => a.cause))].sort(), v => t(v));
  fillOptions($("filter-community"), [...new Set(all.map(placeOf).filter(Boolean))].sort(), v => v);
  fillOptions($("filter-priority"), Object.keys(priorityRank).filter(p => all.some(a => a.priority === p)), v => t(v));
  const shown = all.filter(a => !a.incidentId || !incidents.has(a.incidentId)).filter(matches);
  const lifeSafety = shown.filter(a => !isTechnical(a));
  const technical = shown.filter(isTechnical);
  for (const id of [...selectedTechnical]) if (!technical.some(a => a.alertId === id && a.status === "Raised")) selectedTechnical.delete(id);

  $("queue").querySelector("tbody").replaceChildren(...lifeSafety.map(lifeSafetyRow));
  $("technical").querySelector("tbody").replaceChildren(...technical.map(technicalRow));
  $("incidents").querySelector("tbody").replaceChildren(...[...incidents.values()].filter(i => i.stillOffline > 0).map(incidentRow));
  $("empty").hidden = lifeSafety.length > 0;
  $("technical-count").textContent = `(${technical.length})`;
  $("technical-all").checked = technical.some(a => a.status === "Raised") && technical.filter(a => a.status === "Raised").every(a => selectedTechnical.has(a.alertId));
  $("acknowledge-selected").disabled = selectedTechnical.size === 0;
  $("counts").replaceChildren(...Object.keys(priorityRank).map(p => {
    const span = document.createElement("span");
    span.textContent = `${t(p)} ${all.filter(a => a.priority === p).length}`;
    return span;
  }));
  const waiting = all.filter(a => a.status === "Raised" && !a.incidentId);
  alarm.ring(waiting.some(a => priorityRank[a.priority] <= 2) ? "urgent" : waiting.some(a => a.priority === "High") ? "high" : null);
  wantSites();
  wantIncidents();
  renderDetail();
}

// Counts of an incident change as its devices come back: read them again every 10 s.
setInterval(loadIncidents, 10000);

// The waiting time counts up on screen without rebuilding the rows; a plan step's due time counts down.
setInterval(() => {
  document.querySelectorAll("td.waiting").forEach(td => { td.textContent = waited(td.dataset.raisedAt); });
  document.querySelectorAll("#plan .due").forEach(el => {
    const left = new Date(el.dataset.dueAt).getTime() - Date.now();
    el.className = left < 0 ? "due overdue" : "due";
    el.textContent = t(left < 0 ? "overdue" : "dueIn", { time: waited(new Date(Date.now() - Math.abs(left)).toISOString()) });
  });
}, 1000);

async function acknowledgeSelected() {
  const alertIds = [...selectedTechnical];
  if (alertIds.length === 0) return;
  const response = await api("/api/alerts/acknowledge", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ alertIds }),
  });
  if (!response.ok) { $("bulk-result").textContent = response.status === 403 ? t("forbidden") : String(response.status); return; }
  const results = await response.json();
  const ok = results.filter(r => !r.error).length;
  $("bulk-result").textContent = t("bulkResult", { ok, refused: results.length - ok });
  selectedTechnical.clear();
  render();
}

async function renderDetail() {
  const alert = selected && alerts.get(selected);
  $("detail").hidden = !alert;
  if (!alert) return;
  $("detail-title").textContent = `${t(alert.cause)} — ${who(alert)}`;
  $("acknowledge").disabled = alert.status !== "Raised";
  $("dispatch").disabled = alert.status === "Raised";
  $("close").disabled = alert.status === "Raised";
  renderWho(alert);
  $("site-link").href = `site.html?kind=${alert.site.kind === "Bed" ? "bed" : "household"}&id=${encodeURIComponent(alert.site.id)}`;
  renderPlan(alert);
  const response = await api(`/api/alerts/${alert.alertId}`);
  if (!response.ok) return;
  const history = await response.json();
  $("history").replaceChildren(...history.events.map(e => {
    const li = document.createElement("li");
    li.textContent = `${new Date(e.at).toLocaleTimeString(language())} ${t(e.kind)}${eventDetail(e)} — ${e.actor}`;
    return li;
  }));
}

function eventDetail(e) {
  if (!e.detail) return "";
  const d = JSON.parse(e.detail);
  if (e.kind === "Call") return ` ${d.number} ${t(d.outcome)}${d.note ? " · " + d.note : ""}`;
  if (e.kind === "PlanStep") return ` ${d.step}${d.note ? " · " + d.note : ""}`;
  if (e.kind === "StepsSkipped") return ` ${d.steps.join(", ")} · ${d.reason}`;
  if (e.kind === "RelativeAnswer") return ` ${t(d.answer)}`;
  return "";
}

// The response plan of the selected alert: its steps in order, each ticked or called with time and actor.
// Re-drawn only when it changed, so a number being typed is not wiped by a push.
let planShown = "";
let contacts = [];
const stepText = step => step.text[language()] ?? step.text["zh-CN"];
async function renderPlan(alert) {
  const response = await api(`/api/alerts/${alert.alertId}/plan`);
  if (!response.ok) return;
  const steps = await response.json();
  const key = `${alert.alertId}|${language()}|${JSON.stringify(steps)}|${contacts.length}`;
  if (key === planShown) return;
  planShown = key;
  $("plan").replaceChildren(...steps.map(state => planStep(alert, state)));
}

function defaultNumber(target) {
  if (target === "119" || target === "120") return target;
  return target === "contact" && contacts.length ? contacts[0].phone : "";
}

function planStep(alert, state) {
  const li = document.createElement("li");
  li.className = state.doneAt ? "done" : state.step.mandatory ? "mandatory" : "";
  li.dataset.step = state.step.id;
  const text = document.createElement("span");
  text.textContent = (state.step.mandatory ? "* " : "") + stepText(state.step);
  li.append(text);
  if (state.doneAt) {
    const done = document.createElement("small");
    done.textContent = ` ✓ ${new Date(state.doneAt).toLocaleTimeString(language())} ${state.doneBy}${state.note ? " · " + state.note : ""}`;
    li.append(done);
    return li;
  }
  if (state.dueAt) { const due = document.createElement("small"); due.className = "due"; due.dataset.dueAt = state.dueAt; li.append(due); }
  const button = document.createElement("button");
  button.type = "button";
  if (state.step.kind === "call") {
    const number = document.createElement("input");
    number.type = "tel"; number.className = "call-number"; number.value = defaultNumber(state.step.target); number.placeholder = t("phone");
    const outcome = document.createElement("select");
    outcome.className = "call-outcome";
    ["Reached", "NoAnswer", "Busy", "WrongNumber"].forEach(o => { const option = document.createElement("option"); option.value = o; option.textContent = t(o); outcome.append(option); });
    button.textContent = t("recordCall");
    button.addEventListener("click", () => planAction(alert, "calls",
      { step: state.step.id, contact: state.step.target, number: number.value.trim(), outcome: outcome.value, note: $("note").value || null }));
    li.append(number, outcome, button);
  } else {
    button.textContent = t("stepDone");
    button.addEventListener("click", () => planAction(alert, `plan/${state.step.id}`, { note: $("note").value || null }));
    li.append(button);
  }
  return li;
}

async function planAction(alert, path, body) {
  const response = await api(`/api/alerts/${alert.alertId}/${path}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    $("action-error").textContent = response.status === 403 ? t("forbidden") : (problem.detail || problem.title || response.status);
    return;
  }
  $("action-error").textContent = "";
  $("note").value = "";
  planShown = "";
  closeNeedsReason = false; // the server checks the plan again at the next close
  $("close").textContent = t("close");
  renderDetail();
}

async function renderWho(alert) {
  const kind = alert.site.kind === "Bed" ? "beds" : "households";
  const response = await api(`/api/sites/${kind}/${encodeURIComponent(alert.site.id)}`);
  const site = response.ok ? await response.json() : null;
  const known = site?.contacts || [];
  if (JSON.stringify(known) !== JSON.stringify(contacts)) { contacts = known; planShown = ""; renderPlan(alert); }
  const facts = [];
  if (site && alert.site.kind === "Household") {
    facts.push(["elder", site.elderName]);
    if (site.birthYear) facts.push(["age", String(new Date().getFullYear() - site.birthYear)]);
    facts.push(["address", site.address], ["medicalNotes", site.medicalNotes || "—"]);
    facts.push(["contacts", site.contacts.map(c => `${c.name}（${c.relation}）${c.phone}`).join("；") || "—"]);
  } else if (site) {
    facts.push(["where", [site.facilityName, site.room, site.label].filter(Boolean).join(" ")]);
  }
  if (alert.reason) facts.push(["reason", alert.reason]);
  facts.push(["deviceLabel", alert.deviceId]);
  // The device as it stands now: online, last heard, battery, signal.
  const health = await api(`/api/devices/${encodeURIComponent(alert.deviceId)}/health`).then(r => r.ok ? r.json() : null).catch(() => null);
  if (health) {
    facts.push(["online", t(health.online ? "yes" : "no")]);
    facts.push(["lastSeen", health.lastSeen ? new Date(health.lastSeen).toLocaleString(language()) : "—"]);
    facts.push(["battery", health.batteryPercent != null ? `${health.batteryPercent}%${health.batteryLow ? " ⚠" : ""}` : "—"]);
    facts.push(["signal", health.signalDbm != null ? `${health.signalDbm} dBm` : health.linkQuality != null ? `LQI ${health.linkQuality}` : "—"]);
  }
  $("who").replaceChildren(...facts.flatMap(([key, value]) => {
    const dt = document.createElement("dt"); dt.textContent = t(key);
    const dd = document.createElement("dd"); dd.textContent = value;
    return [dt, dd];
  }));
  if (selected !== alert.alertId) return; // another alert was chosen meanwhile
  // The map once per alert, the readings at most every 10 s: a storm of pushes re-draws the detail
  // often, and each read of the readings is a query of the telemetry store.
  if (lastShown.alertId !== alert.alertId) { lastShown = { alertId: alert.alertId, at: 0 }; renderMap(alert, site); }
  if (Date.now() - lastShown.at >= 10_000) { lastShown.at = Date.now(); renderReadings(alert); }
}
let lastShown = { alertId: null, at: 0 };
setInterval(() => { if (selected && !document.hidden) renderDetail(); }, 10_000);

// Where it is: the home (or the bed's facility) on the district map — the map page's own GeoJSON.
let detailMap = null;
async function renderMap(alert, site) {
  const known = site && site.latitude != null && site.longitude != null;
  $("detail-map").hidden = !known;
  $("no-position").hidden = known;
  if (!known) return;
  if (!detailMap) {
    echarts.registerMap("district", await (await api("/maps/district.geo.json")).json());
    detailMap = echarts.init($("detail-map"), "dark");
  }
  detailMap.setOption({
    animation: false,
    geo: { map: "district", roam: true, center: [site.longitude, site.latitude], zoom: 2,
      label: { show: true, color: "#ccc" }, itemStyle: { areaColor: "#1c2733", borderColor: "#5d7590" } },
    series: [{ type: "effectScatter", coordinateSystem: "geo", symbolSize: 14, itemStyle: { color: "#ff3b30" },
      data: [{ name: alert.site.id, value: [site.longitude, site.latitude] }] }],
  }, true);
  $("detail-map").dataset.site = alert.site.id;
  detailMap.resize();
}

// What the device (and for a bed, the mattress) reported lately: its last online/offline changes with
// their cause and the heartbeats of the last 24 h; a bed's last minutes of heart rate and breathing.
async function renderReadings(alert) {
  const lines = [];
  const time = at => new Date(at).toLocaleTimeString(language());
  if (alert.site.kind === "Bed") {
    const bed = encodeURIComponent(alert.site.id);
    const history = await api(`/api/sites/beds/${bed}/vitals/history?hours=1`).then(r => r.ok ? r.json() : []).catch(() => []);
    history.slice(-5).reverse().forEach(p => lines.push(t("vitalsAt", {
      time: time(p.at), hr: p.heartRate == null ? "—" : Math.round(p.heartRate), rr: p.respiration == null ? "—" : Math.round(p.respiration) })));
  }
  const response = await api(`/api/devices/${encodeURIComponent(alert.deviceId)}/recent?hours=24`).catch(() => null);
  if (response?.ok) {
    const recent = await response.json();
    recent.transitions.slice(-5).reverse().forEach(x => lines.push(`${time(x.at)} ${t(x.online ? "cameOnline" : "wentOffline")} (${x.cause})`));
    lines.push(t("heartbeatsInDay", { count: recent.heartbeats }));
  } else {
    lines.push(t("telemetryUnavailable"));
  }
  if (selected !== alert.alertId) return;
  $("readings").replaceChildren(...lines.map(text => { const li = document.createElement("li"); li.textContent = text; return li; }));
}

function select(alertId) {
  if (alertId !== selected) { closeNeedsReason = false; planShown = ""; }
  selected = alertId;
  $("action-error").textContent = "";
  render();
}

function selectNext() {
  const rows = sorted();
  if (rows.length === 0) return;
  const index = rows.findIndex(a => a.alertId === selected);
  select(rows[(index + 1) % rows.length].alertId);
}

async function act(action, body) {
  const response = await api(`/api/alerts/${selected}/${action}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  if (response.status === 403) { $("action-error").textContent = t("forbidden"); return; }
  const answer = await response.json();
  $("action-error").textContent = response.ok ? "" : (answer.detail || answer.title || response.status);
  if (action === "close" && answer.title === "PlanIncomplete") {
    // The plan's mandatory steps are not done: the next click closes with the note as the reason.
    closeNeedsReason = true;
    $("close").textContent = t("closeWithReason");
    $("action-error").textContent = t("planIncomplete", { steps: answer.missing.join(", ") });
  }
  if (response.ok) { upsert(answer); $("note").value = ""; closeNeedsReason = false; $("close").textContent = t("close"); }
}

let closeNeedsReason = false;
function closeSelected() {
  const note = $("note").value.trim();
  if (closeNeedsReason && !note) { $("action-error").textContent = t("reasonRequired"); return; }
  act("close", { outcome: $("outcome").value, note: note || null, skipReason: closeNeedsReason ? note : null });
}

function setConnection(state) {
  $("connection").dataset.state = state;
  $("connection").className = "connection " + (state === "connected" ? "up" : "down");
  render();
}

function upsert(alert) {
  if (isOpen(alert)) alerts.set(alert.alertId, alert); else alerts.delete(alert.alertId);
  render();
}

// Every push carries the next number of this silo's push sequence, and a heartbeat every 2 s the
// last one: a number skipped means a push was lost, and the queue is read again from the journal at
// once. The whole queue is also read on every (re)connect and, as a last resort, every 60 s.
let sequence = null;
async function resync(connection) {
  const queue = await connection.invoke("GetQueue");
  alerts.clear();
  queue.alerts.forEach(a => alerts.set(a.alertId, a));
  sequence = queue.sequence;
  lastPush = Date.now();
  loadIncidents();
  refreshDegraded();
  setConnection("connected");
}

// A new alert while the tab is hidden: a browser notification (if the operator allowed them) and a
// flashing title until the tab is looked at again. A Normal or Low one also gets its soft chime.
let flashTimer = null;
function attention(alert) {
  if (priorityRank[alert.priority] >= 4) alarm.chime();
  if (!document.hidden) return;
  if ("Notification" in window && Notification.permission === "granted") {
    new Notification(`${t(alert.priority)} · ${t(alert.cause)}`, { body: `${who(alert)} · ${alert.deviceId}`, tag: alert.alertId });
  }
  const alarmTitle = `【${t(alert.cause)}】${t("title")}`;
  if (flashTimer) clearInterval(flashTimer);
  let on = true;
  document.title = alarmTitle;
  flashTimer = setInterval(() => { on = !on; document.title = on ? alarmTitle : t("title"); }, 1000);
}

document.addEventListener("visibilitychange", () => {
  if (document.hidden || !flashTimer) return;
  clearInterval(flashTimer);
  flashTimer = null;
  document.title = t("title");
});

// Pushes (and the heartbeat every 2 s) prove the server still reaches this console. A connection that
// stays open but carries nothing for three heartbeats gets a red banner: alerts may not arrive here.
let lastPush = Date.now();
const staleAfterMs = 6000;
setInterval(() => {
  const connected = current && current.state === signalR.HubConnectionState.Connected;
  const silentMs = Date.now() - lastPush;
  $("stale").hidden = !(connected && silentMs > staleAfterMs);
  if (!$("stale").hidden) $("stale").textContent = t("noPushFor", { seconds: Math.round(silentMs / 1000) });
}, 1000);

function pushed(connection, alert, number) {
  lastPush = Date.now();
  if (sequence !== null && number <= sequence) return; // already in the queue read after it
  const skipped = sequence !== null && number > sequence + 1;
  sequence = number;
  const arrived = !alerts.has(alert.alertId) && alert.status === "Raised" && !alert.incidentId;
  upsert(alert);
  if (arrived) attention(alert);
  if (skipped) resync(connection).catch(() => {});
}

function heartbeat(connection, number) {
  lastPush = Date.now();
  if (sequence !== null && number > sequence) resync(connection).catch(() => {});
}

let current = null;
setInterval(() => {
  if (current && current.state === signalR.HubConnectionState.Connected) resync(current).catch(() => {});
}, 60000);

async function start() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/dispatch")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 2000 })
    .build();
  connection.on("AlertChanged", (alert, number) => pushed(connection, alert, number));
  connection.on("AlertEscalated", (alert, number) => pushed(connection, alert, number));
  connection.on("Heartbeat", number => heartbeat(connection, number));
  connection.on("MonitoringChanged", showDegraded);
  connection.onreconnecting(() => { sequence = null; setConnection("disconnected"); });
  connection.onreconnected(() => resync(connection));
  connection.onclose(() => { sequence = null; setConnection("disconnected"); setTimeout(start, 2000); });
  try {
    await connection.start();
    current = connection;
    await resync(connection);
  } catch {
    setConnection("disconnected");
    setTimeout(start, 2000);
  }
}

$("search").addEventListener("input", render);
["filter-cause", "filter-community", "filter-priority"].forEach(id => $(id).addEventListener("change", render));
$("technical-all").addEventListener("change", () => {
  const raised = sorted().filter(a => isTechnical(a) && a.status === "Raised" && matches(a));
  if ($("technical-all").checked) raised.forEach(a => selectedTechnical.add(a.alertId)); else selectedTechnical.clear();
  render();
});
$("acknowledge-selected").addEventListener("click", () => acknowledgeSelected());
$("sound").addEventListener("click", async () => {
  await alarm.enable();
  // The same click asks for notifications, shown when this tab is hidden and an alert arrives.
  if ("Notification" in window && Notification.permission === "default") Notification.requestPermission();
  render();
});
$("acknowledge").addEventListener("click", () => act("acknowledge", {}));
$("dispatch").addEventListener("click", () => act("dispatch", { responder: $("responder").value, note: $("note").value || null }));
$("close").addEventListener("click", closeSelected);
document.addEventListener("keydown", e => {
  if (e.target.matches("input, textarea, select") || document.body.classList.contains("locked")) return;
  if (e.key === "a" && selected) act("acknowledge", {});
  if (e.key === "n") selectNext();
});
// A locked screen (session.js) holds no personal data: the detail is dropped, not just covered. The
// queue, its counts and the alarm sound go on.
document.addEventListener("careiot:locked", () => {
  selected = null;
  $("who").replaceChildren();
  $("readings").replaceChildren();
  $("detail-map").hidden = true;
  lastShown = { alertId: null, at: 0 };
  $("history").replaceChildren();
  $("note").value = "";
  render();
});
async function signedIn() {
  const user = await me();
  if (user.role === "relative") { location.href = `/site.html?kind=household&id=${encodeURIComponent(user.householdId)}`; return; }
  if (user.role === "installer") { location.href = "/install.html"; return; }
  await header(render);
  render();
  start();
}

signedIn();
