// The shift view and handover report: what is still open, what this shift handled, what the journal says
// of it (alerts by cause, escalations, calls made, plan steps skipped with reasons), and the handover notes.
// Printable: the browser's print leaves out the page's controls.
import { $, api, applyTexts, header, json, language, ready, t } from "./app.js";

const cell = text => { const td = document.createElement("td"); td.textContent = text ?? ""; return td; };
const time = at => new Date(at).toLocaleTimeString(language());
const row = (...texts) => { const tr = document.createElement("tr"); tr.append(...texts.map(cell)); return tr; };

async function load() {
  const shift = await json("/api/shift/");
  $("since").textContent = new Date(shift.since).toLocaleString(language());
  $("open-count").textContent = String(shift.open.length);
  $("handled").querySelector("tbody").replaceChildren(...shift.handled.map(a =>
    row(t(a.cause), `${t(a.site.kind)} ${a.site.id}`, t(a.status), a.acknowledgedBy ?? "", time(a.closedAt))));
  const summary = shift.summary;
  $("by-cause").replaceChildren(...Object.entries(summary.raisedByCause).map(([cause, count]) => {
    const li = document.createElement("li");
    li.textContent = `${t(cause)}: ${count}`;
    return li;
  }));
  $("escalations").textContent = String(summary.escalations);
  $("calls").querySelector("tbody").replaceChildren(...summary.calls.map(c => {
    const d = JSON.parse(c.detail);
    return row(time(c.at), c.actor, t(c.cause), c.siteId, d.number, t(d.outcome), d.note ?? "");
  }));
  $("skipped").querySelector("tbody").replaceChildren(...summary.skipped.map(s => {
    const d = JSON.parse(s.detail);
    return row(time(s.at), s.actor, t(s.cause), s.siteId, (d.steps ?? []).join(", "), d.reason ?? "");
  }));
  $("handovers").replaceChildren(...shift.handovers.map(h => {
    const li = document.createElement("li");
    li.textContent = `${new Date(h.at).toLocaleString(language())} ${h.author} (${t("openNow")} ${h.openAlerts}): ${h.note}`;
    return li;
  }));
}

await ready();
applyTexts();
header(() => location.reload());
$("print").addEventListener("click", () => window.print());
$("handover").addEventListener("submit", async e => {
  e.preventDefault();
  const response = await api("/api/shift/handover", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ note: $("handover-note").value }),
  });
  $("handover-error").textContent = response.ok ? "" : (response.status === 403 ? t("forbidden") : String(response.status));
  if (response.ok) { $("handover-note").value = ""; load(); }
});
load();
