// The plan's numbers beside the map: displaced, placed and shortfall first (the numbers a
// planner is asked for), then the centres used and the further centres that would cover a
// shortfall, nearest first.
import { number } from '../format.js';
import { element, figures } from './element.js';

const $ = (id) => document.getElementById(id);

export function renderPlan(collection, description, onCentre) {
  const totals = collection.totals;
  const prefix = totals.lower_bound ? '≥ ' : '';
  figures($('plan-totals'), [
    ['displaced', 'Displaced', totals.displaced],
    ['assigned', 'Placed', totals.assigned],
    ['shortfall', 'Shortfall', totals.shortfall, totals.shortfall > 0 ? 'short' : ''],
    ['centres', 'Centres in reach', totals.centres],
    ['capacity_within_walk', 'Capacity in reach', totals.capacity_within_walk],
    ['buildings_inside', 'Buildings inside', totals.buildings_inside],
  ]);
  if (prefix) for (const key of ['displaced', 'shortfall']) {
    const value = $('plan-totals').querySelector(`[data-total=${key}] dd`);
    value.textContent = prefix + value.textContent;
  }
  $('plan-query').textContent = `${description}: ${totals.period} figures for ${totals.at.replace('T', ' ').replace('Z', ' UTC')}, `
    + `centres within ${number(totals.walking_distance_m)} m walk of the cordon's edge; ${number(Math.round(totals.person_metres / 1000))} person-km walked.`;
  const warnings = collection.warnings ?? [];
  $('plan-warnings').hidden = warnings.length === 0;
  $('plan-warnings').replaceChildren(...warnings.map((text) => element('li', { textContent: text })));

  const centres = collection.features.filter((f) => f.properties.role === 'centre').map((f) => f.properties.centre);
  const used = centres.filter((c) => c.assigned > 0);
  $('plan-centres').replaceChildren(
    element('caption', { textContent: `Centres receiving people: ${used.length} of ${centres.length} in reach (select one to see its catchment)` }),
    element('thead', {}, [row('th', ['Centre', 'From cordon m', 'Capacity', 'Assigned', 'Guards', 'Trauma', 'First aid'])]),
    element('tbody', {}, used.map((c) => {
      const tr = row('td', [c.label, number(Math.round(c.distance_from_cordon_m)), number(c.capacity), number(c.assigned),
        number(c.guards), number(c.trauma_packs), number(c.first_aid_kits)], c.id);
      // Selecting a centre (click, Enter or Space) shows its catchment on the map.
      tr.tabIndex = 0;
      const select = () => {
        for (const other of tr.parentElement.rows) other.setAttribute('aria-selected', String(other === tr));
        onCentre?.(c.id);
      };
      tr.addEventListener('click', select);
      tr.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(); }
      });
      return tr;
    })));

  const further = collection.features.filter((f) => f.properties.role === 'further_centre').map((f) => f.properties.centre);
  $('plan-further').hidden = further.length === 0;
  $('plan-further').replaceChildren(
    element('h3', { textContent: `Further centres: ${number(totals.further_capacity)} places beyond the walk` }),
    element('ol', {}, further.map((c) => {
      const item = element('li', { textContent: `${c.label}: ${number(Math.round(c.distance_from_cordon_m))} m from the cordon, capacity ${number(c.capacity)}` });
      item.dataset.id = c.id;
      return item;
    })));
}

function row(cell, values, id) {
  const tr = element('tr', {}, values.map((value) => element(cell, { textContent: value })));
  if (id) tr.dataset.id = id;
  return tr;
}

export function clearPlan(message) {
  $('plan-totals').replaceChildren();
  $('plan-centres').replaceChildren();
  $('plan-further').replaceChildren();
  $('plan-further').hidden = true;
  $('plan-warnings').hidden = true;
  $('plan-query').textContent = message;
}
