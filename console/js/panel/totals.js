// The totals of the cordon, large, in a fixed order; the answer's warnings (coverage gaps)
// above them. Each figure carries data-total with its API name, so what the page shows can
// be checked against the API's answer.
import { number } from '../format.js';

const shown = [
  ['buildings', 'Buildings'], ['occupancy', 'People'], ['guards', 'Guards'], ['trauma_packs', 'Trauma packs'],
  ['first_aid_kits', 'First-aid kits'], ['defibrillators', 'Defibrillators'], ['reception_capacity', 'Reception capacity'],
  ['stale_figures', 'Stale figures'],
];

export function renderTotals(answer, description) {
  const totals = answer.totals;
  const list = document.getElementById('totals');
  // A lower bound (part of the area has no data) is shown as one: "at least".
  const prefix = totals.lower_bound ? '≥ ' : '';
  list.replaceChildren(...shown.map(([key, name]) => {
    const item = document.createElement('div');
    item.dataset.total = key;
    if (key === 'stale_figures' && totals[key] > 0) item.className = 'stale';
    const term = document.createElement('dt');
    term.textContent = name;
    const value = document.createElement('dd');
    value.textContent = (key === 'buildings' || key === 'stale_figures' ? '' : prefix) + number(totals[key]);
    item.append(term, value);
    return item;
  }));
  const note = document.createElement('div');
  note.className = 'note';
  note.textContent = `${number(totals.buildings_with_figures)} of ${number(totals.buildings)} buildings have figures; `
    + `${totals.period} figures for ${totals.at.replace('T', ' ').replace('Z', ' UTC')}.`;
  list.append(note);
  document.getElementById('result-query').textContent = description;
  renderWarnings(answer.warnings ?? []);
}

export function renderWarnings(warnings) {
  const list = document.getElementById('warnings');
  list.hidden = warnings.length === 0;
  list.replaceChildren(...warnings.map((text) => {
    const item = document.createElement('li');
    item.textContent = text;
    return item;
  }));
}

export function clearTotals(message) {
  document.getElementById('totals').replaceChildren();
  document.getElementById('result-query').textContent = message;
  renderWarnings([]);
}
