// One building: its details and each figure with when it was confirmed and whether it is
// stale; its managing firm's contact for those allowed to see it (commanders).
import { api } from '../api.js';
import { number, age, label } from '../format.js';

const figures = [
  ['occupancy', 'People'], ['guards', 'Guards'], ['trauma_packs', 'Trauma packs'], ['first_aid_kits', 'First-aid kits'],
  ['defibrillators', 'Defibrillators'], ['reception_capacity', 'Reception capacity'],
];

export async function showDetails(building, role) {
  const section = document.getElementById('details');
  const body = document.getElementById('details-body');
  section.hidden = false;
  document.getElementById('details-title').textContent = label(building);
  const rows = [
    ['Id', building.id], ['Address', [building.address, building.postcode].filter(Boolean).join(', ') || '–'],
    ['Ward', building.ward ?? '–'],
  ];
  if (building.distance_m !== undefined) rows.push(['Distance', `${number(Math.round(building.distance_m))} m`]);
  for (const [key, name] of figures) {
    const stale = building[`${key}_stale`] ? ' ⚠ stale' : '';
    rows.push([name, `${number(building[key])} (confirmed ${age(building[`${key}_confirmed_at`])})${stale}`]);
  }
  rows.push(['Confirmed by', building.confirmed_by ?? '–']);
  const list = document.createElement('dl');
  const fill = (entries) => list.replaceChildren(...entries.flatMap(([term, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    return [dt, dd];
  }));
  fill(rows);
  body.replaceChildren(list);
  if (role !== 'commander') return;
  try {
    const site = await api(`/buildings/${encodeURIComponent(building.id)}/site`);
    fill([...rows, ['Managed by', site.managed_by ?? 'no firm'], ['Control room', site.control_room_phone ?? '–'],
      ['Email', site.email ?? '–']]);
  } catch {
    // The details above stand on their own; a missing contact is not worth an alarm.
  }
}

export function hideDetails() {
  document.getElementById('details').hidden = true;
}
