// The shift view: what is still open, what this shift handled, and the handover notes.
window.careiotTextsReady.then(() => {
"use strict";
const language = localStorage.getItem("careiot.language") || "zh-CN";
const t = key => window.careiotTexts[language][key] ?? key;
const $ = id => document.getElementById(id);
const cell = text => { const td = document.createElement("td"); td.textContent = text; return td; };

async function load() {
  const response = await fetch("/api/shift/");
  if (response.status === 401) { location.href = "/login.html"; return; }
  const shift = await response.json();
  $("since").textContent = new Date(shift.since).toLocaleString(language);
  $("open-count").textContent = String(shift.open.length);
  $("handled").querySelector("tbody").replaceChildren(...shift.handled.map(a => {
    const tr = document.createElement("tr");
    tr.append(cell(t(a.cause)), cell(`${t(a.site.kind)} ${a.site.id}`), cell(t(a.status)), cell(a.acknowledgedBy ?? ""),
      cell(new Date(a.closedAt).toLocaleTimeString(language)));
    return tr;
  }));
  $("handovers").replaceChildren(...shift.handovers.map(h => {
    const li = document.createElement("li");
    li.textContent = `${new Date(h.at).toLocaleString(language)} ${h.author} (${t("openNow")} ${h.openAlerts}): ${h.note}`;
    return li;
  }));
}

document.documentElement.lang = language;
document.querySelectorAll("[data-text]").forEach(el => { el.textContent = t(el.dataset.text); });
$("handover").addEventListener("submit", async e => {
  e.preventDefault();
  const response = await fetch("/api/shift/handover", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ note: $("handover-note").value }),
  });
  $("handover-error").textContent = response.ok ? "" : (response.status === 403 ? t("forbidden") : String(response.status));
  if (response.ok) { $("handover-note").value = ""; load(); }
});
load();
});
