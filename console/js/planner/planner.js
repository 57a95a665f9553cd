// The planner's table: a reception plan for the cordon on screen (POST /plan/reception) and
// the City-wide coverage grid (GET /plan/coverage), on the map and beside it, with the
// server's own CSV, GeoJSON and SVG as downloads and a printable page. For commanders,
// planners and admins; the server refuses firms every /plan/* request.
import { api, ApiError } from '../api.js';
import { atParameter } from '../time.js';
import { cordonOf } from '../cordon/shape.js';
import { element } from './element.js';
import { queued } from './queue.js';
import { fetchFile, fileLink } from './file.js';
import { PlanLayer } from './plan-layer.js';
import { CoverageLayer } from './coverage-layer.js';
import { renderPlan, clearPlan } from './plan-panel.js';
import { renderCoverage, clearCoverage } from './coverage-panel.js';

const $ = (id) => document.getElementById(id);

// The plan's files: the map's own GeoJSON, then the server's CSV tables and SVG map.
const planFiles = [
  ['centres', 'format=csv&table=centres', 'reception-centres.csv', 'Centres (CSV)'],
  ['buildings', 'format=csv&table=buildings', 'reception-buildings.csv', 'Displaced buildings (CSV)'],
  ['allocations', 'format=csv&table=allocations', 'reception-allocations.csv', 'Allocations (CSV)'],
  ['totals', 'format=csv&table=totals', 'reception-totals.csv', 'Totals (CSV)'],
  ['svg', 'format=svg', 'reception-plan.svg', 'Map (SVG)'],
];
const coverageFiles = [
  ['points', 'format=csv&table=points', 'coverage-points.csv', 'Grid points (CSV)'],
  ['wards', 'format=csv&table=wards', 'coverage-wards.csv', 'Wards (CSV)'],
  ['summary', 'format=csv&table=summary', 'coverage-summary.csv', 'Summary (CSV)'],
  ['geojson', 'format=geojson', 'coverage.geojson', 'Grid (GeoJSON)'],
  ['svg', 'format=svg', 'coverage.svg', 'Heat map (SVG)'],
];

function links(list, files, prefix) {
  list.hidden = true;
  list.replaceChildren(...files.map(([key, , name, text]) => {
    const link = element('a', { id: `${prefix}-${key}`, textContent: text });
    link.setAttribute('aria-disabled', 'true');
    link.dataset.file = name;
    return element('li', {}, [link]);
  }));
}


function describe(shape, incident) {
  if (incident) {
    return `Incident ${incident.id} (${incident.name}), its current inner cordon`
      + (incident.cordons.outer ? ' (no centre inside its outer cordon)' : '');
  }
  if (shape.type === 'radius') return `${shape.radius} m around ${shape.lat.toFixed(6)}, ${shape.lon.toFixed(6)}`;
  if (shape.type === 'corridor') return `Corridor ${shape.width} m wide along ${shape.positions.length} positions`;
  return `Polygon of ${shape.positions.length} corners`;
}

export class PlannerTable {
  constructor(cityMap, handled) {
    this.handled = handled;
    this.planLayer = cityMap ? new PlanLayer(cityMap.map) : null;
    this.coverageLayer = cityMap ? new CoverageLayer(cityMap.map) : null;
    this.shape = null;
    this.planned = false;
    this.covered = false;
    this.sequence = { plan: 0, coverage: 0 };
    $('planner').hidden = false;
    links($('plan-downloads'), [['geojson', '', 'reception-plan.geojson', 'Plan (GeoJSON)'], ...planFiles], 'plan-file');
    links($('coverage-downloads'), coverageFiles, 'coverage-file');
    this.incidents = new Map();
    $('plan-for').addEventListener('focus', () => this.loadIncidents());
    $('plan-for').addEventListener('change', () => {
      this.enable();
      if (this.planned || $('plan-for').value) this.plan();
    });
    this.loadIncidents();
    $('plan-make').addEventListener('click', () => this.plan());
    $('plan-clear').addEventListener('click', () => this.clearPlan());
    $('coverage-show').addEventListener('click', () => this.coverage());
    $('coverage-clear').addEventListener('click', () => this.clearCoverage());
    $('plan-walk').addEventListener('change', () => { if (this.planned) this.plan(); if (this.covered) this.coverage(); });
    $('planner-print').addEventListener('click', () => window.print());
    for (const id of ['time-choice', 'time-given']) {
      $(id).addEventListener('change', () => {
        if ($('time-choice').value === 'given' && !$('time-given').value) return;
        if (this.planned) this.plan();
        if (this.covered) this.coverage();
      });
    }
    this.cordonChanged(null);
  }

  // The open incidents, whose current cordons can be planned for instead of the cordon on
  // screen. Asked again whenever the choice is opened: incidents open and close meanwhile.
  async loadIncidents() {
    let answer;
    try { answer = await api('/incidents?status=open'); } catch { return; }
    const select = $('plan-for');
    const chosen = select.value;
    this.incidents = new Map(answer.incidents.map((incident) => [String(incident.id), incident]));
    select.replaceChildren(element('option', { value: '', textContent: 'the cordon on screen' }),
      ...answer.incidents.map((incident) => element('option', { value: String(incident.id), textContent: `incident ${incident.id}: ${incident.name}` })));
    select.value = this.incidents.has(chosen) ? chosen : '';
    this.enable();
  }

  incident() {
    return this.incidents.get($('plan-for').value) ?? null;
  }

  enable() {
    $('plan-make').disabled = !this.shape && !this.incident();
  }

  // A new cordon on screen: a plan already shown for it follows it.
  cordonChanged(shape) {
    this.shape = shape;
    this.enable();
    if (this.incident()) return;
    if (!shape) return this.clearPlan();
    if (this.planned) this.plan();
  }

