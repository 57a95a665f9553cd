// "My sites": every building the firm manages, most urgent first (no figures yet, then
// stale, then soon stale, each by when it went or goes stale), with a filter and a choice of
// order, and the sites to confirm unchanged.
import { number, age, relative } from '../format.js';

const $ = (id) => document.getElementById(id);

const STATES = {
  missing: { rank: 0, text: 'No figures yet' },
  stale: { rank: 1, text: 'Stale' },
  soon: { rank: 2, text: 'Soon stale' },
  current: { rank: 3, text: 'Current' },
};

export function siteState(building) {
  if (!building.figures_reported) return 'missing';
  if (building.stale) return 'stale';
  if (building.soon_stale) return 'soon';
  return 'current';
}

const ORDERS = {
  urgency: (a, b) => STATES[siteState(a)].rank - STATES[siteState(b)].rank
    || (a.stale_at ?? '').localeCompare(b.stale_at ?? '') || a.id.localeCompare(b.id),
  label: (a, b) => a.label.localeCompare(b.label, 'en-GB') || a.id.localeCompare(b.id),
  confirmed: (a, b) => (a.oldest_confirmed_at ?? '').localeCompare(b.oldest_confirmed_at ?? '') || a.id.localeCompare(b.id),
};

function value(building, figure) {
  return building.figures?.[figure]?.value;
}

export class SiteList {
  constructor(onEdit, onConfirm) {
    this.buildings = [];
    this.selected = new Set();
    this.onEdit = onEdit;
    $('sites-filter').addEventListener('input', () => this.render());
    $('sites-sort').addEventListener('change', () => this.render());
    $('confirm-all').addEventListener('click', () => onConfirm('all'));
    $('confirm-selected').addEventListener('click', () => onConfirm([...this.selected]));
    const head = document.createElement('tr');
    for (const text of ['', 'Site', 'State', 'Stale from', 'Last confirmed', 'People day / night', 'Guards day / night',
      'Trauma packs', 'First-aid kits', '']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      head.append(th);
    }
    $('sites-table').tHead.append(head);
  }

  show(list) {
    this.buildings = list.buildings;
    const ids = new Set(this.buildings.map((b) => b.id));
    for (const id of this.selected) if (!ids.has(id)) this.selected.delete(id);
    const counts = { missing: 0, stale: 0, soon: 0, current: 0 };
    for (const building of this.buildings) counts[siteState(building)] += 1;
    const summary = $('sites-summary');
    summary.dataset.count = String(this.buildings.length);
    summary.dataset.stale = String(counts.stale);
    summary.textContent = `${this.buildings.length} site${this.buildings.length === 1 ? '' : 's'}: ${counts.stale} stale, `
      + `${counts.soon} soon stale, ${counts.missing} without figures. Occupancy and guards go stale after `
      + `${list.live_maximum_age_hours} h, equipment after ${list.equipment_maximum_age_days} days.`;
    this.render();
  }

  render() {
    const filter = $('sites-filter').value.trim().toLowerCase();
    const shown = this.buildings
      .filter((b) => !filter || [b.label, b.id, b.ward, b.postcode, b.address].some((t) => (t ?? '').toLowerCase().includes(filter)))
      .sort(ORDERS[$('sites-sort').value] ?? ORDERS.urgency);
    const body = $('sites-table').tBodies[0];
    body.replaceChildren(...shown.map((building) => this.row(building)));
    this.showSelection();
  }

  showSelection() {
    $('confirm-selected').disabled = this.selected.size === 0;
    $('confirm-selected').textContent = `Confirm selected unchanged (${this.selected.size})`;
  }

  row(building) {
    const state = siteState(building);
    const tr = document.createElement('tr');
    tr.dataset.id = building.id;
    tr.dataset.state = state;
    const cell = (content, className) => {
      const td = document.createElement('td');
      if (className) td.className = className;
      if (content instanceof Node) td.append(content); else td.textContent = content;
      tr.append(td);
      return td;
    };
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = this.selected.has(building.id);
    box.disabled = !building.figures_reported;
    box.setAttribute('aria-label', `Select ${building.label}`);
    // Only the button changes: redrawing the table would take the keyboard's place away.
    box.addEventListener('change', () => {
      if (box.checked) this.selected.add(building.id); else this.selected.delete(building.id);
      this.showSelection();
    });
    cell(box);
    const name = document.createElement('span');
    name.append(document.createTextNode(building.label), document.createElement('br'));
    const id = document.createElement('small');
    id.textContent = building.id;
    name.append(id);
    cell(name);
    cell(STATES[state].text, `state ${state}`);
    cell(building.stale_at ? relative(building.stale_at) : '–');
    cell(age(building.oldest_confirmed_at));
    cell(`${number(value(building, 'occupancy_day'))} / ${number(value(building, 'occupancy_night'))}`, 'number');
    cell(`${number(value(building, 'guards_day'))} / ${number(value(building, 'guards_night'))}`, 'number');
    cell(number(value(building, 'trauma_packs')), 'number');
    cell(number(value(building, 'first_aid_kits')), 'number');
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.className = 'edit';
    edit.textContent = 'Edit';
    edit.setAttribute('aria-label', `Edit ${building.label}`);
    edit.addEventListener('click', () => this.onEdit(building));
    cell(edit);
    return tr;
  }
}
