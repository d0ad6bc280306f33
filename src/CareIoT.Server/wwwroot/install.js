// The installer's phone page: find a home, fit a device (credentials shown once) or bind an alarm
// panel's DC-09 account, walk-test every device with live ticks, finish into an installation record.
import { $, api, applyTexts, header, language as currentLanguage, ready, t } from "./app.js";

await ready();
const language = currentLanguage();
let household = null;
let poll = null;

async function call(method, path, body) {
  const response = await api(path, { method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  return { ok: response.ok, status: response.status, body: text ? JSON.parse(text) : null };
}

function showError(answer) {
  $("install-error").hidden = answer.ok;
  if (!answer.ok) $("install-error").textContent = answer.status === 403 ? t("forbidden") : (answer.body?.detail || answer.body?.title || String(answer.status));
}

async function find(e) {
  e?.preventDefault();
  const answer = await call("GET", `/api/install/households?search=${encodeURIComponent($("search").value)}`);
  $("found").replaceChildren(...(answer.body || []).map(h => {
    const li = document.createElement("li"); const b = document.createElement("button");
    b.type = "button"; b.textContent = `${h.elderName} · ${h.address} · ${h.householdId} (${h.devices})`;
    b.addEventListener("click", () => open(h));
    li.append(b); return li;
  }));
}

function open(h) {
  household = h;
  $("home").hidden = false;
  $("home").dataset.household = h.householdId;
  $("home-title").textContent = `${h.elderName}（${h.householdId}）`;
  $("home-address").textContent = h.address;
  $("credentials").hidden = true;
  $("panel-bound").hidden = true; $("panel-error").hidden = true;
  refresh(); loadRecords();
  clearInterval(poll); poll = setInterval(refresh, 1000);
}

async function refresh() {
  if (!household) return;
  const view = (await call("GET", `/api/install/sites/household/${encodeURIComponent(household.householdId)}/walk-test`)).body;
  const running = view.test != null;
  $("start-test").hidden = running; $("finish-test").hidden = !running;
  $("test-state").textContent = running ? `${t("testRunningUntil")} ${new Date(view.test.until).toLocaleTimeString(language)}` : t("testNotRunning");
  $("test-devices").replaceChildren(...view.devices.map(d => {
    const li = document.createElement("li");
    li.dataset.device = d.deviceId;
    const last = d.signals[d.signals.length - 1];
    if (running && last) li.className = "passed";
    const health = d.health;
    // A device counts as online until supervision finds it silent, so only a last-heard time shows that
    // it really spoke (a panel sends no readings, only link tests: this is what the installer checks).
    const heard = health.lastSeen ? `${t("lastSeen")} ${new Date(health.lastSeen).toLocaleTimeString(language)}` : null;
    li.classList.toggle("online", health.online && heard !== null);
    const status = heard === null ? t("neverHeard") : `${health.online ? t("online") : t("offlineNow")} · ${heard}`;
    li.textContent = `${t(d.kind)} ${d.deviceId} · ${status} · ${t("signal")} ${health.signalDbm ?? last?.signalDbm ?? "—"} dBm · ${t("battery")} ${health.batteryPercent ?? last?.batteryPercent ?? "—"}%`
      + (last ? ` · ${t(last.event)} ${new Date(last.at).toLocaleTimeString(language)}` : running ? ` · ${t("waitingForSignal")}` : "");
    return li;
  }));
}

async function loadRecords() {
  const records = (await call("GET", `/api/install/sites/household/${encodeURIComponent(household.householdId)}/records`)).body || [];
  $("records").replaceChildren(...records.map(r => {
    const li = document.createElement("li");
    const devices = [...new Set(r.signals.map(s => s.deviceId))];
    li.textContent = `${new Date(r.startedAt).toLocaleString(language)} ${r.installer} · ${t(r.outcome)} · ${t("devicesTested")} ${devices.length}: ${devices.join(", ")}`;
    return li;
  }));
}

async function loadVendors() {
  const answer = await call("GET", "/api/install/panels/vendors");
  $("panel-vendor").append(...(answer.body || []).map(vendor => new Option(vendor, vendor)));
}

function showKeyField() {
  const format = $("panel-key-format").value;
  $("panel-key-field").hidden = !format;
  $("panel-key").required = format !== "";
  $("panel-key").placeholder = format === "hex" ? t("hexKeyHint") : t("textKeyHint");
}

async function bindPanel(e) {
  e.preventDefault();
  const account = $("panel-account").value.trim().toUpperCase();
  const format = $("panel-key-format").value;
  const minutes = $("panel-supervision").value;
  const answer = await call("PUT", `/api/install/panels/${encodeURIComponent(account)}`, {
    householdId: household.householdId, serial: $("panel-serial").value.trim(),
    key: format ? $("panel-key").value : null, keyFormat: format || null,
    vendor: $("panel-vendor").value || null, supervisionMinutes: minutes ? Number(minutes) : null,
  });
  $("panel-error").hidden = answer.ok;
  $("panel-bound").hidden = !answer.ok;
  if (!answer.ok) {
    // The server says what is wrong (key length, taken account…) as a code, shown in the page's language.
    const code = answer.body?.code ? `panelProblem.${answer.body.code}` : null;
    const why = answer.status === 403 ? t("forbidden") : code && t(code) !== code ? t(code) : answer.body?.error || answer.status;
    $("panel-error").textContent = `${t("panelRefused")}: ${why}`;
    return;
  }

  const p = answer.body;
  $("panel-bound").textContent = `${t("panelBound")}: ${p.account} → ${p.deviceId} · ${t("encrypted")}: ${p.encrypted ? t("yes") : t("no")}`
    + ` · ${p.vendor ?? t("standardCodes")}`;
  $("panel").reset(); showKeyField();
  refresh();
}

$("find").addEventListener("submit", find);
$("panel").addEventListener("submit", bindPanel);
$("panel-key-format").addEventListener("change", showKeyField);
$("panel-account").addEventListener("input", e => {
  const input = e.target, at = input.selectionStart;
  input.value = input.value.toUpperCase();
  input.setSelectionRange(at, at);
});
$("fit").addEventListener("submit", async e => {
  e.preventDefault();
  const answer = await call("POST", "/api/install/devices", { serial: $("fit-serial").value.trim(), kind: $("fit-kind").value, householdId: household.householdId });
  showError(answer);
  if (!answer.ok) return;
  const c = answer.body;
  $("credentials").hidden = false;
  const tls = c.mqttTlsPort ? `\nMQTT TLS ${c.mqttHost}:${c.mqttTlsPort}` : "";
  $("credentials").textContent = `${t("credentialsOnce")}${tls}\nMQTT ${c.mqttHost}:${c.mqttPort}\n${t("username")}: ${c.username}\n${t("password")}: ${c.password}\n${c.eventsTopic}`;
  $("fit-serial").value = "";
  refresh();
});
$("start-test").addEventListener("click", async () => { showError(await call("POST", `/api/install/sites/household/${encodeURIComponent(household.householdId)}/walk-test`, { minutes: 30 })); refresh(); });
$("finish-test").addEventListener("click", async () => { showError(await call("POST", `/api/install/sites/household/${encodeURIComponent(household.householdId)}/walk-test/finish`)); refresh(); loadRecords(); });

applyTexts();
header(() => location.reload());
showKeyField(); loadVendors();
const given = new URLSearchParams(location.search).get("household");
if (given) { $("search").value = given; find().then(() => $("found").querySelector("button")?.click()); }
