// The City-wide coverage grid on the map: one cell per grid point, coloured from green (no
// shortfall) through yellow to red (the largest), the same scale as the server's SVG heat
// map. A cell whose cordon reaches the area without building data is hatched: its shortfall
// is a lower bound, never "no shortfall".
import { plainText } from '../dom.js';

const L = window.L;
const ns = 'http://www.w3.org/2000/svg';

// The server's CoverageMap.colour, so that the page and the SVG export agree.
export function shortfallColour(shortfall, maximum) {
  if (shortfall <= 0) return '#1a9850';
  const t = Math.min(1, shortfall / Math.max(1, maximum));
  const [r, g] = t < 0.5 ? [254, 224 - 60 * t * 2] : [254 - 39 * (t - 0.5) * 2, 164 - 138 * (t - 0.5) * 2];
  const b = t < 0.5 ? 139 - 100 * t * 2 : 39;
  const hex = (v) => Math.trunc(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

export class CoverageLayer {
  constructor(map) {
    this.map = map;
    // Above the footprints (overlay pane), under the plan.
    map.createPane('coverage').style.zIndex = 450;
    this.renderer = L.svg({ pane: 'coverage' });
    this.group = null;
  }

  draw(collection) {
    this.clear();
    const maximum = collection.summary.maximum_shortfall;
    const cells = L.geoJSON(collection, {
      renderer: this.renderer,
      style: (f) => ({ stroke: false, fillColor: shortfallColour(f.properties.shortfall, maximum), fillOpacity: 0.55, className: 'coverage-cell' }),
      onEachFeature: (f, layer) => layer.bindTooltip(plainText(
        `${f.properties.ward ?? 'outside the wards'}: displaced ${f.properties.displaced}, capacity ${f.properties.capacity}, shortfall ${f.properties.shortfall}`
        + (f.properties.lower_bound ? ' (at least: part of this cordon has no building data)' : ''))),
    });
    const lowerBound = L.geoJSON({ type: 'FeatureCollection', features: collection.features.filter((f) => f.properties.lower_bound) }, {
      renderer: this.renderer, interactive: false,
      style: { color: '#444', weight: 0.5, fillOpacity: 1, className: 'coverage-lower-bound' },
    });
    this.group = L.layerGroup([cells, lowerBound]).addTo(this.map);
    this.hatch();
    lowerBound.eachLayer((cell) => cell.getElement()?.setAttribute('fill', 'url(#coverage-lower-bound-hatch)'));
  }

  // Lines only, no background: the cell's colour shows through the hatching.
  hatch() {
    const root = this.renderer._container;
    if (!root || root.querySelector('#coverage-lower-bound-hatch')) return;
    const defs = document.createElementNS(ns, 'defs');
    const pattern = document.createElementNS(ns, 'pattern');
    for (const [name, value] of [['id', 'coverage-lower-bound-hatch'], ['patternUnits', 'userSpaceOnUse'], ['width', '7'], ['height', '7'],
      ['patternTransform', 'rotate(-45)']]) pattern.setAttribute(name, value);
    const line = document.createElementNS(ns, 'line');
    for (const [name, value] of [['x1', '0'], ['y1', '0'], ['x2', '0'], ['y2', '7'], ['stroke', '#222'], ['stroke-width', '1'], ['stroke-opacity', '0.7']]) line.setAttribute(name, value);
    pattern.append(line);
    defs.append(pattern);
    root.prepend(defs);
  }

  clear() {
    this.group?.remove();
    this.group = null;
  }
}
