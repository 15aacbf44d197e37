// Shared by the staff console and the resident tracker: strings, the API helper, DOM and map helpers.
// Everything from the API goes into the page through textContent / attributes, never as HTML.

const FALLBACK_LANGUAGE = "en";
let strings = {};

// ---------------------------------------------------------------- strings

/** Loads strings for the browser's language (primary subtag), falling back to English, then fills the page. */
export async function loadStrings() {
  const wanted = (navigator.language || FALLBACK_LANGUAGE).toLowerCase().split("-")[0];
  const candidates = wanted === FALLBACK_LANGUAGE ? [FALLBACK_LANGUAGE] : [wanted, FALLBACK_LANGUAGE];
  for (const lang of candidates) {
    const loaded = await fetchStrings(lang);
    if (loaded) {
      strings = loaded;
      document.documentElement.lang = lang;
      break;
    }
  }
  applyStrings(document);
}

async function fetchStrings(lang) {
  if (!/^[a-z]{2,3}$/.test(lang)) return null;
  try {
    const response = await fetch(`/open311/web/strings.${lang}.json`, { headers: { Accept: "application/json" } });
    return response.ok ? await response.json() : null;
  } catch {
    // Offline or blocked: the English text already in the HTML stays.
    return null;
  }
}

/** The string for key with {name} placeholders filled; the key itself when missing (visible, so it gets noticed). */
export function t(key, params = {}) {
  const template = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether a string exists: lets callers show raw values (e.g. unknown statuses) instead of a key. */
export function hasString(key) {
  return Object.prototype.hasOwnProperty.call(strings, key);
}

/**
 * The string for key as DOM nodes, where a placeholder may be a Node (e.g. a link):
 * word order stays the translator's.
 */
export function tNodes(key, params = {}) {
  const template = hasString(key) ? strings[key] : key;
  const nodes = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    nodes.push(document.createTextNode(template.slice(last, match.index)));
    const value = params[match[1]];
    nodes.push(value instanceof Node ? value : document.createTextNode(value === undefined ? match[0] : String(value)));
    last = match.index + match[0].length;
  }
  nodes.push(document.createTextNode(template.slice(last)));
  return nodes;
}

/** Fills data-i18n (text), data-i18n-placeholder, data-i18n-aria-label and data-i18n-alt under root. */
export function applyStrings(root) {
  for (const node of root.querySelectorAll("[data-i18n]")) {
    if (hasString(node.dataset.i18n)) node.textContent = t(node.dataset.i18n);
  }
  const attributes = { i18nPlaceholder: "placeholder", i18nAriaLabel: "aria-label", i18nAlt: "alt" };
  for (const [data, attribute] of Object.entries(attributes)) {
    const selector = `[data-${data.replace(/[A-Z]/g, c => "-" + c.toLowerCase())}]`;
    for (const node of root.querySelectorAll(selector)) {
      if (hasString(node.dataset[data])) node.setAttribute(attribute, t(node.dataset[data]));
    }
  }
}

/** Human label of a status or extended status ("in_progress" → "In progress"). */
export function statusLabel(status) {
  if (!status) return "";
  const key = `status_${status}`;
  return hasString(key) ? t(key) : status.replace(/_/g, " ");
}

// ---------------------------------------------------------------- API

export class ApiError extends Error {
  constructor(status, description) {
    super(description);
    this.status = status;
    this.description = description;
  }
}

/**
 * Calls the API and returns { data, etag, response }. Throws ApiError with the Open311 error description.
 * Options: method, body (sent as JSON), key (Bearer), etag (If-Match), raw (return the response unread).
 */
export async function api(path, { method = "GET", body, key, etag, raw = false } = {}) {
  const headers = { Accept: raw ? "*/*" : "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (etag) headers["If-Match"] = etag;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    // no-store: a cached GET would hand back an old ETag and turn the next save into a 412.
    response = await fetch(path, {
      method, headers, cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, t("network_error"));
  }
  if (!response.ok) throw new ApiError(response.status, await errorDescription(response));
  if (raw) return { data: null, etag: response.headers.get("ETag"), response };
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, t("bad_answer"));
  }
  return { data, etag: response.headers.get("ETag"), response };
}

