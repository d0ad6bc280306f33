// CareIoT dispatch console: the open-alert queue, kept in sync over SignalR.
// On every (re)connect the queue is reloaded from the server, so it is never silently stale.
(() => {
"use strict";

const texts = {
  "zh-CN": {
    title: "CareIoT 调度台", connecting: "正在连接…", connected: "已连接", disconnected: "连接中断！报警队列可能已过期",
    priority: "优先级", cause: "类型", site: "位置", device: "设备", raisedAt: "报警时间", occurrences: "次数", status: "状态",
    empty: "暂无未处理报警", other: "English",
    Highest: "最高", Critical: "紧急", High: "高", Normal: "普通", Low: "低",
    PersonalEmergency: "紧急呼叫", Fire: "火警", Household: "居家", Bed: "床位",
    Raised: "待响应", Acknowledged: "已确认", Dispatched: "已派遣",
  },
  en: {
    title: "CareIoT dispatch console", connecting: "Connecting…", connected: "Connected", disconnected: "Disconnected! The alert queue may be stale",
    priority: "Priority", cause: "Cause", site: "Site", device: "Device", raisedAt: "Raised", occurrences: "Count", status: "Status",
    empty: "No open alerts", other: "中文",
    Highest: "Highest", Critical: "Critical", High: "High", Normal: "Normal", Low: "Low",
    PersonalEmergency: "Personal emergency", Fire: "Fire", Household: "Home", Bed: "Bed",
    Raised: "Raised", Acknowledged: "Acknowledged", Dispatched: "Dispatched",
  },
};
const priorityRank = { Highest: 1, Critical: 2, High: 3, Normal: 4, Low: 5 };
const alerts = new Map();
let language = localStorage.getItem("careiot.language") || "zh-CN";

const t = key => texts[language][key] ?? key;
const isOpen = a => a.status === "Raised" || a.status === "Acknowledged" || a.status === "Dispatched";

function render() {
  document.documentElement.lang = language;
  document.title = t("title");
  document.querySelectorAll("[data-text]").forEach(el => { el.textContent = t(el.dataset.text); });
  const connection = document.getElementById("connection");
  connection.textContent = t(connection.dataset.state);
  document.getElementById("language").textContent = t("other");

  const rows = [...alerts.values()].sort((a, b) =>
    priorityRank[a.priority] - priorityRank[b.priority] || a.raisedAt.localeCompare(b.raisedAt));
  const body = document.querySelector("#queue tbody");
  body.replaceChildren(...rows.map(a => {
    const tr = document.createElement("tr");
    tr.className = "p-" + a.priority;
    tr.dataset.alertId = a.alertId;
    const cells = [t(a.priority), t(a.cause), `${t(a.site.kind)} ${a.site.id}`, a.deviceId,
      new Date(a.raisedAt).toLocaleString(language), String(a.occurrences), t(a.status)];
    tr.replaceChildren(...cells.map(text => { const td = document.createElement("td"); td.textContent = text; return td; }));
    return tr;
  }));
  document.getElementById("empty").hidden = rows.length > 0;
  const counts = document.getElementById("counts");
  counts.replaceChildren(...Object.keys(priorityRank).map(p => {
    const span = document.createElement("span");
    span.textContent = `${t(p)} ${rows.filter(a => a.priority === p).length}`;
    return span;
  }));
}

function setConnection(state) {
  const el = document.getElementById("connection");
  el.dataset.state = state;
  el.className = "connection " + (state === "connected" ? "up" : "down");
  render();
}

function upsert(alert) {
  if (isOpen(alert)) alerts.set(alert.alertId, alert); else alerts.delete(alert.alertId);
  render();
}

async function resync(connection) {
  const open = await connection.invoke("GetOpenAlerts");
  alerts.clear();
  open.forEach(a => alerts.set(a.alertId, a));
  setConnection("connected");
}

async function start() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/dispatch")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 2000 })
    .build();
  connection.on("AlertChanged", upsert);
  connection.onreconnecting(() => setConnection("disconnected"));
  connection.onreconnected(() => resync(connection));
  connection.onclose(() => { setConnection("disconnected"); setTimeout(start, 2000); });
  try {
    await connection.start();
    await resync(connection);
  } catch {
    setConnection("disconnected");
    setTimeout(start, 2000);
  }
}

document.getElementById("language").addEventListener("click", () => {
  language = language === "zh-CN" ? "en" : "zh-CN";
  localStorage.setItem("careiot.language", language);
  render();
});
render();
start();
})();
