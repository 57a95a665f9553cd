// Setting the cordon: a circle (a map click or a typed position, with a preset or a typed
// radius), a polygon, or a corridor (a route and its width; both drawn on the map or typed).
// Each change is drawn at once and handed to onChange, which asks the API what is inside.
import { Drawing, drawings, parsePositions } from './draw.js';
import { corridorLayer } from './shape.js';
import { api, ApiError } from '../api.js';

const L = window.L;
const $ = (id) => document.getElementById(id);

export class CordonControls {
  // handled: the console's handling of an ended session or a lost server (main.js).
  constructor(cityMap, presets, onChange, handled = () => false) {
    this.handled = handled;
    this.cityMap = cityMap;
    this.onChange = onChange;
    this.shape = null;
    this.overlay = null;
    this.fillPresets(presets);
    // The positions as the text fields show them, so that the shape asked about is the one a
    // person can read and retype.
    const typed = (positions, field) => {
      const rounded = positions.map(([lat, lon]) => [Number(lat.toFixed(6)), Number(lon.toFixed(6))]);
      $(field).value = rounded.map(([lat, lon]) => `${lat.toFixed(6)}, ${lon.toFixed(6)}`).join('\n');
      return rounded;
    };
    this.drawing = new Drawing(cityMap?.map, drawings.polygon, (drawn, error) => {
      if (error) return this.problem(error);
      this.set({ type: 'polygon', positions: typed(drawn, 'polygon-text') });
    });
    this.drawing.changed = (active) => {
      $('draw-polygon').setAttribute('aria-pressed', String(active));
      $('draw-finish').hidden = !active;
    };
    this.route = new Drawing(cityMap?.map, drawings.route, (drawn, error) => {
      if (error) return this.problem(error);
      typed(drawn, 'corridor-text');
      this.setCorridorFromFields();
    });
    this.route.changed = (active) => {
      $('draw-route').setAttribute('aria-pressed', String(active));
      $('route-finish').hidden = !active;
    };
    if (cityMap) {
      cityMap.map.on('click', (event) => this.mapClicked(event.latlng));
    }
    $('cordon-controls').addEventListener('submit', (event) => { event.preventDefault(); this.setCircleFromFields(); });
    $('cordon-preset').addEventListener('change', () => {
      const radius = $('cordon-preset').selectedOptions[0]?.dataset.radius;
      if (radius) $('cordon-radius').value = radius;
      if (this.shape?.type === 'radius') this.setCircleFromFields();
    });
    $('cordon-radius').addEventListener('input', () => { $('cordon-preset').value = ''; });
    // One drawing at a time: starting one ends the other.
    $('draw-polygon').addEventListener('click', () => {
      if (this.drawing.active) return this.drawing.stop();
      this.route.stop();
      this.drawing.start();
    });
    $('draw-finish').addEventListener('click', () => this.drawing.finish());
    $('draw-route').addEventListener('click', () => {
      if (this.route.active) return this.route.stop();
      this.drawing.stop();
      this.route.start();
    });
    $('route-finish').addEventListener('click', () => this.route.finish());
    $('corridor-set').addEventListener('click', () => this.setCorridorFromFields());
    // Enter in the width sets the corridor; left to the form, it would set a circle.
    $('corridor-width').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.setCorridorFromFields();
    });
    $('polygon-set').addEventListener('click', () => {
      const { positions, error } = parsePositions($('polygon-text').value);
      if (error) return this.problem(error);
      this.set({ type: 'polygon', positions });
    });
    $('cordon-clear').addEventListener('click', () => this.set(null));
    $('place-find').addEventListener('click', () => this.findPlace());
    $('place-text').addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.findPlace();
    });
  }

  // A named place, an address, a postcode or a grid reference, resolved by the API as every
  // lookup resolves `place`; an ambiguous one lists its candidates to choose from.
  async findPlace() {
    const text = $('place-text').value.trim();
    const candidates = $('place-candidates');
    candidates.hidden = true;
    candidates.replaceChildren();
    if (!text) return this.problem('Place: is empty. Give a building name, an address, a postcode or a grid reference such as TQ 33238 81305.');
    try {
      const answer = await api(`/lookup/radius?place=${encodeURIComponent(text)}&radius=1&format=json`);
      this.centreOn(answer.query.place);
    } catch (problem) {
      if (problem instanceof ApiError && problem.kind !== 'input' && this.handled(problem, () => this.findPlace())) return;
      const found = problem instanceof ApiError ? problem.problem?.candidates : null;
      if (!found?.length) return this.problem(problem.message);
      this.problem(null);
      for (const candidate of found) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${candidate.label}${candidate.ward ? `, ${candidate.ward}` : ''}`;
        button.addEventListener('click', () => { candidates.hidden = true; this.centreOn(candidate); });
        const item = document.createElement('li');
        item.append(button);
        candidates.append(item);
      }
      candidates.hidden = false;
      candidates.querySelector('button')?.focus();
    }
  }

  centreOn(place) {
    $('cordon-lat').value = place.lat.toFixed(6);
    $('cordon-lon').value = place.lon.toFixed(6);
    $('place-text').value = place.label ?? $('place-text').value;
    this.setCircleFromFields();
  }

  fillPresets(presets) {
    const select = $('cordon-preset');
    for (const preset of presets) {
      const option = document.createElement('option');
      option.value = preset.name;
      option.dataset.radius = preset.radius_m;
      option.textContent = `${preset.name}, ${preset.radius_m} m`;
      option.title = preset.description;
      select.append(option);
    }
  }

  mapClicked(latlng) {
    if (this.drawing.active) return this.drawing.add(latlng);
    if (this.route.active) return this.route.add(latlng);
    $('cordon-lat').value = latlng.lat.toFixed(6);
    $('cordon-lon').value = latlng.lng.toFixed(6);
    this.setCircleFromFields();
  }

  setCircleFromFields() {
    const fields = [['cordon-lat', 'Latitude', 'e.g. 51.5144'], ['cordon-lon', 'Longitude', 'e.g. -0.0803'],
      ['cordon-radius', 'Radius', 'in metres, greater than 0 and at most 5000']];
    const values = [];
    for (const [id, name, fix] of fields) {
      const text = $(id).value.trim();
      const value = Number(text);
      if (!text || !Number.isFinite(value)) {
        $(id).focus();
        return this.problem(`${name}: '${text}' is not a number. Give one, ${fix}.`);
      }
      values.push(value);
    }
    const [lat, lon, radius] = values;
    if (!(radius > 0 && radius <= 5000)) return this.problem(`Radius: ${radius} is out of range. Give metres greater than 0 and at most 5000.`);
    this.set({ type: 'radius', lat, lon, radius, preset: $('cordon-preset').value || null });
  }

  setCorridorFromFields() {
    const { positions, error } = parsePositions($('corridor-text').value, drawings.route);
    if (error) {
      $('corridor-text').focus();
      return this.problem(error);
    }
    const text = $('corridor-width').value.trim();
    const width = Number(text);
    if (!text || !Number.isFinite(width) || !(width >= 1 && width <= 2000)) {
      $('corridor-width').focus();
      return this.problem(`Width: '${text}' is not a width. Give the corridor's whole width in metres, from 1 to 2000 (half on each side of the route).`);
    }
    this.set({ type: 'corridor', positions, width });
  }

  set(shape) {
    this.problem(null);
    this.shape = shape;
    this.overlay?.remove();
    this.overlay = null;
    const style = { color: '#d55e00', weight: 3, fill: false, interactive: false };
    if (!this.cityMap) {
      this.onChange(shape);
      return;
    }
    if (shape?.type === 'radius') {
      this.overlay = L.layerGroup([
        L.circle([shape.lat, shape.lon], { ...style, radius: shape.radius }),
        L.circleMarker([shape.lat, shape.lon], { radius: 4, color: '#d55e00', fillOpacity: 1, interactive: false }),
      ]).addTo(this.cityMap.map);
    } else if (shape?.type === 'polygon') {
      this.overlay = L.polygon(shape.positions, style).addTo(this.cityMap.map);
    } else if (shape?.type === 'corridor') {
      this.overlay = corridorLayer(this.cityMap.map, shape, style).addTo(this.cityMap.map);
    }
    this.onChange(shape);
  }

  problem(message) {
    const element = $('cordon-error');
    element.hidden = !message;
    element.textContent = message ?? '';
  }
}
