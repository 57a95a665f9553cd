// Starts the console: who is signed in decides the view; then the map, the cordon controls
// and the panel, all fed by the same API that programs use.
import { api, ApiError } from './api.js';
import { showProblem, clearProblem } from './status.js';
import { whoIsSignedIn, showSignIn, wireSignOut } from './session.js';
import { CityMap } from './map/citymap.js';
import { CordonControls } from './cordon/controls.js';
import { polygonGeoJSON, routeGeoJSON } from './cordon/draw.js';
import { routeLength } from './cordon/shape.js';
import { renderTotals, clearTotals } from './panel/totals.js';
import { BuildingList } from './panel/list.js';
import { showDetails, hideDetails } from './panel/details.js';
import { IncidentPanel } from './incident/incident.js';
import { atParameter, watchTime } from './time.js';
import { startDesk } from './firm/desk.js';
import { PlannerTable } from './planner/planner.js';

const $ = (id) => document.getElementById(id);
const state = { settings: null, who: null, cityMap: null, controls: null, list: null, sequence: 0, started: false };

// Errors every view treats alike: an ended session asks for a sign-in, a lost server is
// retried; the rest are the caller's to show.
function handled(problem, retry) {
  if (!(problem instanceof ApiError)) throw problem;
  if (problem.kind === 'session') {
    showSignIn('Your session has ended (signed out, expired, or the key was revoked). Sign in again.', () => boot());
    return true;
  }
  if (problem.kind === 'network' || problem.kind === 'server') {
    showProblem(`${problem.kind === 'network' ? 'The server does not answer' : 'The server failed'}: what you see may be out of date.`, retry);
    return true;
  }
  return false;
}

async function boot() {
  try {
    state.settings ??= await api('/console/settings.json');
    $('session-hours').textContent = state.settings.session_hours;
    const who = await whoIsSignedIn();
    clearProblem();
    // Signed out, the page starts afresh: no view, stream or listener of the session stays.
    wireSignOut(() => window.location.replace('/console'));
    if (!who.signed_in) return showSignIn(who.session_ended ? who.detail : null, () => boot());
    state.who = who;
    // A firm keeps its own sites' figures and answers its alerts: the firm's desk, not the map.
    if (who.role === 'firm') return startDesk(who, state.settings, handled);
    await start(who);
  } catch (problem) {
    if (!handled(problem, boot)) showProblem(problem.message, boot);
  }
}

async function start(who) {
  for (const id of ['sign-in', 'refused', 'desk']) $(id).hidden = true;
  $('app').hidden = false;
  $('who').textContent = `${who.organisation_id} (${who.role})`;
  // The same map for each role that may look up; the heading says whose view it is.
  $('app-subtitle').textContent = who.role === 'commander' ? "commander's console" : `${who.role}'s console`;
  if (!window.L) {
    showProblem('The map library (Leaflet) is not installed on the server: the operator installs Debian\'s libjs-leaflet. Lookups still work below.');
  }
  if (!state.started) {
    state.started = true;
    state.cityMap = window.L ? new CityMap($('map'), state.settings) : null;
    state.list = new BuildingList((building) => {
      state.cityMap?.select(building.id);
      showDetails(building, who.role);
    });
    state.incident = new IncidentPanel(who, () => state.controls?.shape, handled);
    // Firms never reach here (the map refuses them), and the server refuses them /plan/*.
    state.planner = who.role === 'firm' ? null : new PlannerTable(state.cityMap, handled);
    const presets = await api('/cordon-presets');
    state.controls = new CordonControls(state.cityMap, presets.presets, (shape) => lookup(shape), handled);
    $('colour-by').addEventListener('change', () => state.cityMap?.recolour($('colour-by').value));
    watchTime(() => { loadMap(); lookup(state.controls.shape); });
  }
  await loadMap();
}

