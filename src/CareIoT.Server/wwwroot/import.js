// Bulk import: a dry run lists every line's problems; importing is possible only for a clean file.
import { $, api, applyTexts, header, language as currentLanguage, ready, t } from "./app.js";

await ready();
const language = currentLanguage();

async function send(dryRun) {
  const file = $("file").files[0];
  if (!file) return;
  const response = await api(`/api/install/import?dryRun=${dryRun}`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });
  const result = await response.json();
  $("import-summary").textContent = result.problems?.length
    ? `${t("importProblems")}: ${result.problems.length}`
    : `${result.imported ? t("imported") : t("importClean")}: ${result.households} ${t("households")}, ${result.devices} ${t("devices")}`;
  $("problems").querySelector("tbody").replaceChildren(...(result.problems || []).map(p => {
    const tr = document.createElement("tr");
    for (const v of [p.line, p.householdId, p.problem]) { const td = document.createElement("td"); td.textContent = String(v); tr.append(td); }
    return tr;
  }));
  $("import").disabled = !(dryRun && response.ok && !result.problems?.length);
}

applyTexts();
header(() => location.reload());
$("check").addEventListener("click", () => send(true));
$("import").addEventListener("click", () => send(false));
$("file").addEventListener("change", () => { $("import").disabled = true; });
