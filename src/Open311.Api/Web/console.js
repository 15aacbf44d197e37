// The town staff console: inbox, one request, the intake queue, services and the boundary.
// Views are hash routes (#/inbox, #/request/{id}, #/intake, #/services, #/boundary) of one page.
import {
  $, el, t, tNodes, api, loadStrings, showMessage, showError, clearMessage, timeElement, whileBusy, statusBadge,
  statusLabel, safeUrl, mapIn, boundaryLayer, pointLayer, hasPoint, fitMap, loadTown, drawTownAndPoint, toGeometry,
  isArea, COLORS, truncate, failAt, renderHistory, toLocalInput, dateBound, downloadBlob, metaContent,
} from "/open311/web/web.js";

const KEY_STORAGE = "open311.staffKey";
const TOWN_STORAGE = "open311.town";
const lastVisitStorage = town => `open311.lastVisit.${town}`;
const PAGE_SIZE = 25;
const NEW_SERVICE = "__new";
const LIST_TYPES = ["singlevaluelist", "multivaluelist"];
const DATATYPES = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];
const VIEW_SECTIONS = { inbox: "view-inbox", request: "request", intake: "intake", services: "services", boundary: "boundary" };
const VIEW_HEADINGS = { inbox: "inbox-heading", request: "r-heading", intake: "intake-heading", services: "services-heading", boundary: "boundary-heading" };
const NAV_LINKS = { inbox: "nav-inbox", intake: "nav-intake", services: "nav-services", boundary: "nav-boundary" };

const state = {
  key: null,
  me: null,
  town: "",
  // Each navigation gets a token; an answer that arrives after the user moved on is dropped.
  routeToken: 0,
  doc: null, docEtag: null, docTown: null,
  serviceList: null, serviceListTown: null,
  inboxPage: 1,
  visitSince: new Map(), // town → the last visit as read when this page first showed its inbox
  visitStored: new Set(), // towns whose last visit this page has already moved to now
  request: null, requestEtag: null, requestBase: null,
  intake: new Map(), needsPlace: new Set(), selectedIntake: null, intakeMarker: null,
  editingCode: null,
  boundaryPreview: null,
};

// The attribute object each row of the services editor started from, so unknown members survive a save.
const attributeOrigins = new WeakMap();

const townQuery = (extra = {}) => new URLSearchParams({ jurisdiction_id: state.town, ...extra });
const isCurrent = token => token === state.routeToken;

// ---------------------------------------------------------------- API calls with the staff key

async function manage(path, options = {}) {
  try {
    return await api(`/open311/manage/${path}`, { ...options, key: state.key });
  } catch (error) {
    // A key revoked mid-session: back to sign-in, the caller still shows the error.
    if (error.status === 401) signOut();
    throw error;
  }
}

/** Runs a save behind its button: a 412 shows the stale message, and the form keeps what the user typed. */
function saving(buttonId, action) {
  return whileBusy($(buttonId), () => action().catch(error => showError(error.status === 412 ? t("stale") : error)));
}

async function loadDocument({ fresh = false } = {}) {
  if (!fresh && state.doc && state.docTown === state.town) return state.doc;
  const town = state.town;
  const { data, etag } = await manage(`jurisdictions/${encodeURIComponent(town)}`);
  Object.assign(state, { doc: data, docEtag: etag, docTown: town });
  return data;
}

/** PUTs the whole jurisdiction document with If-Match; the answer (or what was sent) becomes the current one. */
async function saveDocument(doc) {
  const town = state.town;
  const { data, etag } = await manage(`jurisdictions/${encodeURIComponent(town)}`, { method: "PUT", body: doc, etag: state.docEtag });
  const saved = data && typeof data === "object" && !Array.isArray(data) ? data : doc;
  Object.assign(state, { doc: saved, docEtag: etag, docTown: town, serviceList: null });
  return saved;
}

/** The town's services for pickers: from the document, or the public list when the key may not read it. */
async function townServices() {
  if (state.serviceList && state.serviceListTown === state.town) return state.serviceList;
  const town = state.town;
  let services;
  try {
    services = (await loadDocument()).services || [];
  } catch (error) {
    if (error.status === 401) throw error;
    services = (await api(`/open311/v2/services.json?${townQuery()}`)).data || [];
  }
  Object.assign(state, { serviceList: services, serviceListTown: town });
  return services;
}

function fillServiceOptions(select, services) {
  const keep = select.value;
  const first = select.options[0];
  select.replaceChildren(first, ...services.map(s =>
    el("option", { value: s.service_code, text: s.service_name || s.service_code })));
  select.value = [...select.options].some(o => o.value === keep) ? keep : "";
}

// ---------------------------------------------------------------- sign-in and session

