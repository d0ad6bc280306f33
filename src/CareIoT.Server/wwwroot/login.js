// Sign in, then go to the console.
import { $, applyTexts, ready, t } from "./app.js";

await ready();
applyTexts();
$("login").addEventListener("submit", async e => {
  e.preventDefault();
  const response = await fetch("/api/auth/login", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: $("username").value, password: $("password").value }),
  });
  if (response.ok) {
    const user = await response.json();
    localStorage.setItem("careiot.activity", String(Date.now())); // a new session starts unlocked and active (session.js)
    localStorage.removeItem("careiot.locked");
    location.href = user.role === "relative" ? `/site.html?kind=household&id=${encodeURIComponent(user.householdId)}`
      : user.role === "installer" ? "/install.html" : "/";
  } else $("login-error").textContent = t(response.status === 429 ? "tooManyTries" : "wrongLogin");
});