  walk() {
    const text = $('plan-walk').value.trim();
    const walk = Number(text);
    if (!text || !Number.isFinite(walk) || walk <= 0 || walk > 10000) {
      this.problem(`Walking distance: '${text}' is not a distance. Give metres greater than 0 and at most 10000, e.g. 1000.`);
      return null;
    }
    return walk;
  }

  problem(message) {
    $('planner-error').hidden = !message;
    $('planner-error').textContent = message ?? '';
  }

  failed(problem, retry, result) {
    result.dataset.state = 'failed';
    if (problem instanceof ApiError && this.handled(problem, retry)) return;
    this.problem(problem.message);
  }

  async plan() {
    const shape = this.shape;
    const incident = this.incident();
    const walk = this.walk();
    if ((!shape && !incident) || !walk) return;
    this.problem(null);
    const sequence = ++this.sequence.plan;
    const result = $('plan-result');
    result.dataset.state = 'loading';
    $('plan-downloads').dataset.state = 'loading';
    const at = atParameter();
    const body = { ...(incident ? { incident: incident.id } : { cordon: cordonOf(shape) }), walk_m: walk, ...(at ? { at } : {}) };
    try {
      const blob = await queued(() => fetchFile('/plan/reception?format=geojson', { method: 'POST', body }));
      if (sequence !== this.sequence.plan) return;
      const collection = JSON.parse(await blob.text());
      this.planned = true;
      this.planLayer?.draw(collection, incident?.cordons);
      renderPlan(collection, describe(shape, incident), (id) => this.planLayer?.showCentre(id));
      $('plan-clear').hidden = false;
      result.dataset.state = 'ready';
      result.dataset.sequence = String(sequence);
      fileLink($('plan-file-geojson'), blob, 'reception-plan.geojson');
      $('plan-downloads').hidden = false;
      // The files are of this plan: the time it was made for, even when that was "now".
      await this.planExports({ ...body, at: body.at ?? collection.totals.at }, sequence);
    } catch (problem) {
      if (sequence === this.sequence.plan) this.failed(problem, () => this.plan(), result);
    }
  }

  // The server's own tables and map of the same plan, fetched one after another behind the
  // plan itself, so that each link saves exactly what the API answers.
  async planExports(body, sequence) {
    for (const [key, query, name] of planFiles) {
      const blob = await queued(() => fetchFile(`/plan/reception?${query}`, { method: 'POST', body }));
      if (sequence !== this.sequence.plan) return;
      fileLink($(`plan-file-${key}`), blob, name);
    }
    $('plan-downloads').dataset.state = 'ready';
  }

  clearPlan() {
    this.sequence.plan += 1;
    this.planned = false;
    this.planLayer?.clear();
    clearPlan(this.shape ? 'Plan reception for the cordon on screen.' : 'Set a cordon, or choose an open incident, then plan reception for it.');
    $('plan-result').dataset.state = 'empty';
    $('plan-clear').hidden = true;
    links($('plan-downloads'), [['geojson', '', 'reception-plan.geojson', 'Plan (GeoJSON)'], ...planFiles], 'plan-file');
  }

  coverageQuery() {
    const values = {};
    for (const [id, name, low, high, example] of [['coverage-radius', 'Radius', 1, 5000, 200], ['coverage-spacing', 'Grid spacing', 10, 1000, 100]]) {
      const text = $(id).value.trim();
      const value = Number(text);
      if (!text || !Number.isFinite(value) || value < low || value > high) {
        this.problem(`${name}: '${text}' is out of range. Give metres from ${low} to ${high}, e.g. ${example}.`);
        return null;
      }
      values[id] = value;
    }
    const walk = this.walk();
    if (!walk) return null;
    const at = atParameter();
    return `radius=${values['coverage-radius']}&spacing=${values['coverage-spacing']}&walk=${walk}${at ? `&at=${encodeURIComponent(at)}` : ''}`;
  }

  async coverage() {
    const query = this.coverageQuery();
    if (!query) return;
    this.problem(null);
    const sequence = ++this.sequence.coverage;
    const result = $('coverage-result');
    result.dataset.state = 'loading';
    $('coverage-query').textContent = 'Evaluating a cordon at every grid point of the City…';
    try {
      const blob = await queued(() => fetchFile(`/plan/coverage?${query}&format=geojson`));
      if (sequence !== this.sequence.coverage) return;
      const collection = JSON.parse(await blob.text());
      this.covered = true;
      this.coverageLayer?.draw(collection);
      renderCoverage(collection);
      // The grid's files are asked for when saved: each is one more evaluation of the grid.
      // Pinned to the grid's own time, so a file saved later is of the grid on screen.
      const pinned = query.includes('&at=') || !collection.summary?.at ? query : `${query}&at=${encodeURIComponent(collection.summary.at)}`;
      for (const [key, format, name] of coverageFiles) {
        const link = $(`coverage-file-${key}`);
        link.href = `/plan/coverage?${pinned}&${format}`;
        link.download = name;
        link.removeAttribute('aria-disabled');
      }
      $('coverage-downloads').hidden = false;
      $('coverage-clear').hidden = false;
      result.dataset.state = 'ready';
      result.dataset.cells = String(collection.features.length);
    } catch (problem) {
      if (sequence === this.sequence.coverage) this.failed(problem, () => this.coverage(), result);
    }
  }

  clearCoverage() {
    this.sequence.coverage += 1;
    this.covered = false;
    this.coverageLayer?.clear();
    clearCoverage('The City-wide grid: the shortfall of a cordon set at each point.');
    $('coverage-result').dataset.state = 'empty';
    $('coverage-clear').hidden = true;
    links($('coverage-downloads'), coverageFiles, 'coverage-file');
  }
}
