// Sign in, then go to the console.
(() => {
"use strict";
const language = localStorage.getItem("careiot.language") || "zh-CN";
const t = key => window.careiotTexts[language][key] ?? key;
document.documentElement.lang = language;
document.querySelectorAll("[data-text]").forEach(el => { el.textContent = t(el.dataset.text); });
document.getElementById("login").addEventListener("submit", async e => {
  e.preventDefault();
  const response = await fetch("/api/auth/login", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: document.getElementById("username").value, password: document.getElementById("password").value }),
  });
  if (response.ok) location.href = "/"; else document.getElementById("login-error").textContent = t("wrongLogin");
});
})();
