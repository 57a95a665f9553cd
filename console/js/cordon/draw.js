// Drawing a polygon or a corridor's route on the map: each click adds a position; Enter or
// "Finish" ends it, Escape abandons it. People who cannot use a pointer type the positions.
const L = window.L;

// What each drawing needs: a polygon its corners, a route at least its two ends.
export const drawings = {
  polygon: { minimum: 3, name: 'Polygon', needs: 'A polygon needs at least 3 corners', unit: 'corners' },
  route: { minimum: 2, name: 'Route', needs: 'A route needs at least 2 positions', unit: 'positions' },
};

export class Drawing {
  constructor(map, kind, onFinished) {
    this.map = map;
    this.kind = kind;
    this.onFinished = onFinished;
    this.positions = [];
    this.active = false;
    this.line = null;
    this.onKey = (event) => {
      if (!this.active) return;
      if (event.key === 'Enter') { event.preventDefault(); this.finish(); }
      if (event.key === 'Escape') { event.preventDefault(); this.stop(); }
    };
    document.addEventListener('keydown', this.onKey);
  }

  start() {
    this.stop();
    this.active = true;
    this.positions = [];
    this.line = L.polyline([], { color: '#e69f00', weight: 3, dashArray: '6 4', interactive: false }).addTo(this.map);
    this.map.getContainer().style.cursor = 'crosshair';
    this.changed?.(true);
  }

  add(latlng) {
    this.positions.push([latlng.lat, latlng.lng]);
    this.line.setLatLngs(this.positions);
  }

  finish() {
    if (this.positions.length < this.kind.minimum) {
      this.onFinished(null, `${this.kind.needs}; ${this.positions.length} placed. Click the map to add more, or Escape to stop.`);
      return;
    }
    const positions = this.positions;
    this.stop();
    this.onFinished(positions, null);
  }

  stop() {
    this.active = false;
    this.line?.remove();
    this.line = null;
    this.map.getContainer().style.cursor = '';
    this.changed?.(false);
  }
}

// "lat, lon" lines into positions, or an error naming the line and what to fix.
export function parsePositions(text, kind = drawings.polygon) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const positions = [];
  for (const [index, line] of lines.entries()) {
    const parts = line.split(/[\s,;]+/).filter(Boolean).map(Number);
    if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) {
      return { error: `${kind.name} line ${index + 1}: '${line}' is not "lat, lon". Give one position a line, e.g. 51.5144, -0.0803.` };
    }
    positions.push(parts);
  }
  if (positions.length < kind.minimum) {
    return { error: `${kind.name}: ${positions.length} position(s) given. Give at least ${kind.minimum} ${kind.unit}, one "lat, lon" a line.` };
  }
  return { positions };
}

// Positions as a closed GeoJSON Polygon (lon, lat), outer ring counter-clockwise (RFC 7946).
export function polygonGeoJSON(positions) {
  const ring = positions.map(([lat, lon]) => [lon, lat]);
  let area = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    area += x1 * y2 - x2 * y1;
  }
  if (area < 0) ring.reverse();
  ring.push([...ring[0]]);
  return { type: 'Polygon', coordinates: [ring] };
}

// Positions as a GeoJSON LineString (lon, lat).
export function routeGeoJSON(positions) {
  return { type: 'LineString', coordinates: positions.map(([lat, lon]) => [lon, lat]) };
}