async function errorDescription(response) {
  try {
    const body = await response.json();
    const errors = Array.isArray(body) ? body : [body];
    const text = errors.map(e => e && e.description).filter(Boolean).join(" ");
    if (text) return text;
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to the generic message.
  }
  return t("http_error", { status: response.status });
}

// ---------------------------------------------------------------- DOM

export const $ = id => document.getElementById(id);

/**
 * Creates an element. props: text, class, dataset, hidden, and any attribute or property (on* → listener).
 * Children may be strings, Nodes, or null (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "value") node.value = value;
    else if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Shows text or nodes in the #message live region; errors get class "error". */
export function showMessage(content, { error = false } = {}) {
  const box = $("message");
  box.replaceChildren(...(Array.isArray(content) ? content : [content]));
  box.classList.toggle("error", error);
  box.classList.toggle("ok", !error);
}

export function showError(errorOrText) {
  const text = errorOrText instanceof Error ? errorOrText.message : String(errorOrText);
  showMessage(text, { error: true });
}

/** Shows an error about one control and puts the focus on it. */
export function failAt(text, focusId) {
  showError(text);
  document.getElementById(focusId).focus();
}

export function clearMessage() {
  const box = $("message");
  box.replaceChildren();
  box.classList.remove("error", "ok");
}

/** toLocaleString of an ISO date-time, or "—" when absent or unreadable. */
export function formatDate(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
}

/** A <time> element showing the local date and carrying the machine-readable value. */
export function timeElement(iso) {
  return el("time", { datetime: iso || undefined, text: formatDate(iso) });
}

/** Disables a button while an async action runs, so a double click does not send twice. */
export async function whileBusy(button, action) {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}

export const truncate = (text, length) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);