async function loadMap() {
  if (!state.cityMap) return;
  const at = atParameter();
  try {
    const collection = await api(`/map${at ? `?at=${encodeURIComponent(at)}` : ''}`);
    state.cityMap.draw(collection);
    // Marked once painted (after the next frame), for scripts/bench-console and anyone
    // timing the console in the browser's performance panel.
    afterPaint(() => performance.mark('cordon-map-drawn'));
    $('demonstration').hidden = !collection.demonstration_figures;
    $('map').dataset.state = 'drawn';
    $('map').dataset.buildings = String(collection.features.filter((f) => f.properties.layer === 'building').length);
  } catch (problem) {
    $('map').dataset.state = 'failed';
    if (!handled(problem, loadMap)) showProblem(`The map could not be loaded: ${problem.message}`, loadMap);
  }
}

function afterPaint(callback) {
  requestAnimationFrame(() => requestAnimationFrame(callback));
}

// Resolves once what is on screen has been painted, or soon after where the page is not
// painted at all (a hidden tab, where timers run at most once a second), so that nothing
// waits on a frame that never comes.
function painted() {
  return new Promise((resolve) => {
    afterPaint(resolve);
    setTimeout(resolve, 100);
  });
}

function describe(shape, answer) {
  if (shape.type === 'radius') {
    return `${shape.radius} m around ${shape.lat.toFixed(6)}, ${shape.lon.toFixed(6)}${shape.preset ? ` (preset ${shape.preset})` : ''}: ${answer.buildings.length} buildings.`;
  }
  if (shape.type === 'corridor') {
    return `Corridor ${shape.width} m wide along ${Math.round(routeLength(shape.positions)).toLocaleString('en-GB')} m of route (${shape.positions.length} positions): ${answer.buildings.length} buildings.`;
  }
  return `Polygon of ${shape.positions.length} corners (${Math.round(answer.query.area_m2).toLocaleString('en-GB')} m²): ${answer.buildings.length} buildings.`;
}

// The lookup for the cordon on screen: the same request a program would send.
function request(shape, time) {
  if (shape.type === 'radius') return api(`/lookup/radius?lat=${shape.lat}&lon=${shape.lon}&radius=${shape.radius}&format=json${time}`);
  if (shape.type === 'corridor') {
    return api(`/lookup/corridor?format=json${time}`, { method: 'POST', body: { route: routeGeoJSON(shape.positions), width_m: shape.width } });
  }
  return api(`/lookup/polygon?format=json${time}`, { method: 'POST', body: polygonGeoJSON(shape.positions), contentType: 'application/geo+json' });
}

// Asks the API what is inside the cordon. A newer cordon supersedes an answer still on its
// way, so the panel never shows totals for a shape no longer on the map.
async function lookup(shape) {
  const sequence = ++state.sequence;
  const result = $('result');
  hideDetails();
  if (!shape) {
    state.cityMap?.highlight([]);
    state.list.clear();
    clearTotals('No cordon set: click the map, type a position, or draw a polygon or a corridor.');
    result.dataset.state = 'empty';
    state.incident.cordonChanged(null);
    state.planner?.cordonChanged(null);
    return;
  }
  result.dataset.state = 'loading';
  const started = performance.now();
  const at = atParameter();
  const time = at ? `&at=${encodeURIComponent(at)}` : '';
  try {
    const answer = await request(shape, time);
    if (sequence !== state.sequence) return;
    clearProblem();
    // The totals first, on a frame of their own: they are what a commander reads, and the
    // list and the outlines of a large cordon take longer to draw. Both follow at once.
    renderTotals(answer, describe(shape, answer));
    await painted();
    if (sequence !== state.sequence) return;
    performance.measure('cordon-totals', { start: started });
    state.list.show(answer.buildings, shape.type);
    state.cityMap?.highlight(answer.buildings.map((b) => b.id));
    afterPaint(() => performance.measure('cordon-drawn', { start: started }));
    result.dataset.state = 'ready';
    result.dataset.sequence = String(sequence);
    state.incident.cordonChanged(shape);
    state.planner?.cordonChanged(shape);
  } catch (problem) {
    if (sequence !== state.sequence) return;
    result.dataset.state = 'failed';
    if (handled(problem, () => lookup(shape))) return;
    state.list.clear();
    clearTotals('No totals: the cordon was refused.');
    state.controls.problem(problem.message);
  }
}

boot();