async function signIn(key, { stored = false } = {}) {
  let me;
  try {
    me = (await api("/open311/manage/staff/me", { key })).data;
  } catch (error) {
    if (stored && (error.status === 401 || error.status === 403)) sessionStorage.removeItem(KEY_STORAGE);
    showSignIn();
    showError(error.status === 401 || error.status === 403 ? error.description || t("wrong_key") : error);
    return;
  }
  Object.assign(state, { key, me });
  sessionStorage.setItem(KEY_STORAGE, key);
  $("key").value = "";
  showApp();
  route();
}

function showSignIn() {
  $("signin").hidden = false;
  for (const id of ["app", "nav", "session"]) $(id).hidden = true;
}

function showApp() {
  const towns = state.me.jurisdictions || [];
  $("who").textContent = t("signed_in_as", { name: state.me.name || "" });
  const remembered = localStorage.getItem(TOWN_STORAGE);
  $("town").replaceChildren(...towns.map(j => el("option", { value: j.id, text: j.name || j.id })));
  state.town = towns.some(j => j.id === remembered) ? remembered : towns.length ? towns[0].id : "";
  $("town").value = state.town;
  $("signin").hidden = true;
  for (const id of ["app", "nav", "session"]) $(id).hidden = false;
  if (!towns.length) showError(t("no_towns"));
}

function signOut() {
  if (state.me && !state.key) {
    location.assign("/.auth/logout?post_logout_redirect_uri=/open311/console/");
    return;
  }
  sessionStorage.removeItem(KEY_STORAGE);
  Object.assign(state, { key: null, me: null, doc: null, docTown: null, serviceList: null, request: null });
  state.routeToken++;
  showSignIn();
}

function changeTown() {
  state.town = $("town").value;
  localStorage.setItem(TOWN_STORAGE, state.town);
  Object.assign(state, { doc: null, docTown: null, serviceList: null, inboxPage: 1 });
  $("f-service").value = "";
  // A request belongs to one town, so another town's view of it would only be a 404: go to the inbox.
  if (currentRoute().view === "request") location.hash = "#/inbox";
  else route();
}

// ---------------------------------------------------------------- routing

function currentRoute() {
  const hash = location.hash;
  const match = /^#\/request\/(.+)$/.exec(hash);
  if (match) {
    try {
      return { view: "request", id: decodeURIComponent(match[1]) };
    } catch {
      return { view: "request", id: match[1] };
    }
  }
  const name = hash.slice(2);
  return { view: Object.prototype.hasOwnProperty.call(NAV_LINKS, name) ? name : "inbox" };
}

const LOADERS = { inbox: showInbox, request: showRequest, intake: showIntake, services: showServices, boundary: showBoundary };

async function route({ focus = false } = {}) {
  if (!state.me || !state.town) return;
  const { view, id } = currentRoute();
  const token = ++state.routeToken;
  for (const [name, sectionId] of Object.entries(VIEW_SECTIONS)) $(sectionId).hidden = name !== view;
  for (const [name, linkId] of Object.entries(NAV_LINKS)) {
    if (name === view) $(linkId).setAttribute("aria-current", "page");
    else $(linkId).removeAttribute("aria-current");
  }
  clearMessage();
  // Moving focus to the new view's heading tells screen reader users the page changed.
  if (focus) $(VIEW_HEADINGS[view]).focus();
  try {
    await LOADERS[view](token, id);
  } catch (error) {
    if (isCurrent(token) || !state.me) showError(error);
  }
}

// ---------------------------------------------------------------- inbox

async function showInbox(token) {
  const services = await townServices().catch(() => []);
  if (!isCurrent(token)) return;
  fillServiceOptions($("f-service"), services);
  await loadInboxPage(token);
}

function inboxParams(extra) {
  const filters = {
    status: $("f-status").value,
    service_code: $("f-service").value,
    start_date: dateBound($("f-from").value, false),
    end_date: dateBound($("f-to").value, true),
    q: $("f-text").value.trim(),
    ...extra,
  };
  const params = townQuery();
  for (const [name, value] of Object.entries(filters)) if (value !== "" && value != null) params.set(name, value);
  return params;
}

/** The last visit read once per page load and town, so the count stays put while the user works. */
function visitSince(town) {
  if (!state.visitSince.has(town)) {
    const stored = localStorage.getItem(lastVisitStorage(town));
    state.visitSince.set(town, stored && !Number.isNaN(Date.parse(stored)) ? stored : null);
  }
  return state.visitSince.get(town);
}