/** "YYYY-MM-DDTHH:MM" in local time, what a datetime-local input shows. */
export function toLocalInput(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return "";
  const pad = n => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A date input's day as ISO with zone: its local start, or with endOfDay its last millisecond. */
export function dateBound(value, endOfDay) {
  if (!value) return "";
  const date = new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00"}`);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/** Saves a blob as a file through a temporary download link. */
export function downloadBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/**
 * Fills list with a request's history, oldest first; empty (a paragraph) is shown when there is none.
 * Staff see internal notes marked "Internal" and who wrote each; the public page never shows internal ones.
 */
export function renderHistory(list, empty, notes, staff) {
  const shown = notes.filter(note => staff || note.type !== "internal")
    .sort((a, b) => (Date.parse(a.datetime) || 0) - (Date.parse(b.datetime) || 0));
  list.replaceChildren(...shown.map(note => {
    const internal = note.type === "internal";
    return el("li", { class: internal ? "internal" : undefined },
      el("p", { class: "history-head" },
        timeElement(note.datetime),
        internal && el("span", { class: "badge badge-internal", text: t("internal") }),
        note.summary && el("strong", { text: note.summary })),
      note.description && el("p", { class: "prewrap", text: note.description }),
      staff && note.by && el("p", { class: "muted", text: t("note_by", { by: note.by }) }));
  }));
  empty.hidden = shown.length > 0;
}

/** A status badge: colour by open/closed, text from the extended status when there is one. */
export function statusBadge(status, extendedStatus) {
  const closed = status === "closed";
  const label = extendedStatus && extendedStatus !== status ? statusLabel(extendedStatus) : statusLabel(status);
  return el("span", { class: `badge ${closed ? "badge-closed" : "badge-open"}`, text: label });
}

/** Only http(s) URLs are used as image sources or links from API data. */
export function safeUrl(url) {
  if (!url || typeof url !== "string") return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- maps

export const COLORS = { boundary: "#1d4f91", preview: "#b34700", open: "#1d5fa8", closed: "#23783a", point: "#b3261e" };

export function metaContent(name) {
  const meta = document.querySelector(`meta[name="${name}"]`);
  return meta ? meta.content.trim() : "";
}

/** A Leaflet map in container: tiles only when configured, otherwise a plain vector map. */
export function createMap(container) {
  const tiles = metaContent("open311-tiles");
  // maxZoom: without tiles Leaflet has no limit, and fitting a single point would zoom without end.
  const map = L.map(container, { keyboard: true, attributionControl: Boolean(tiles), zoomSnap: 0.25, maxZoom: 19 });
  if (tiles) {
    L.tileLayer(tiles, { attribution: metaContent("open311-tiles-attribution"), maxZoom: 19 }).addTo(map);
  }
  map.setView([20, 0], 2);
  return map;
}

/** A geometry from a geometry, a Feature or a FeatureCollection (its first feature); null when none. */
export function toGeometry(geojson) {
  if (!geojson || typeof geojson !== "object") return null;
  if (geojson.type === "Feature") return geojson.geometry || null;
  if (geojson.type === "FeatureCollection") return (geojson.features && geojson.features[0] && geojson.features[0].geometry) || null;
  return geojson;
}

export function isArea(geometry) {
  return Boolean(geometry) && (geometry.type === "Polygon" || geometry.type === "MultiPolygon") && Array.isArray(geometry.coordinates);
}

/** The town outline, lightly filled; not interactive so clicks reach the map. */
export function boundaryLayer(geojson, color = COLORS.boundary, dashed = false) {
  const geometry = toGeometry(geojson);
  if (!geometry) return null;
  return L.geoJSON(geometry, {
    interactive: false,
    style: { color, weight: 2, fillColor: color, fillOpacity: 0.08, dashArray: dashed ? "6 4" : null },
  });
}

export function pointLayer(lat, long, color = COLORS.point) {
  return L.circleMarker([lat, long], { radius: 8, color: "#ffffff", weight: 2, fillColor: color, fillOpacity: 0.95 });
}

export function hasPoint(item) {
  const isNumber = v => v !== null && v !== undefined && v !== "" && Number.isFinite(Number(v));
  return Boolean(item) && isNumber(item.lat) && isNumber(item.long);
}

/** Fits the map to the outline, else to the point, else leaves a world view. */
export function fitMap(map, outline, point) {
  map.invalidateSize();
  const bounds = outline && outline.getBounds();
  if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17 });
  else if (point) map.setView(point.getLatLng(), 16);
  else map.setView([20, 0], 2);
}

const maps = {};

/** The map in the element with that id and its layer group, made on first use (the element must be visible). */
export function mapIn(id, onCreate) {
  if (!maps[id]) {
    const map = createMap(document.getElementById(id));
    maps[id] = { map, group: L.layerGroup().addTo(map) };
    if (onCreate) onCreate(map);
  }
  return maps[id];
}

/** Redraws a map with the town's outline and the item's point (when it has one), fitted to them. */
export async function drawTownAndPoint(mapId, jurisdictionId, item, onCreate) {
  const { map, group } = mapIn(mapId, onCreate);
  const town = await loadTown(jurisdictionId).catch(() => null);
  group.clearLayers();
  const outline = town && boundaryLayer(town.boundary);
  if (outline) outline.addTo(group);
  const point = hasPoint(item) ? pointLayer(Number(item.lat), Number(item.long)).addTo(group) : null;
  fitMap(map, outline, point);
  return { map, group, point };
}

// The boundary of a town, from the public endpoint, read once per page.
const townCache = new Map();

export async function loadTown(jurisdictionId, { refresh = false } = {}) {
  if (refresh || !townCache.has(jurisdictionId)) {
    townCache.set(jurisdictionId, api(`/open311/towns/${encodeURIComponent(jurisdictionId)}`).then(r => r.data));
    townCache.get(jurisdictionId).catch(() => townCache.delete(jurisdictionId));
  }
  return townCache.get(jurisdictionId);
}
