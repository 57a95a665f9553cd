// Editing one site's figures in place. The form checks each value as the API does (a whole
// number within the API's bounds, occupancy within the site's declared maximum) and says
// what is wrong beside the field; the API checks again and its answer, naming the field,
// lands beside that field too. Every save carries If-Match: when another control room
// changed the figures meanwhile, both versions are shown and the person chooses.
import { api, ApiError } from '../api.js';
import { age } from '../format.js';

const $ = (id) => document.getElementById(id);

export const FIGURE_NAMES = {
  occupancy_day: 'People, day', occupancy_night: 'People, night', occupancy_weekend: 'People, weekend',
  guards_day: 'Security officers, day', guards_night: 'Security officers, night', guards_weekend: 'Security officers, weekend',
  trauma_packs: 'Trauma packs', first_aid_kits: 'First-aid kits', defibrillators: 'Defibrillators',
  reception_capacity: 'Survivor reception capacity',
};
const OCCUPANCY = ['occupancy_day', 'occupancy_night', 'occupancy_weekend'];
const OPTIONAL = ['occupancy_weekend', 'guards_weekend'];

// Why typed text is not a whole number, as the server's upload says it ("1,200" has a
// thousands separator); null when it is one.
function notAWholeNumber(text) {
  if (/^\d{1,3}([,. \u00a0\u202f']\d{3})+$/.test(text)) return `Write ${text.replace(/\D/g, '')} without a thousands separator.`;
  return /^\d+$/.test(text) ? null : 'Give a whole number, 0 or more.';
}

export function checkFigure(figure, text, maximums, maxOccupancy) {
  if (text === '') return null;
  const wrong = notAWholeNumber(text);
  if (wrong) return wrong;
  const value = Number(text);
  const maximum = maximums[figure];
  if (maximum !== undefined && value > maximum) return `Give a whole number from 0 to ${maximum}.`;
  if (maxOccupancy !== null && maxOccupancy !== undefined && OCCUPANCY.includes(figure) && value > maxOccupancy) {
    return `At most ${maxOccupancy}, the site's declared maximum occupancy; correct that below first if it is wrong.`;
  }
  return null;
}

export class FigureEditor {
  constructor(settings, handled, onSaved) {
    this.settings = settings;
    this.handled = handled;
    this.onSaved = onSaved;
    this.building = null;
    $('figures-form').addEventListener('submit', (event) => { event.preventDefault(); this.save(); });
    $('site-form').addEventListener('submit', (event) => { event.preventDefault(); this.saveSite(); });
    $('editor-close').addEventListener('click', () => { $('site-editor').hidden = true; this.building = null; });
  }

  async open(building) {
    this.building = building;
    $('site-editor').hidden = false;
    $('conflict').hidden = true;
    $('figures-result').textContent = '';
    $('site-result').textContent = '';
    $('editor-title').textContent = `${building.label} (${building.id})`;
    try {
      const [answer, site] = await Promise.all([
        api(`/buildings/${encodeURIComponent(building.id)}/figures`),
        api(`/buildings/${encodeURIComponent(building.id)}/site`),
      ]);
      if (this.building !== building) return;
      const figures = answer.figures;
      this.figures = figures;
      this.site = site;
      this.renderFields(figures);
      $('site-phone').value = site.control_room_phone ?? '';
      $('site-email').value = site.email ?? '';
      $('site-max').value = site.max_occupancy ?? '';
      $('site-editor').dataset.version = String(figures?.version ?? 0);
      $('site-editor').scrollIntoView({ block: 'start' });
      $(`figure-${this.settings.figures[0]}`).focus();
    } catch (problem) {
      if (!this.handled(problem, () => this.open(building))) $('figures-result').textContent = problem.message;
    }
  }

  renderFields(figures) {
    const fields = $('figures-fields');
    fields.replaceChildren();
    for (const figure of this.settings.figures) {
      const label = document.createElement('label');
      label.htmlFor = `figure-${figure}`;
      label.textContent = FIGURE_NAMES[figure] ?? figure;
      const input = document.createElement('input');
      input.id = `figure-${figure}`;
      input.name = figure;
      input.inputMode = 'numeric';
      input.autocomplete = 'off';
      input.value = figures?.[figure]?.value ?? '';
      input.setAttribute('aria-describedby', `figure-${figure}-error figure-${figure}-note`);
      const note = document.createElement('small');
      note.id = `figure-${figure}-note`;
      const reported = figures?.[figure];
      note.textContent = reported ? `confirmed ${age(reported.confirmed_at)} by ${reported.confirmed_by}` : 'not reported';
      const error = document.createElement('span');
      error.className = 'field-error';
      error.id = `figure-${figure}-error`;
      fields.append(label, input, note, error);
    }
  }

  // The values typed, checked; null (and the messages shown) when any is wrong.
  collect() {
    const values = {};
    let wrong = false;
    for (const figure of this.settings.figures) {
      const text = $(`figure-${figure}`).value.trim();
      const message = checkFigure(figure, text, this.settings.figure_maximums, this.site?.max_occupancy)
        ?? (text === '' && !this.figures && !OPTIONAL.includes(figure) ? 'Needed: a site reports all its figures the first time.' : null);
      $(`figure-${figure}-error`).textContent = message ?? '';
      if (message) wrong = true;
      if (text !== '' && !message) values[figure] = Number(text);
    }
    return wrong ? null : values;
  }

  // What the person changed from the figures the form was filled with.
  edits() {
    const values = this.collect();
    if (!values) return null;
    return Object.fromEntries(Object.entries(values).filter(([figure, value]) => this.figures?.[figure]?.value !== value));
  }

  async save(edits = this.edits(), version = this.figures?.version ?? 0) {
    const result = $('figures-result');
    result.className = '';
    if (!edits) {
      result.className = 'problem';
      result.textContent = 'Nothing was saved: correct the fields marked.';
      return;
    }
    if (Object.keys(edits).length === 0) {
      result.textContent = 'Nothing changed. To confirm the figures unchanged, select the site and confirm it.';
      return;
    }
    const building = this.building;
    const path = `/buildings/${encodeURIComponent(building.id)}/figures`;
    try {
      // A site's first figures are all of them (PUT, If-Match "0"); later, only what changed.
      const saved = (version === 0
        ? await api(path, { method: 'PUT', body: edits, headers: { 'If-Match': '"0"' } })
        : await api(path, { method: 'PATCH', body: edits, headers: { 'If-Match': `"${version}"` } })).figures;
      this.onSaved();
      // Another site opened meanwhile: its form is not this answer's.
      if (this.building !== building) return;
      this.figures = saved;
      $('conflict').hidden = true;
      this.renderFields(saved);
      $('site-editor').dataset.version = String(saved.version);
      result.textContent = `Saved: ${Object.keys(edits).map((f) => FIGURE_NAMES[f] ?? f).join(', ')} (version ${saved.version}).`;
    } catch (problem) {
      if (this.building !== building) return;
      if (problem instanceof ApiError && problem.status === 412) return this.conflict(edits, problem.problem?.current);
      if (this.handled(problem, () => this.save(edits, version))) return;
      result.className = 'problem';
      result.textContent = `Nothing was saved: ${problem.message}`;
      const field = problem.problem?.parameter;
      if (field && $(`figure-${field}-error`)) $(`figure-${field}-error`).textContent = problem.message;
    }
  }

  // Another control room saved first: show theirs beside ours; overwrite only when asked.
  conflict(mine, current) {
    const box = $('conflict');
    $('figures-result').textContent = '';
    box.hidden = false;
    box.replaceChildren();
    const heading = document.createElement('p');
    heading.className = 'problem';
    heading.textContent = `Someone else changed these figures while you were editing (now version ${current?.version ?? 0}). `
      + 'Nothing of yours was saved. Compare and choose:';
    const table = document.createElement('table');
    table.id = 'conflict-table';
    table.innerHTML = '<thead><tr><th scope="col">Figure</th><th scope="col">Yours</th><th scope="col">On record now</th></tr></thead>';
    const body = document.createElement('tbody');
    for (const figure of this.settings.figures) {
      const theirs = current?.[figure];
      if (mine[figure] === undefined && !theirs) continue;
      const tr = document.createElement('tr');
      tr.dataset.figure = figure;
      const differs = mine[figure] !== undefined ? mine[figure] !== theirs?.value : theirs?.value !== this.figures?.[figure]?.value;
      if (differs) tr.className = 'differs';
      for (const text of [FIGURE_NAMES[figure] ?? figure, mine[figure] ?? 'not changed',
        theirs ? `${theirs.value} (${theirs.confirmed_by}, ${age(theirs.confirmed_at)})` : '–']) {
        const td = document.createElement('td');
        td.textContent = String(text);
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.id = 'conflict-keep';
    keep.textContent = 'Keep the figures on record';
    keep.addEventListener('click', () => {
      this.figures = current;
      this.renderFields(current);
      box.hidden = true;
      $('figures-result').textContent = 'Kept the figures on record; nothing of yours was saved.';
      this.onSaved();
    });
    const overwrite = document.createElement('button');
    overwrite.type = 'button';
    overwrite.id = 'conflict-mine';
    overwrite.textContent = 'Save mine over them';
    // Only what this person changed is sent; the other changes on record stay.
    overwrite.addEventListener('click', () => {
      this.figures = current;
      this.save(mine, current?.version ?? 0);
    });
    box.append(heading, table, keep, overwrite);
    box.scrollIntoView({ block: 'center' });
  }

  async saveSite() {
    const building = this.building;
    const result = $('site-result');
    result.className = '';
    for (const id of ['site-phone-error', 'site-email-error', 'site-max-error']) $(id).textContent = '';
    const maxText = $('site-max').value.trim();
    const wrong = maxText === '' ? null : notAWholeNumber(maxText);
    if (wrong) {
      $('site-max-error').textContent = `${wrong} Or leave it empty.`;
      return;
    }
    const body = {
      control_room_phone: $('site-phone').value.trim() || null,
      email: $('site-email').value.trim() || null,
      max_occupancy: maxText === '' ? null : Number(maxText),
    };
    try {
      const site = await api(`/buildings/${encodeURIComponent(building.id)}/site`, { method: 'PUT', body });
      if (this.building !== building) return;
      this.site = site;
      result.textContent = 'Site details saved.';
    } catch (problem) {
      if (this.building !== building) return;
      if (this.handled(problem, () => this.saveSite())) return;
      result.className = 'problem';
      result.textContent = `Nothing was saved: ${problem.message}`;
      const target = { control_room_phone: 'site-phone-error', email: 'site-email-error', max_occupancy: 'site-max-error' }[problem.problem?.parameter];
      if (target) $(target).textContent = problem.message;
    }
  }
}