async function loadInboxPage(token = ++state.routeToken) {
  const town = state.town;
  const since = visitSince(town);
  const startedAt = new Date().toISOString();
  const extra = { page: state.inboxPage, page_size: PAGE_SIZE };
  if (since) extra.since = since;
  const { data } = await manage(`requests?${inboxParams(extra)}`);
  if (!isCurrent(token)) return;
  renderInbox(data || {});
  renderNewCount(since && data ? data.new_since : 0);
  // The first page shown in this visit moves the last visit to now; later pages keep this visit's count.
  if (!state.visitStored.has(town)) {
    state.visitStored.add(town);
    localStorage.setItem(lastVisitStorage(town), startedAt);
  }
}

function renderNewCount(count) {
  const box = $("new-count");
  box.hidden = !(count > 0);
  box.textContent = count > 0 ? t("new_since", { count }) : "";
}

function renderInbox(data) {
  const requests = data.requests || [];
  $("inbox").tBodies[0].replaceChildren(...requests.map(inboxRow));
  $("inbox-empty").hidden = requests.length > 0;
  $("page").textContent = t("page", { n: data.page || state.inboxPage });
  $("prev").disabled = state.inboxPage <= 1;
  $("next").disabled = !data.more;
}

function inboxRow(request) {
  const id = String(request.service_request_id);
  const summary = [request.address, request.description].filter(Boolean).join(" — ");
  return el("tr", { dataset: { id } },
    el("td", {}, el("a", { href: `#/request/${encodeURIComponent(id)}`, text: id })),
    el("td", {}, timeElement(request.requested_datetime)),
    el("td", { text: request.service_name || request.service_code || "" }),
    el("td", {}, statusBadge(request.status, request.extended_status)),
    el("td", { text: truncate(summary, 80) }));
}

function applyFilters(event) {
  event.preventDefault();
  state.inboxPage = 1;
  loadInboxPage().catch(showError);
}

function turnPage(step) {
  state.inboxPage = Math.max(1, state.inboxPage + step);
  loadInboxPage().catch(showError);
}

/** Fetches the CSV with the key (a plain link could not send it) and saves it through a temporary link. */
async function exportCsv() {
  const { response } = await manage(`requests?${inboxParams({ format: "csv" })}`, { raw: true });
  downloadBlob(await response.blob(), "requests.csv");
}

// ---------------------------------------------------------------- one request

function setRequestVisible(visible) {
  $("r-content").hidden = !visible;
  for (const id of ["r-form", "r-note-form"]) $(id).hidden = !visible;
}

async function showRequest(token, id) {
  setRequestVisible(false);
  $("r-heading").textContent = t("request_heading_id", { id });
  const { data, etag } = await manage(`requests/${encodeURIComponent(id)}?${townQuery()}`);
  if (!isCurrent(token)) return;
  Object.assign(state, { request: data, requestEtag: etag });
  setRequestVisible(true);
  renderRequest(data);
  fillRequestForm(data);
  await drawTownAndPoint("r-map", state.town, data);
}

function addFacts(list, facts) {
  list.replaceChildren(...facts.filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([label, value]) => el("div", {}, el("dt", { text: label }), el("dd", {}, value))));
}

function renderRequest(request) {
  const id = String(request.service_request_id);
  const service = request.service_name || request.service_code;
  $("r-heading").textContent = service ? t("request_heading", { id, service }) : t("request_heading_id", { id });
  $("r-description").textContent = request.description || t("no_description");
  $("r-address").textContent = request.address
    || (hasPoint(request) ? `${Number(request.lat).toFixed(6)}, ${Number(request.long).toFixed(6)}` : t("no_address"));
  const photo = $("r-photo");
  const photoUrl = safeUrl(request.media_url);
  photo.hidden = !photoUrl;
  if (photoUrl) photo.src = photoUrl;
  else photo.removeAttribute("src");

  addFacts($("r-summary"), [
    [t("status"), statusBadge(request.status, request.extended_status)],
    [t("received"), timeElement(request.requested_datetime)],
    [t("updated"), request.updated_datetime && timeElement(request.updated_datetime)],
    [t("expected"), request.expected_datetime && timeElement(request.expected_datetime)],
    [t("agency"), request.agency_responsible],
    [t("service_code"), request.service_code],
    [t("external_id"), request.external_id],
    [t("visibility"), request.private ? t("private") : t("public")],
  ]);

  const attributes = request.attributes || [];
  // Staff see each answer as stored: a code and its values (a multivaluelist has several).
  addFacts($("r-attributes"), attributes.map(a => [String(a.code), (a.values || []).map(String).join(", ")]));
  $("r-attributes-none").hidden = attributes.length > 0;

  renderRequester(request.requester || {});
  renderHistory($("r-history"), $("r-history-none"), request.notes || [], true);
}

