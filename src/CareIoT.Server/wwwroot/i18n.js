// Loads the console's strings from the resource files i18n/zh-CN.json (default) and i18n/en.json.
// Pages wait for window.careiotTexts.ready, then read window.careiotTexts[language][key].
"use strict";
window.careiotLanguages = ["zh-CN", "en"];
window.careiotTextsReady = Promise.all(window.careiotLanguages.map(async language => {
  const response = await fetch(`/i18n/${language}.json`, { cache: "no-cache" });
  if (!response.ok) throw new Error(`strings for ${language}: HTTP ${response.status}`);
  return [language, await response.json()];
})).then(pairs => { window.careiotTexts = Object.fromEntries(pairs); });
window.careiotTextsReady.catch(error => {
  const banner = document.createElement("p");
  banner.className = "load-error";
  banner.textContent = `CareIoT: ${error.message} — 界面文字加载失败，请刷新 / strings failed to load, reload the page`;
  document.body.prepend(banner);
});
