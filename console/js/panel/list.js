// The buildings inside the cordon as a table sortable by any column; a row is selected by
// click, Enter or Space, which shows the building on the map and its details.
import { number, date, label } from '../format.js';

const figureColumns = [
  ['occupancy', 'People'], ['guards', 'Guards'], ['trauma_packs', 'Trauma'], ['first_aid_kits', 'First aid'],
  ['defibrillators', 'Defib'], ['reception_capacity', 'Reception'],
];

function staleNames(building) {
  return figureColumns.filter(([key]) => building[`${key}_stale`]).map(([, name]) => name.toLowerCase());
}

function oldest(building) {
  return figureColumns.map(([key]) => building[`${key}_confirmed_at`]).filter(Boolean).sort()[0] ?? null;
}

export class BuildingList {
  constructor(onSelect) {
    this.onSelect = onSelect;
    this.buildings = [];
    this.sort = { key: 'distance', descending: false };
    this.table = document.getElementById('buildings');
  }

  show(buildings, shape) {
    this.buildings = buildings;
    this.shape = shape;
    if (this.sort.key === 'distance' && shape !== 'radius') this.sort = { key: 'label', descending: false };
    this.render();
  }

  columns() {
    const place = this.shape !== 'radius'
      ? ['inside', 'Inside', (b) => b.inside, (b) => b.inside]
      : ['distance', 'Distance m', (b) => b.distance_m, (b) => number(Math.round(b.distance_m))];
    return [
      ['label', 'Building', (b) => label(b).toLowerCase(), (b) => label(b)],
      place,
      ...figureColumns.map(([key, name]) => [key, name, (b) => b[key] ?? -1, (b) => number(b[key])]),
      ['confirmed', 'Confirmed', (b) => oldest(b) ?? '', (b) => date(oldest(b))],
      ['stale', 'Stale', (b) => staleNames(b).length,
        (b) => (staleNames(b).length ? `⚠ ${staleNames(b).length} of ${figureColumns.length}` : '')],
    ];
  }

  render() {
    const columns = this.columns();
    const head = document.createElement('tr');
    for (const [key, name] of columns) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      if (this.sort.key === key) cell.setAttribute('aria-sort', this.sort.descending ? 'descending' : 'ascending');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = name + (this.sort.key === key ? (this.sort.descending ? ' ▼' : ' ▲') : '');
      button.addEventListener('click', () => {
        this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : false };
        this.render();
      });
      cell.append(button);
      head.append(cell);
    }
    this.table.tHead.replaceChildren(head);
    const [, , sortValue] = columns.find(([key]) => key === this.sort.key) ?? columns[0];
    const rows = [...this.buildings].sort((a, b) => {
      const x = sortValue(a);
      const y = sortValue(b);
      const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
      return this.sort.descending ? -order : order;
    });
    this.table.tBodies[0].replaceChildren(...rows.map((building) => this.row(building, columns)));
  }

  row(building, columns) {
    const row = document.createElement('tr');
    row.tabIndex = 0;
    row.dataset.id = building.id;
    row.setAttribute('aria-selected', String(building.id === this.selected));
    for (const [key, , , text] of columns) {
      const cell = document.createElement('td');
      cell.textContent = text(building);
      if (key === 'stale' && cell.textContent) {
        // The count keeps the row short; which figures are stale is one hover or the details away.
        cell.className = 'stale-mark';
        cell.title = staleNames(building).join(', ');
      }
      row.append(cell);
    }
    const select = () => {
      this.selected = building.id;
      for (const other of this.table.tBodies[0].rows) other.setAttribute('aria-selected', String(other === row));
      this.onSelect(building);
    };
    row.addEventListener('click', select);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(); }
    });
    return row;
  }

  clear() {
    this.buildings = [];
    this.table.tHead.replaceChildren();
    this.table.tBodies[0].replaceChildren();
  }
}
