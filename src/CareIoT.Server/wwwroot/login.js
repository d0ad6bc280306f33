// Sign in, then go to the console.
window.careiotTextsReady.then(() => {
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
  if (response.ok) {
    const user = await response.json();
    localStorage.setItem("careiot.activity", String(Date.now())); // a new session starts unlocked and active (session.js)
    localStorage.removeItem("careiot.locked");
    location.href = user.role === "relative" ? `/site.html?kind=household&id=${encodeURIComponent(user.householdId)}`
      : user.role === "installer" ? "/install.html" : "/";
  } else document.getElementById("login-error").textContent = t(response.status === 429 ? "tooManyTries" : "wrongLogin");
});
});