function renderRequester(requester) {
  const name = [requester.first_name, requester.last_name].filter(Boolean).join(" ");
  const email = requester.email && el("a", { href: `mailto:${requester.email}`, text: requester.email });
  const phone = requester.phone && el("a", { href: `tel:${requester.phone.replace(/[^\d+]/g, "")}`, text: requester.phone });
  const lines = [[t("name"), name], [t("email"), email], [t("phone"), phone]].filter(([, value]) => value);
  $("r-requester").replaceChildren(...(lines.length
    ? lines.map(([label, value]) => el("p", {}, el("span", { class: "label", text: `${label}: ` }), value))
    : [el("p", { class: "muted", text: t("requester_none") })]));
}

function fillRequestForm(request) {
  const status = request.extended_status || request.status || "open";
  const select = $("r-status");
  // A status this form does not list (set by another system) is still shown, not silently replaced.
  if (![...select.options].some(o => o.value === status)) select.append(el("option", { value: status, text: statusLabel(status) }));
  select.value = status;
  $("r-status-notes").value = request.status_notes || "";
  $("r-expected").value = toLocalInput(request.expected_datetime);
  $("r-agency").value = request.agency_responsible || "";
  state.requestBase = {
    status, statusNotes: $("r-status-notes").value, expected: $("r-expected").value, agency: $("r-agency").value,
  };
}

/** Only what the form changed since it was filled. */
function requestChanges() {
  const base = state.requestBase || {};
  const changes = {};
  if ($("r-status").value !== base.status) changes.status = $("r-status").value;
  if ($("r-status-notes").value !== base.statusNotes) changes.status_notes = $("r-status-notes").value;
  if ($("r-expected").value !== base.expected) {
    const value = $("r-expected").value;
    changes.expected_datetime = value ? new Date(value).toISOString() : "";
  }
  if ($("r-agency").value !== base.agency) changes.agency_responsible = $("r-agency").value;
  return changes;
}

async function patchRequest(changes) {
  const id = String(state.request.service_request_id);
  const result = await manage(`requests/${encodeURIComponent(id)}?${townQuery()}`,
    { method: "PATCH", body: changes, etag: state.requestEtag });
  let { data, etag } = result;
  // Without an ETag the next save could not be sent: read it again.
  if (!etag) ({ data, etag } = await manage(`requests/${encodeURIComponent(id)}?${townQuery()}`));
  Object.assign(state, { request: data, requestEtag: etag });
  renderRequest(data);
  return data;
}

async function saveRequest(event) {
  event.preventDefault();
  if (!state.request) return;
  const changes = requestChanges();
  if (!Object.keys(changes).length) {
    showMessage(t("nothing_changed"));
    return;
  }
  await saving("r-save", async () => {
    fillRequestForm(await patchRequest(changes));
    showMessage(t("saved"));
  });
}

async function addNote(event) {
  event.preventDefault();
  if (!state.request) return;
  const note = $("r-note").value.trim();
  if (!note) {
    showError(t("note_empty"));
    $("r-note").focus();
    return;
  }
  await saving("r-add-note", async () => {
    const hadEdits = Object.keys(requestChanges()).length > 0;
    const saved = await patchRequest({ note });
    // Unsaved edits in the update form are left as typed.
    if (!hadEdits) fillRequestForm(saved);
    $("r-note").value = "";
    showMessage(t("note_added"));
  });
}

function reloadRequest() {
  const { view, id } = currentRoute();
  if (view !== "request") return;
  const token = ++state.routeToken;
  clearMessage();
  showRequest(token, id).catch(error => isCurrent(token) && showError(error));
}

// ---------------------------------------------------------------- needs attention (intake)

let intakeTitleCount = 0;

async function showIntake(token) {
  closeIntakePanel();
  const queue = outcome => manage(`intake?${new URLSearchParams({ outcome, jurisdiction_id: state.town, take: "100" })}`);
  const [place, service, services] = await Promise.allSettled([queue("needs_location"), queue("unroutable"), townServices()]);
  if (!isCurrent(token)) return;
  fillServiceOptions($("i-service"), services.status === "fulfilled" ? services.value : []);
  state.intake.clear();
  state.needsPlace.clear();
  renderIntakeList("intake-place", place);
  renderIntakeList("intake-service", service);
  const failed = [place, service].find(r => r.status === "rejected");
  if (failed) showError(failed.reason);
}

function renderIntakeList(listId, settled) {
  const records = settled.status === "fulfilled" && Array.isArray(settled.value.data) ? settled.value.data : [];
  for (const record of records) {
    state.intake.set(record.intake_id, record);
    if (listId === "intake-place") state.needsPlace.add(record.intake_id);
  }
  $(listId).replaceChildren(...records.map(intakeItem));
  updateIntakeEmpty();
}

function updateIntakeEmpty() {
  for (const id of ["intake-place", "intake-service"]) $(`${id}-empty`).hidden = $(id).children.length > 0;
}

