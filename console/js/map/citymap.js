// The map: the City boundary, its wards, the area without building data (hatched and
// labelled) and every footprint, drawn from one GET /map answer. Background tiles only when
// the server is configured with a tile URL; without them these layers are the map.
import { scale, renderLegend } from './palette.js';

const L = window.L;

export class CityMap {
  constructor(element, settings) {
    this.map = L.map(element, { zoomSnap: 0.25, keyboard: true, attributionControl: Boolean(settings.tile_url) });
    if (settings.tile_url) {
      L.tileLayer(settings.tile_url, { attribution: settings.tile_attribution ?? '', maxZoom: 19 }).addTo(this.map);
    }
    // Canvas draws 1,300 footprints far faster than one SVG element each.
    this.canvas = L.canvas({ padding: 0.2 });
    this.svg = L.svg();
    this.footprints = new Map();
    this.figure = 'occupancy';
    this.highlighted = new Set();
    this.map.setView([51.5145, -0.0915], 15);
  }

  // Draws the answer of GET /map; returns the buildings' properties by id.
  draw(collection) {
    this.clearLayers();
    const areas = collection.features.filter((f) => f.properties.layer !== 'building');
    const buildings = collection.features.filter((f) => f.properties.layer === 'building');
    this.layers = [];
    for (const area of areas) this.layers.push(this.area(area));
    this.buildingProperties = new Map(buildings.map((f) => [f.id, { id: f.id, ...f.properties }]));
    const group = L.geoJSON(buildings, {
      renderer: this.canvas,
      style: (f) => this.style(f.id),
      onEachFeature: (f, layer) => {
        this.footprints.set(f.id, layer);
        layer.on('click', (event) => this.onBuildingClick?.(f.id, event));
      },
    }).addTo(this.map);
    this.layers.push(group);
    const boundary = areas.find((a) => a.properties.layer === 'boundary');
    if (boundary && !this.fitted) {
      this.map.fitBounds(L.geoJSON(boundary).getBounds(), { padding: [8, 8] });
      this.fitted = true;
    }
    this.recolour(this.figure);
    return this.buildingProperties;
  }

  area(feature) {
    const kind = feature.properties.layer;
    if (kind === 'no_data') {
      const layer = L.geoJSON(feature, { renderer: this.svg, interactive: false, className: 'no-data',
        style: { color: '#444', weight: 1, dashArray: '4 3', fillOpacity: 1 } }).addTo(this.map);
      this.hatch();
      layer.eachLayer((part) => part.getElement()?.setAttribute('fill', 'url(#no-data-hatch)'));
      this.layers.push(L.tooltip({ permanent: true, direction: 'center', className: 'no-data-label' })
        .setLatLng(layer.getBounds().getCenter()).setContent('No building data').addTo(this.map));
      return layer;
    }
    const style = kind === 'boundary'
      ? { color: '#000', weight: 3, fill: false }
      : kind === 'ward' ? { color: '#777', weight: 1, fill: false, dashArray: '2 4' }
      : { stroke: false, fill: false };
    return L.geoJSON(feature, { renderer: this.svg, interactive: false, style }).addTo(this.map);
  }

  // An SVG pattern for the no-data area, in the SVG renderer's own element.
  hatch() {
    const root = this.svg._container;
    if (!root || root.querySelector('#no-data-hatch')) return;
    const ns = 'http://www.w3.org/2000/svg';
    const defs = document.createElementNS(ns, 'defs');
    const pattern = document.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', 'no-data-hatch');
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '8');
    pattern.setAttribute('height', '8');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', '0'); line.setAttribute('y1', '0'); line.setAttribute('x2', '0'); line.setAttribute('y2', '8');
    line.setAttribute('stroke', '#666'); line.setAttribute('stroke-width', '2');
    pattern.append(line);
    defs.append(pattern);
    root.prepend(defs);
  }

  style(id) {
    const inside = this.highlighted.has(id);
    const selected = id === this.selected;
    return {
      color: selected ? '#ff2d00' : inside ? '#000' : '#555',
      weight: selected ? 4 : inside ? 2 : 0.5,
      fillColor: this.colour ? this.colour(this.buildingProperties.get(id)) : '#ccc',
      fillOpacity: 0.85,
    };
  }

  recolour(figure) {
    this.figure = figure;
    const { colour, legend } = scale([...this.buildingProperties.values()], figure);
    this.colour = colour;
    renderLegend(document.getElementById('legend'), legend);
    this.restyle();
  }

  restyle() {
    for (const [id, layer] of this.footprints) layer.setStyle(this.style(id));
  }

  // Restyles only the footprints whose state changed: a new cordon must show its totals
  // without waiting for 1,300 footprints to be styled again.
  highlight(ids) {
    const before = this.highlighted;
    this.highlighted = new Set(ids);
    for (const id of new Set([...before, ...this.highlighted])) {
      if (before.has(id) !== this.highlighted.has(id)) this.footprints.get(id)?.setStyle(this.style(id));
    }
  }

  select(id) {
    const before = this.selected;
    this.selected = id;
    for (const changed of [before, id]) if (changed) this.footprints.get(changed)?.setStyle(this.style(changed));
    const layer = this.footprints.get(id);
    if (layer) this.map.panTo(layer.getBounds().getCenter());
  }

  clearLayers() {
    for (const layer of this.layers ?? []) layer.remove();
    this.footprints.clear();
  }
}
