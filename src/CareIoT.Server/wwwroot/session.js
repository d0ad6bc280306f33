// Idle sessions, on every signed-in page (a module beside the page's own, sharing app.js). A person's keys, pointer and touch in any
// tab of this browser count as activity (shared through localStorage); while there is activity the
// session is kept alive (a keepalive at most once a minute), and the server ends a session after
// Auth:IdleMinutes without a request. Before the end the page warns; at the end it signs out.
// Watch stations are the exception: a signed-out console would silence alarms. The console
// (<body data-idle="lock">) locks instead: an overlay hides personal data, the queue count and the
// alarm sound keep working, the session stays alive, and unlocking takes the password again. The
// wall (<body data-idle="keep">) shows no personal data and only keeps alive. While a watch station
// is open in this browser, other pages lock rather than sign out, so they never end its session.
import { me, ready, t } from "./app.js";

await ready();
const mode = document.body.dataset.idle || "sign-out";
const activityKey = "careiot.activity";
const lockedKey = "careiot.locked";
const watchKey = "careiot.watchStation";
const user = await me(); // the same request as the page's own (a signed-out browser goes to the login page)
const idleMs = user.idleSeconds * 1000;
const warnMs = user.idleWarningSeconds * 1000;
const keepAliveMs = Math.min(60_000, idleMs / 4);
const watchFreshMs = Math.max(150_000, 3 * keepAliveMs); // hidden tabs run their timers about once a minute
let ownActivity = Date.now(); // opening a page is activity
let lastKeepAlive = 0;
let lastShared = 0;
let lastWatch = 0;
let warning = null;
let lock = null;
let leaving = false;

const isLocked = () => localStorage.getItem(lockedKey) === "1";
const lastActivity = () => Math.max(ownActivity, Number(localStorage.getItem(activityKey)) || 0);
const watchStationOpen = () => Date.now() - (Number(localStorage.getItem(watchKey)) || 0) < watchFreshMs;

async function keepAlive() {
  lastKeepAlive = Date.now();
  try {
    const response = await fetch("/api/auth/keepalive", { method: "POST" });
    if (response.status === 401) location.href = "/login.html";
  } catch { /* the host is away; the page shows that itself, and the next tick tries again */ }
}

// The warning goes at the next tick, not here, so its button still gets its click; while it shows,
// only a deliberate act (a key, a click, a touch) counts, not a passing pointer.
function active(e) {
  if (isLocked() || (warning && e?.type === "pointermove")) return;
  const now = Date.now();
  ownActivity = now;
  if (now - lastShared >= 1000) { localStorage.setItem(activityKey, String(now)); lastShared = now; }
  if (now - lastKeepAlive >= keepAliveMs) keepAlive();
}

function showWarning(left) {
  if (!warning) {
    warning = document.createElement("div");
    warning.id = "session-warning";
    warning.setAttribute("role", "alertdialog");
    const text = document.createElement("span");
    const stay = document.createElement("button");
    stay.type = "button";
    stay.addEventListener("click", () => { lastKeepAlive = 0; active(); });
    warning.append(text, stay);
    document.body.append(warning);
  }
  const seconds = String(Math.max(0, Math.ceil(left / 1000)));
  const lockInstead = mode === "lock" || watchStationOpen();
  warning.firstChild.textContent = t(lockInstead ? "idleLockIn" : "idleSignOutIn").replace("{seconds}", seconds);
  warning.lastChild.textContent = t("staySignedIn");
}

function hideWarning() { warning?.remove(); warning = null; }

async function signOut() {
  if (leaving) return;
  leaving = true;
  await fetch("/api/auth/logout", { method: "POST" }).catch(() => {});
  location.href = "/login.html";
}

function showLock() {
  hideWarning();
  if (lock) return;
  document.body.classList.add("locked");
  document.dispatchEvent(new CustomEvent("careiot:locked")); // pages drop personal data they hold on screen
  lock = document.createElement("form");
  lock.id = "session-lock";
  const title = document.createElement("h2");
  title.textContent = t("screenLocked");
  const hint = document.createElement("p");
  hint.textContent = t("screenLockedHint").replace("{user}", user.username);
  const password = document.createElement("input");
  password.type = "password";
  password.id = "unlock-password";
  password.autocomplete = "current-password";
  password.required = true;
  password.setAttribute("aria-label", t("password"));
  const unlock = document.createElement("button");
  unlock.type = "submit";
  unlock.textContent = t("unlock");
  const error = document.createElement("p");
  error.id = "unlock-error";
  error.setAttribute("role", "alert");
  const other = document.createElement("button");
  other.type = "button";
  other.textContent = t("signOut");
  other.addEventListener("click", () => { localStorage.removeItem(lockedKey); signOut(); });
  lock.append(title, hint, password, unlock, error, other);
  lock.addEventListener("submit", async e => {
    e.preventDefault();
    const response = await fetch("/api/auth/unlock", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ password: password.value }),
    });
    password.value = "";
    if (response.status === 401) { location.href = "/login.html"; return; }
    if (!response.ok) { error.textContent = t(response.status === 429 ? "tooManyTries" : "wrongPassword"); return; }
    localStorage.removeItem(lockedKey);
    hideLock();
    lastKeepAlive = 0;
    active();
  });
  document.body.append(lock);
  password.focus();
}

function hideLock() {
  if (!lock) return;
  lock.remove();
  lock = null;
  document.body.classList.remove("locked");
  document.dispatchEvent(new CustomEvent("careiot:unlocked"));
}

function tick() {
  const now = Date.now();
  if (mode !== "sign-out") {
    if (now - lastWatch >= 5000) { localStorage.setItem(watchKey, String(now)); lastWatch = now; }
    if (now - lastKeepAlive >= keepAliveMs) keepAlive(); // a watch station stays signed in, idle or locked
    if (mode === "keep") return;
  }
  if (isLocked()) { showLock(); return; }
  hideLock(); // unlocked in another tab
  const left = lastActivity() + idleMs - now;
  if (left <= 0) {
    if (mode === "lock" || watchStationOpen()) { localStorage.setItem(lockedKey, "1"); showLock(); } else signOut();
  } else if (left <= warnMs) showWarning(left);
  else hideWarning();
}

for (const kind of ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"]) {
  addEventListener(kind, active, { capture: true, passive: true });
}
if (!isLocked()) active();
if (!lastKeepAlive) keepAlive();
tick();
setInterval(tick, 1000);