function intakeTitle(record) {
  const report = record.report || {};
  return record.title || report.title || (report.text || "").split("\n")[0] || record.intake_id;
}

function intakeItem(record) {
  const report = record.report || {};
  const title = truncate(intakeTitle(record), 120);
  const titleId = `intake-title-${++intakeTitleCount}`;
  const photo = safeUrl((record.photos || [])[0]);
  return el("li", { class: "card", dataset: { intake: record.intake_id } },
    photo && el("img", { class: "thumb", src: photo, alt: t("intake_photo_alt"), loading: "lazy" }),
    el("div", { class: "card-body" },
      el("h4", { id: titleId, text: title }),
      report.text && report.text !== title && el("p", { class: "prewrap", text: truncate(report.text, 240) }),
      record.reason && el("p", { class: "muted", text: t("reason", { reason: record.reason }) }),
      el("p", { class: "muted" }, ...tNodes("received_at", { time: timeElement(report.received_at || record.first_seen_at) })),
      el("button", {
        type: "button", class: "select-intake secondary", "aria-describedby": titleId, text: t("select"),
        onclick: () => selectIntake(record.intake_id).catch(showError),
      })));
}

function intakeListItem(intakeId) {
  return [...document.querySelectorAll("li[data-intake]")].find(li => li.dataset.intake === intakeId) || null;
}

async function selectIntake(intakeId) {
  const record = state.intake.get(intakeId);
  if (!record) return;
  state.selectedIntake = record;
  for (const li of document.querySelectorAll("li[data-intake]")) li.classList.toggle("selected", li.dataset.intake === intakeId);
  renderIntakeReport(record);
  $("i-lat").value = "";
  $("i-long").value = "";
  const service = $("i-service");
  service.value = [...service.options].some(o => o.value === record.service_code) ? record.service_code : "";
  $("i-panel").hidden = false;
  $("i-heading").focus();
  await drawTownAndPoint("i-map", state.town, null, wireIntakeMap);
  state.intakeMarker = null;
}

function renderIntakeReport(record) {
  const report = record.report || {};
  const hints = report.category_hints || [];
  const photos = (record.photos || []).map(safeUrl).filter(Boolean);
  // Members the server left out are undefined: only the parts that exist are shown.
  $("i-report").replaceChildren(...[
    el("h4", { text: intakeTitle(record) }),
    report.text && el("p", { class: "prewrap", text: report.text }),
    report.address_text && el("p", {}, el("span", { class: "label", text: `${t("address")}: ` }), report.address_text),
    hints.length > 0 && el("p", {}, el("span", { class: "label", text: `${t("category_hints")}: ` }), hints.join(", ")),
    record.reason && el("p", { class: "muted", text: t("reason", { reason: record.reason }) }),
    ...photos.map(src => el("img", { class: "photo", src, alt: t("intake_photo_alt") })),
  ].filter(Boolean));
}

function wireIntakeMap(map) {
  map.on("click", e => placeIntakePoint(e.latlng.lat, e.latlng.lng, true));
  // Keyboard users pan with the arrows and press Enter to place the point at the centre.
  map.getContainer().addEventListener("keydown", event => {
    if (event.key !== "Enter" || event.target !== map.getContainer()) return;
    event.preventDefault();
    const centre = map.getCenter();
    placeIntakePoint(centre.lat, centre.lng, true);
  });
}

function placeIntakePoint(lat, long, fillInputs) {
  const { group } = mapIn("i-map");
  if (fillInputs) {
    $("i-lat").value = lat.toFixed(6);
    $("i-long").value = long.toFixed(6);
    clearMessage(); // an earlier "place it first" no longer applies
  }
  if (state.intakeMarker) group.removeLayer(state.intakeMarker);
  state.intakeMarker = pointLayer(lat, long).addTo(group);
}

