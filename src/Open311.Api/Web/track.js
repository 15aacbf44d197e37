// The resident tracker: one request's public status and history, and the town's recent requests.
// Public endpoints only, no key; nothing personal is shown (the public API carries none).
import {
  $, el, t, api, loadStrings, showError, clearMessage, timeElement, statusLabel, mapIn, boundaryLayer,
  pointLayer, hasPoint, fitMap, loadTown, drawTownAndPoint, renderHistory, COLORS, failAt,
} from "/open311/web/web.js";

const RECENT_LIMIT = 50;
const MARKER_LIMIT = 1000;

const state = {
  askTown: false, // no jurisdiction_id in the link: the resident types the town
  townShown: null,
  showToken: 0,
};

function urlParameters() {
  const query = new URLSearchParams(location.search);
  return { town: (query.get("jurisdiction_id") || "").trim(), id: (query.get("id") || "").trim() };
}

function trackLink(town, id) {
  return `?${new URLSearchParams({ jurisdiction_id: town, id })}`;
}

// ---------------------------------------------------------------- one request

async function showRequest(town, id, token, focus) {
  if (!id) {
    $("t-result").hidden = true;
    return;
  }
  let request;
  try {
    const query = new URLSearchParams({ jurisdiction_id: town, extensions: "true" });
    const { data } = await api(`/open311/v2/requests/${encodeURIComponent(id)}.json?${query}`);
    request = Array.isArray(data) ? data[0] : data;
  } catch (error) {
    if (token !== state.showToken) return;
    $("t-result").hidden = true;
    showError(error.status === 404 ? t("track_not_found") : error);
    return;
  }
  if (token !== state.showToken) return;
  if (!request) {
    $("t-result").hidden = true;
    showError(t("track_not_found"));
    return;
  }
  renderRequest(request);
  $("t-result").hidden = false;
  if (focus) $("t-heading").focus();
  await drawTownAndPoint("t-map", town, request);
}

function renderRequest(request) {
  $("t-heading").textContent = t("request_heading_id", { id: String(request.service_request_id) });
  const closed = request.status === "closed";
  const extended = request.extended_status && request.extended_status !== request.status ? request.extended_status : null;
  $("t-status").replaceChildren(
    el("span", { class: `badge ${closed ? "badge-closed" : "badge-open"}`, text: statusLabel(request.status || "open") }),
    extended ? ` · ${statusLabel(extended)}` : "");
  $("t-service").textContent = request.service_name || request.service_code || "—";
  $("t-requested").replaceChildren(timeElement(request.requested_datetime));
  $("t-updated").replaceChildren(timeElement(request.updated_datetime));
  $("t-status-notes").textContent = request.status_notes || "—";
  renderHistory($("t-notes"), $("t-notes-none"), request.notes || [], false);
}

// ---------------------------------------------------------------- the town

async function showTown(town, token) {
  if (state.townShown === town) {
    $("t-town-section").hidden = false;
    return;
  }
  const [info, recent] = await Promise.allSettled([
    loadTown(town),
    api(`/open311/v2/requests.json?${new URLSearchParams({ jurisdiction_id: town })}`),
  ]);
  if (token !== state.showToken) return;
  if (info.status === "rejected") {
    $("t-town-section").hidden = true;
    showError(info.reason.status === 404 ? t("track_town_not_found", { town }) : info.reason);
    return;
  }
  state.townShown = town;
  $("t-town-heading").textContent = info.value.name || town;
  $("t-town-section").hidden = false;
  const requests = recent.status === "fulfilled" && Array.isArray(recent.value.data) ? newestFirst(recent.value.data) : [];
  if (recent.status === "rejected") showError(recent.reason);
  renderRecent(town, requests.slice(0, RECENT_LIMIT));
  drawTownMap(town, info.value, requests.slice(0, MARKER_LIMIT));
}

function newestFirst(requests) {
  return [...requests].sort((a, b) => (Date.parse(b.requested_datetime) || 0) - (Date.parse(a.requested_datetime) || 0));
}

function requestStatus(request) {
  const extended = request.extended_status && request.extended_status !== request.status ? ` · ${statusLabel(request.extended_status)}` : "";
  return statusLabel(request.status || "open") + extended;
}

function renderRecent(town, requests) {
  $("t-recent").replaceChildren(...requests.map(request => {
    const id = String(request.service_request_id);
    const closed = request.status === "closed";
    return el("li", {},
      el("a", { href: trackLink(town, id), text: id }),
      el("span", { text: request.service_name || request.service_code || "" }),
      el("span", { class: `badge ${closed ? "badge-closed" : "badge-open"}`, text: requestStatus(request) }),
      timeElement(request.requested_datetime));
  }));
  $("t-recent-none").hidden = requests.length > 0;
}

function markerLabel(request) {
  // An element, not a string: Leaflet would put a string in as HTML.
  return el("span", {},
    el("strong", { text: `${t("request_heading_id", { id: String(request.service_request_id) })}` }),
    el("br"), request.service_name || request.service_code || "",
    el("br"), requestStatus(request));
}

function drawTownMap(town, info, requests) {
  const { map, group } = mapIn("t-town-map");
  group.clearLayers();
  const outline = boundaryLayer(info.boundary);
  if (outline) outline.addTo(group);
  const markers = L.featureGroup().addTo(group);
  for (const request of requests.filter(hasPoint)) {
    const color = request.status === "closed" ? COLORS.closed : COLORS.open;
    pointLayer(Number(request.lat), Number(request.long), color)
      .setRadius(6)
      .bindTooltip(markerLabel(request))
      .on("click", () => location.assign(trackLink(town, String(request.service_request_id))))
      .addTo(markers);
  }
  fitMap(map, outline || (markers.getLayers().length ? markers : null), null);
}

// ---------------------------------------------------------------- page

async function show({ town, id }, { focus = false } = {}) {
  const token = ++state.showToken;
  $("t-town-field").hidden = !state.askTown;
  if (state.askTown) $("t-town").value = town;
  $("t-id").value = id;
  clearMessage();
  if (!town) {
    $("t-result").hidden = true;
    $("t-town-section").hidden = true;
    return;
  }
  if (state.townShown !== town) $("t-town-section").hidden = true;
  await Promise.all([showRequest(town, id, token, focus), showTown(town, token)]);
}

function submit(event) {
  event.preventDefault();
  const town = state.askTown ? $("t-town").value.trim() : urlParameters().town;
  const id = $("t-id").value.trim();
  if (!town) return failAt(t("track_need_town"), "t-town");
  if (!id && !state.askTown) return failAt(t("track_need_id"), "t-id");
  history.pushState(null, "", id ? trackLink(town, id) : `?${new URLSearchParams({ jurisdiction_id: town })}`);
  show({ town, id }, { focus: true }).catch(showError);
}

async function start() {
  await loadStrings();
  const parameters = urlParameters();
  state.askTown = !parameters.town;
  $("t-form").addEventListener("submit", submit);
  window.addEventListener("popstate", () => show(urlParameters()).catch(showError));
  await show(parameters);
}

start().catch(showError);
