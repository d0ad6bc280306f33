// The rotation wall: shows the server's one rotation (every screen the same), tiles with live status,
// alarming sites first and flashing; pause, skip and pin go to the server so every screen follows.
import { $, api, applyTexts, header, language as currentLanguage, ready, refreshDegraded, showDegraded, t } from "./app.js";

await ready();
const language = currentLanguage();
let view = null;
let hub = null;

function siteName(tile) {
  if (tile.kind === "Facility") return tile.name;
  return tile.name ? `${t("community")} ${tile.name}` : t("ungrouped");
}

function fact(dl, key, value, bad) {
  const dt = document.createElement("dt"); dt.textContent = t(key);
  const dd = document.createElement("dd"); dd.textContent = value;
  if (bad) dd.className = "bad";
  dl.append(dt, dd);
}

function renderTile(tile) {
  const li = document.createElement("section");
  li.className = "tile";
  li.dataset.key = tile.key;
  if (view.alarming.includes(tile.key)) li.classList.add("alarming");
  if (view.pinned.includes(tile.key)) li.classList.add("pinned");
  const h2 = document.createElement("h2");
  const name = document.createElement("span"); name.textContent = siteName(tile);
  const pin = document.createElement("button");
  pin.type = "button"; pin.className = "pin";
  const pinned = view.pinned.includes(tile.key);
  pin.textContent = t(pinned ? "unpin" : "pin");
  pin.addEventListener("click", () => steer(pinned ? "Unpin" : "Pin", tile.key));
  h2.append(name, pin);
  const dl = document.createElement("dl");
  fact(dl, tile.kind === "Facility" ? "beds" : "households", String(tile.sites));
  if (tile.inBed != null) fact(dl, "inBedCount", String(tile.inBed));
  const alerts = Object.entries(tile.openAlerts).sort((a, b) => a[0].localeCompare(b[0]));
  fact(dl, "openAlerts", alerts.length ? alerts.map(([p, n]) => `${t(p)} ${n}`).join(" · ") : "0", alerts.length > 0);
  fact(dl, "devicesOffline", `${tile.devicesOffline} / ${tile.devices}`, tile.devicesOffline > 0);
  fact(dl, "lastSeen", tile.lastHeardSecondsAgo == null ? "—" : `${tile.lastHeardSecondsAgo} ${t("secondsAgo")}`);
  fact(dl, "vitalsAlerts", String(tile.vitalsOutOfRange), tile.vitalsOutOfRange > 0);
  li.append(h2, dl);
  return li;
}

async function loadTiles() {
  if (!view) return;
  const response = await api(`/api/wall/tiles?keys=${encodeURIComponent(view.onScreen.join(","))}`);
  if (!response.ok) return;
  const tiles = new Map((await response.json()).map(tile => [tile.key, tile]));
  $("wall").replaceChildren(...view.onScreen.filter(k => tiles.has(k)).map(k => renderTile(tiles.get(k))));
}

function show(next) {
  if (view && next.sequence <= view.sequence && next.shownSince === view.shownSince) return;
  view = next;
  $("wall").dataset.sequence = String(view.sequence);
  $("wall").dataset.page = String(view.page);
  $("page").textContent = `${t("page")} ${view.page + 1} / ${view.pageCount}`;
  $("pause").textContent = t(view.paused ? "resume" : "pause");
  $("watching").textContent = view.watching.length ? `${t("watching")}: ${view.watching.join(", ")}` : t("nobodyWatching");
  loadTiles();
}

function countdown() {
  $("next").textContent = !view ? "" : view.paused ? t("paused")
    : `${t("next")} ${Math.max(0, Math.round((new Date(view.nextAt) - Date.now()) / 1000))} s`;
}

async function steer(method, ...args) {
  $("wall-error").hidden = true;
  try { await hub.invoke(method, ...args); } catch (error) {
    $("wall-error").hidden = false;
    $("wall-error").textContent = String(error).includes("unauthorized") || String(error).includes("Unauthorized") ? t("forbidden") : String(error);
  }
}

function setConnection(state) {
  $("connection").dataset.state = state;
  $("connection").textContent = t(state);
  $("connection").className = `connection ${state === "connected" ? "up" : "down"}`;
}

function notice(n) {
  const li = document.createElement("li");
  li.textContent = `${new Date(n.at).toLocaleTimeString(language)} ${t("gapNotice")}: ${n.siteKey}`;
  $("notices").prepend(li);
  while ($("notices").children.length > 5) $("notices").lastChild.remove();
}

async function start() {
  hub = new signalR.HubConnectionBuilder().withUrl("/hubs/wall")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 2000 }).build();
  hub.on("ViewChanged", show);
  hub.on("RotationNotice", notice);
  hub.on("MonitoringChanged", showDegraded);
  hub.onreconnecting(() => setConnection("disconnected"));
  hub.onreconnected(async () => { view = null; show(await hub.invoke("GetView")); setConnection("connected"); refreshDegraded(); });
  hub.onclose(() => { setConnection("disconnected"); setTimeout(start, 2000); });
  try {
    await hub.start();
    view = null;
    show(await hub.invoke("GetView"));
    setConnection("connected");
    refreshDegraded();
  } catch {
    setConnection("disconnected");
    setTimeout(start, 2000);
  }
}

applyTexts();
header(() => location.reload());
$("pause").addEventListener("click", () => steer(view && view.paused ? "Resume" : "Pause"));
$("skip").addEventListener("click", () => steer("Skip"));
setInterval(countdown, 1000);
setInterval(loadTiles, 5000);
start();