function parseCoordinate(text, limit) {
  const value = Number(String(text).trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

function typedCoordinates() {
  const lat = parseCoordinate($("i-lat").value, 90);
  const long = parseCoordinate($("i-long").value, 180);
  if (lat !== null && long !== null) placeIntakePoint(lat, long, false);
}

function closeIntakePanel() {
  state.selectedIntake = null;
  $("i-panel").hidden = true;
  for (const li of document.querySelectorAll("li[data-intake].selected")) li.classList.remove("selected");
}

async function resolveIntake(event) {
  event.preventDefault();
  const record = state.selectedIntake;
  if (!record) return;
  const latText = $("i-lat").value.trim();
  const longText = $("i-long").value.trim();
  const lat = parseCoordinate(latText, 90);
  const long = parseCoordinate(longText, 180);
  const service = $("i-service").value;
  if ((latText || longText) && (lat === null || long === null)) return failAt(t("bad_coordinates"), "i-lat");
  if (state.needsPlace.has(record.intake_id) && lat === null) return failAt(t("need_location"), "i-lat");
  if (lat === null && !service) return failAt(t("need_location_or_service"), "i-service");

  const body = { jurisdiction_id: state.town };
  if (lat !== null) Object.assign(body, { lat, long });
  if (service) body.service_code = service;
  await saving("i-resolve", async () => {
    const { data } = await manage(`intake/${encodeURIComponent(record.intake_id)}/resolve`, { method: "POST", body });
    intakeResolved(record, data || {});
  });
}

function intakeResolved(record, updated) {
  if (!updated.service_request_id) {
    // Still not a request (e.g. the point is outside the town): say why and keep it in the queue.
    state.intake.set(record.intake_id, { ...record, ...updated });
    showError(t("intake_still", { reason: updated.reason || updated.outcome || "" }));
    return;
  }
  const id = String(updated.service_request_id);
  const item = intakeListItem(record.intake_id);
  if (item) item.remove();
  state.intake.delete(record.intake_id);
  closeIntakePanel();
  updateIntakeEmpty();
  $("intake-heading").focus();
  showMessage(tNodes("became_request", { id: el("a", { href: `#/request/${encodeURIComponent(id)}`, text: id }) }));
}

// ---------------------------------------------------------------- services

async function showServices(token) {
  const doc = await loadDocument({ fresh: true });
  if (!isCurrent(token)) return;
  renderServicePicker(doc, state.editingCode);
}

function findService(code) {
  return (state.doc.services || []).find(s => s.service_code === code) || null;
}

function renderServicePicker(doc, code) {
  const services = doc.services || [];
  const select = $("s-service");
  select.replaceChildren(
    ...services.map(s => el("option", { value: s.service_code, text: `${s.service_name || s.service_code} (${s.service_code})` })),
    el("option", { value: NEW_SERVICE, text: t("new_service") }));
  const chosen = services.some(s => s.service_code === code) ? code : services.length ? services[0].service_code : NEW_SERVICE;
  select.value = chosen;
  editService(chosen);
}

function editService(code) {
  state.editingCode = code;
  const service = code === NEW_SERVICE ? {} : findService(code) || {};
  $("s-code").value = service.service_code || "";
  $("s-name").value = service.service_name || "";
  $("s-description").value = service.description || "";
  $("s-group").value = service.group || "";
  $("s-keywords").value = Array.isArray(service.keywords) ? service.keywords.join(", ") : service.keywords || "";
  $("s-type").value = ["realtime", "batch", "blackbox"].includes(service.type) ? service.type : "realtime";
  $("s-attributes").tBodies[0].replaceChildren(...(service.attributes || []).map(attributeRow));
  numberAttributeRows();
  $("s-delete").disabled = code === NEW_SERVICE;
  for (const node of document.querySelectorAll("#s-editor [aria-invalid]")) node.removeAttribute("aria-invalid");
}

function valuesText(values) {
  return (values || []).map(v => `${v.key}=${v.name ?? v.key}`).join("\n");
}

function attributeRow(attribute) {
  const datatype = el("select", { name: "datatype" }, ...DATATYPES.map(d => el("option", { value: d, text: t(`datatype_${d}`) })));
  datatype.value = DATATYPES.includes(attribute.datatype) ? attribute.datatype : "string";
  const row = el("tr", { class: "attribute" },
    el("td", {}, el("input", { name: "code", type: "text", value: attribute.code || "", autocomplete: "off", spellcheck: "false" })),
    el("td", {}, el("input", { name: "description", type: "text", value: attribute.description || "" })),
    el("td", {}, datatype),
    el("td", { class: "center" }, el("input", { name: "required", type: "checkbox", checked: Boolean(attribute.required) })),
    el("td", {}, el("input", { name: "order", type: "number", min: "0", step: "1", class: "short", value: attribute.order ?? "" })),
    el("td", {}, el("textarea", { name: "values", rows: 3, value: valuesText(attribute.values) })),
    el("td", {}, el("button", { type: "button", class: "remove-attribute secondary", text: t("remove") })));
  attributeOrigins.set(row, attribute);
  return row;
}

const ATTRIBUTE_FIELDS = ["code", "description", "datatype", "required", "order", "values"];

/** Labels each row's controls "Attribute N …" so they make sense without the column headers. */
function numberAttributeRows() {
  [...$("s-attributes").tBodies[0].rows].forEach((row, index) => {
    const n = index + 1;
    for (const field of ATTRIBUTE_FIELDS) row.querySelector(`[name="${field}"]`).setAttribute("aria-label", t(`attr_label_${field}`, { n }));
    row.querySelector(".remove-attribute").setAttribute("aria-label", t("attr_label_remove", { n }));
  });
}

function addAttribute() {
  const body = $("s-attributes").tBodies[0];
  const row = attributeRow({ variable: true, datatype: "string", order: body.rows.length + 1 });
  body.append(row);
  numberAttributeRows();
  row.querySelector('[name="code"]').focus();
}

function removeAttributeRow(event) {
  const button = event.target.closest(".remove-attribute");
  if (!button) return;
  button.closest("tr").remove();
  numberAttributeRows();
  $("s-add-attribute").focus();
}

/** A mistake in the editor, with the control to focus. */
const editorError = (message, element) => Object.assign(new Error(message), { element });

/** "key=name" lines → values, keeping other members a value already had. */
function parseValues(text, previous) {
  const byKey = new Map((previous || []).map(v => [String(v.key), v]));
  return text.split("\n").map(line => line.trim()).filter(Boolean).map(line => {
    const at = line.indexOf("=");
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    const name = (at < 0 ? "" : line.slice(at + 1)).trim() || key;
    return { ...byKey.get(key), key, name };
  });
}

function collectAttribute(row, n, seenCodes) {
  const original = attributeOrigins.get(row) || {};
  const control = name => row.querySelector(`[name="${name}"]`);
  const code = control("code").value.trim();
  if (!code) throw editorError(t("attr_need_code", { n }), control("code"));
  if (seenCodes.has(code)) throw editorError(t("attr_duplicate_code", { n, code }), control("code"));
  seenCodes.add(code);
  const datatype = control("datatype").value;
  const attribute = { ...original, variable: original.variable ?? true, code, datatype, description: control("description").value.trim() };
  if (control("required").checked) attribute.required = true;
  else if ("required" in original) attribute.required = false;
  const order = control("order").value.trim();
  if (order !== "" && Number.isFinite(Number(order))) attribute.order = Math.trunc(Number(order));
  else delete attribute.order;
  if (LIST_TYPES.includes(datatype)) {
    attribute.values = parseValues(control("values").value, original.values);
    if (!attribute.values.length) throw editorError(t("attr_need_values", { n, code }), control("values"));
  } else {
    delete attribute.values;
  }
  return attribute;
}

/** The edited service, built on the one it started from so members this editor does not show are kept. */
function collectService() {
  const isNew = state.editingCode === NEW_SERVICE;
  const original = isNew ? {} : findService(state.editingCode) || {};
  const code = $("s-code").value.trim();
  const name = $("s-name").value.trim();
  if (!code) throw editorError(t("service_need_code"), $("s-code"));
  if ((state.doc.services || []).some(s => s.service_code === code && s !== original)) {
    throw editorError(t("service_duplicate_code", { code }), $("s-code"));
  }
  if (!name) throw editorError(t("service_need_name"), $("s-name"));
  const service = { ...original, service_code: code, service_name: name, description: $("s-description").value.trim() };
  const group = $("s-group").value.trim();
  if (group) service.group = group;
  else delete service.group;
  const keywords = $("s-keywords").value.split(",").map(k => k.trim()).filter(Boolean);
  if (typeof original.keywords === "string") service.keywords = keywords.join(", ");
  else if (keywords.length) service.keywords = keywords;
  else delete service.keywords;
  const type = $("s-type").value;
  if (original.type !== undefined || type !== "realtime") service.type = type;
  const seen = new Set();
  const attributes = [...$("s-attributes").tBodies[0].rows].map((row, index) => collectAttribute(row, index + 1, seen));
  if (attributes.length || original.attributes) service.attributes = attributes;
  return service;
}

async function saveServices(event) {
  event.preventDefault();
  if (!state.doc) return;
  for (const node of document.querySelectorAll("#s-editor [aria-invalid]")) node.removeAttribute("aria-invalid");
  let service;
  try {
    service = collectService();
  } catch (error) {
    if (!error.element) throw error;
    error.element.setAttribute("aria-invalid", "true");
    error.element.focus();
    showError(error.message);
    return;
  }
  const services = [...(state.doc.services || [])];
  const index = services.findIndex(s => s.service_code === state.editingCode);
  if (state.editingCode === NEW_SERVICE || index < 0) services.push(service);
  else services[index] = service;
  await saving("s-save", async () => {
    const saved = await saveDocument({ ...state.doc, services });
    renderServicePicker(saved, service.service_code);
    showMessage(t("services_saved"));
  });
}

// Deleting writes the document at once: a staged deletion would be easy to lose by switching services.
async function deleteService() {
  if (!state.doc || state.editingCode === NEW_SERVICE) return;
  const code = state.editingCode;
  const services = (state.doc.services || []).filter(s => s.service_code !== code);
  await saving("s-delete", async () => {
    const saved = await saveDocument({ ...state.doc, services });
    renderServicePicker(saved, null);
    showMessage(t("service_deleted", { code }));
  });
  $("s-service").focus();
}

// ---------------------------------------------------------------- boundary

async function showBoundary(token) {
  state.boundaryPreview = null;
  $("b-file").value = "";
  await loadDocument({ fresh: true });
  if (!isCurrent(token)) return;
  drawBoundaryView();
}

function drawBoundaryView() {
  const { map, group } = mapIn("b-map");
  group.clearLayers();
  const current = state.doc && boundaryLayer(state.doc.boundary);
  if (current) current.addTo(group);
  const preview = state.boundaryPreview && boundaryLayer(state.boundaryPreview, COLORS.preview, true);
  if (preview) preview.addTo(group);
  fitMap(map, preview || current, null);
  $("b-state").textContent = t(preview ? "boundary_state_preview" : current ? "boundary_state_current" : "boundary_state_none");
}

async function previewBoundaryFile() {
  const file = $("b-file").files[0];
  state.boundaryPreview = null;
  if (!file) {
    drawBoundaryView();
    return;
  }
  let geometry;
  try {
    geometry = toGeometry(JSON.parse(await file.text()));
  } catch {
    return showError(t("boundary_not_json", { name: file.name }));
  }
  if (!isArea(geometry)) return showError(t("boundary_not_area", { name: file.name }));
  state.boundaryPreview = geometry;
  try {
    drawBoundaryView();
  } catch {
    // Leaflet throws on coordinates it cannot read.
    state.boundaryPreview = null;
    drawBoundaryView();
    return showError(t("boundary_not_area", { name: file.name }));
  }
  showMessage(t("boundary_previewed", { name: file.name }));
}

async function saveBoundary() {
  if (!state.doc) return;
  if (!state.boundaryPreview) return failAt(t("boundary_choose_file"), "b-file");
  await saving("b-save", async () => {
    await saveDocument({ ...state.doc, boundary: state.boundaryPreview });
    state.boundaryPreview = null;
    $("b-file").value = "";
    loadTown(state.town, { refresh: true }).catch(() => {});
    drawBoundaryView();
    showMessage(t("boundary_saved"));
  });
}

// ---------------------------------------------------------------- wiring

function reloadView() {
  clearMessage();
  route();
}

const on = (id, type, handler) => $(id).addEventListener(type, handler);

function wire() {
  on("signin-form", "submit", event => {
    event.preventDefault();
    const key = $("key").value.trim();
    if (!key) return failAt(t("key_empty"), "key");
    clearMessage();
    whileBusy($("sign-in"), () => signIn(key));
  });
  on("sign-out", "click", () => {
    signOut();
    showMessage(t("signed_out"));
    $("key").focus();
  });
  on("town", "change", changeTown);
  window.addEventListener("hashchange", () => route({ focus: true }));

  on("filters", "submit", applyFilters);
  on("prev", "click", () => turnPage(-1));
  on("next", "click", () => turnPage(1));
  on("export", "click", () => whileBusy($("export"), () => exportCsv().catch(showError)));

  on("r-form", "submit", saveRequest);
  on("r-note-form", "submit", addNote);
  on("r-reload", "click", reloadRequest);

  on("i-form", "submit", resolveIntake);
  on("i-lat", "input", typedCoordinates);
  on("i-long", "input", typedCoordinates);
  on("i-cancel", "click", () => {
    const record = state.selectedIntake;
    closeIntakePanel();
    const item = record && intakeListItem(record.intake_id);
    if (item) item.querySelector(".select-intake").focus();
  });

  on("s-service", "change", () => {
    clearMessage();
    editService($("s-service").value);
  });
  on("s-editor", "submit", event => saveServices(event).catch(showError));
  on("s-add-attribute", "click", addAttribute);
  on("s-attributes", "click", removeAttributeRow);
  on("s-delete", "click", () => deleteService().catch(showError));
  on("s-reload", "click", reloadView);

  on("b-file", "change", () => previewBoundaryFile().catch(showError));
  on("b-save", "click", () => saveBoundary().catch(showError));
  on("b-reload", "click", reloadView);
}

async function start() {
  await loadStrings();
  wire();
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) await signIn(key, { stored: true });
  else if (!(await signInSilently())) showSignIn();
}

// Behind App Service Authentication the signed-in person needs no key: the platform tells the server who they are.
async function signInSilently() {
  const entra = metaContent("open311-entra") === "on";
  $("entra").hidden = !entra;
  if (!entra) return false;
  try {
    Object.assign(state, { key: null, me: (await api("/open311/manage/staff/me", {})).data });
  } catch {
    return false;
  }
  showApp();
  route();
  return true;
}

start();
