// The cordon on screen, as the API takes it and as the map shows it: a circle, a polygon, or a
// corridor (a route and its whole width, half on each side).
import { polygonGeoJSON, routeGeoJSON } from './draw.js';

const L = window.L;

// The cordon as incidents and plans take it.
export function cordonOf(shape) {
  if (shape.type === 'radius') return { type: 'radius', lat: shape.lat, lon: shape.lon, radius_m: shape.radius };
  if (shape.type === 'corridor') return { type: 'corridor', route: routeGeoJSON(shape.positions), width_m: shape.width };
  return { type: 'polygon', geometry: polygonGeoJSON(shape.positions) };
}

// Where an incident opened from this cordon is: the circle's centre, a corridor's midpoint
// along its route (on the route, however it bends), or a polygon's mean corner.
export function centreOf(shape) {
  if (shape.type === 'radius') return [shape.lat, shape.lon];
  if (shape.type === 'corridor') return alongRoute(shape.positions, routeLength(shape.positions) / 2);
  const lat = shape.positions.reduce((sum, [y]) => sum + y, 0) / shape.positions.length;
  const lon = shape.positions.reduce((sum, [, x]) => sum + x, 0) / shape.positions.length;
  return [lat, lon];
}

function segmentLength([lat1, lon1], [lat2, lon2]) {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * Math.PI / 180);
  return Math.hypot(x, lat2 - lat1) * 111_195;
}

// The position `metres` along the route from its start.
function alongRoute(positions, metres) {
  let left = metres;
  for (let i = 1; i < positions.length; i += 1) {
    const length = segmentLength(positions[i - 1], positions[i]);
    if (length > 0 && left <= length) {
      const t = left / length;
      return [0, 1].map((k) => positions[i - 1][k] + t * (positions[i][k] - positions[i - 1][k]));
    }
    left -= length;
  }
  return positions[positions.length - 1];
}

// A corridor's length in metres along its route (an equirectangular approximation, well
// under a metre in a kilometre at the City's latitude).
export function routeLength(positions) {
  let metres = 0;
  for (let i = 1; i < positions.length; i += 1) metres += segmentLength(positions[i - 1], positions[i]);
  return metres;
}

// A corridor drawn as the server measures it: the route stroked as wide as the corridor, with
// round ends and joins, which is exactly the route buffered by half the width. The stroke is
// in pixels, so it is resized with every zoom; and it is never clipped to the view, which
// Leaflet does for lines without allowing for a wide stroke. A feature group, so that a map
// can fit its bounds.
export function corridorLayer(map, shape, style) {
  const positions = shape.positions;
  const common = { color: style.color, interactive: false, noClip: true, ...(style.renderer ? { renderer: style.renderer } : {}) };
  const band = L.polyline(positions, { ...common, opacity: 0.3, lineCap: 'round', lineJoin: 'round' });
  const centre = L.polyline(positions, { ...common, weight: 2, dashArray: '8 6' });
  const resize = () => {
    const lat = positions[0][0] * Math.PI / 180;
    const metresPerPixel = 40_075_016.686 * Math.cos(lat) / 2 ** (map.getZoom() + 8);
    band.setStyle({ weight: Math.max(2, shape.width / metresPerPixel) });
  };
  resize();
  const group = L.featureGroup([band, centre]);
  group.on('add', () => map.on('zoomend', resize));
  group.on('remove', () => map.off('zoomend', resize));
  return group;
}
