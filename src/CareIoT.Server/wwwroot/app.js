// The pages' shared module (import it with <script type="module">): the strings in both languages,
// the chosen language, t(), $(), a fetch that sends a signed-out browser to the sign-in page, the
// signed-in user (fetched once per page), and the shared header. One place for what every page needs.
export const languages = ["zh-CN", "en"];
const languageKey = "careiot.language";

let textsPromise = null;
let mePromise = null;
let texts = null;

/** Loads the strings of both languages once (i18n/zh-CN.json, i18n/en.json); resolves to them. */
export function ready() {
  textsPromise ??= Promise.all(languages.map(async language => {
    const response = await fetch(`/i18n/${language}.json`, { cache: "no-cache" });
    if (!response.ok) throw new Error(`strings for ${language}: HTTP ${response.status}`);
    return [language, await response.json()];
  })).then(pairs => { texts = Object.fromEntries(pairs); return texts; });
  textsPromise.catch(error => {
    const banner = document.createElement("p");
    banner.className = "load-error";
    banner.textContent = `CareIoT: ${error.message} — 界面文字加载失败，请刷新 / strings failed to load, reload the page`;
    document.body.prepend(banner);
  });
  return textsPromise;
}

export const language = () => localStorage.getItem(languageKey) || "zh-CN";

export function setLanguage(next) { localStorage.setItem(languageKey, next); }

/** The other language (the language button switches to it). */
export const otherLanguage = () => languages.find(l => l !== language()) ?? languages[0];

/** The text of key in the current language, with {name} placeholders filled from values. */
export function t(key, values) {
  const text = texts?.[language()]?.[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? "")) : text;
}

/** The element with this id. */
export const $ = id => document.getElementById(id);

/** Thrown after a 401 sent the browser to the sign-in page: the caller stops there. */
export class SignedOut extends Error { constructor() { super("signed out"); } }

/** fetch() that turns a 401 into a visit to the sign-in page (and a SignedOut error). */
export async function api(path, options) {
  const response = await fetch(path, options);
  if (response.status === 401) {
    location.href = "/login.html";
    throw new SignedOut();
  }
  return response;
}

/** fetch() of JSON with the same 401 handling; other failures throw with the status. */
export async function json(path, options) {
  const response = await api(path, options);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.status === 204 ? null : response.json();
}

/** The signed-in user (/api/auth/me), fetched once per page. */
export function me() {
  mePromise ??= json("/api/auth/me");
  return mePromise;
}

/**
 * The red "monitoring degraded" banner (#degraded) of a console or wall: what the platform cannot see and since
 * when, from its self-watch (pushed on change; read again by the page at each (re)connect).
 */
export function showDegraded(status) {
  const banner = $("degraded");
  if (!banner) return;
  const spots = status?.degraded ?? [];
  banner.hidden = spots.length === 0;
  banner.dataset.keys = spots.map(s => s.key).join(" ");
  banner.textContent = spots.length === 0 ? "" : `${t("monitoringDegraded")}: ` +
    spots.map(s => `${blindText(s)}（${t("since", { time: new Date(s.since).toLocaleTimeString(language()) })}）`).join("；");
}

// A blind spot in the page's language where the strings know its kind (mqtt, postgres, silence, spool, silo:NAME, dc09:tcp|udp).
const blindKeys = { mqtt: "blindMqtt", postgres: "blindPostgres", silence: "blindSilence", spool: "blindSpool", silo: "blindSilo", dc09: "blindDc09" };
function blindText(spot) {
  const [kind, name] = spot.key.split(":");
  return blindKeys[kind] ? t(blindKeys[kind], { name: name ?? "" }) : spot.what;
}

/** Reads the self-watch's status now (a console or wall that just (re)connected). */
export async function refreshDegraded() {
  const response = await fetch("/api/monitoring/status").catch(() => null);
  if (response?.ok) showDegraded(await response.json());
}

/** Fills every [data-text] element with its string and sets the page's language. */
export function applyTexts(root = document) {
  document.documentElement.lang = language();
  root.querySelectorAll("[data-text]").forEach(el => { el.textContent = t(el.dataset.text); });
  root.querySelectorAll("[data-placeholder]").forEach(el => { el.placeholder = t(el.dataset.placeholder); });
}

export async function signOut() {
  await fetch("/api/auth/logout", { method: "POST" });
  location.href = "/login.html";
}

// The pages of the centre and who may open them (the server checks again on every request).
const watchRoles = ["dispatcher", "supervisor", "inspector", "admin"];
const pages = [
  { href: "/", text: "console", roles: watchRoles },
  { href: "/shift.html", text: "shift", roles: ["dispatcher", "supervisor", "admin"] },
  { href: "/wall.html", text: "wall", roles: watchRoles },
  { href: "/map.html", text: "map", roles: watchRoles },
  { href: "/report.html", text: "reportTitle", roles: watchRoles },
  { href: "/nights.html", text: "morningReport", roles: watchRoles },
  { href: "/install.html", text: "installTitle", roles: ["installer", "supervisor", "admin"] },
  { href: "/import.html", text: "importTitle", roles: ["installer", "supervisor", "admin"] },
];

/**
 * The shared header: the links to the pages this user may open (not the current one), who is signed in,
 * the language switch and sign-out, appended to the page's <header> after its own title and controls.
 * onLanguage is called after the language changed (the page re-draws its own texts).
 */
export async function header(onLanguage) {
  const user = await me();
  const bar = document.querySelector("header");
  const nav = document.createElement("nav");
  nav.id = "app-nav";
  for (const page of pages.filter(p => p.roles.includes(user.role) && p.href !== location.pathname && !(p.href === "/" && location.pathname === "/index.html"))) {
    const link = document.createElement("a");
    link.href = page.href;
    link.dataset.text = page.text;
    nav.append(link);
  }
  const who = document.createElement("span");
  who.id = "signed-in";
  const name = document.createElement("strong");
  name.id = "operator";
  name.textContent = user.username;
  who.append(name);
  const switchLanguage = document.createElement("button");
  switchLanguage.type = "button";
  switchLanguage.id = "language";
  switchLanguage.addEventListener("click", () => {
    setLanguage(otherLanguage());
    applyTexts();
    switchLanguage.textContent = t("other");
    onLanguage?.();
  });
  const leave = document.createElement("button");
  leave.type = "button";
  leave.id = "sign-out";
  leave.dataset.text = "signOut";
  leave.addEventListener("click", signOut);
  nav.append(who, switchLanguage, leave);
  bar.append(nav);
  applyTexts(nav);
  switchLanguage.textContent = t("other");
  return user;
}
