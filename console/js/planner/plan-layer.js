// The reception plan on the map, from the plan's GeoJSON: the displaced buildings, the
// centres as circles whose area follows their capacity (further centres dashed), and each
// allocation as a line from building to centre labelled with its people.
import { plainText } from '../dom.js';
import { corridorLayer } from '../cordon/shape.js';

const L = window.L;

export class PlanLayer {
  constructor(map) {
    this.map = map;
    // Above the footprints and the coverage cells, so that the lines are never hidden.
    map.createPane('plan').style.zIndex = 460;
    this.renderer = L.svg({ pane: 'plan' });
    this.group = null;
    const labels = () => map.getContainer().classList.toggle('plan-labels-far', map.getZoom() < 16);
    map.on('zoomend', labels);
    labels();
  }

  // `cordons`: an incident's current cordons (its inner and outer drawn), when the plan is
  // for an incident rather than the cordon on screen.
  draw(collection, cordons) {
    this.clear();
    const features = collection.features;
    const centres = features.filter((f) => f.properties.role === 'centre' || f.properties.role === 'further_centre');
    const largest = Math.max(1, ...centres.map((f) => f.properties.centre.capacity));
    const widest = Math.max(1, ...features.filter((f) => f.properties.role === 'flow').map((f) => f.properties.people));
    const at = (f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]];
    const layers = [];
    // Each centre's lines and the buildings they come from, to show one centre's catchment.
    this.catchments = new Map();
    for (const flow of features.filter((f) => f.properties.role === 'flow')) {
      const [[lon1, lat1], [lon2, lat2]] = flow.geometry.coordinates;
      const people = flow.properties.people;
      const catchment = this.catchments.get(flow.properties.to) ?? [];
      catchment.push([lat1, lon1], [lat2, lon2]);
      this.catchments.set(flow.properties.to, catchment);
      layers.push(L.polyline([[lat1, lon1], [lat2, lon2]], {
        renderer: this.renderer, color: '#333', weight: 1 + 3 * (people / widest), opacity: 0.6, interactive: false,
      }));
      layers.push(L.marker([(lat1 + lat2) / 2, (lon1 + lon2) / 2], {
        pane: 'plan', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'flow-label', html: `<span>${people}</span>`, iconSize: null }),
      }));
    }
    this.centres = new Map();
    for (const feature of centres) {
      const centre = feature.properties.centre;
      const within = feature.properties.role === 'centre';
      const radius = 4 + 18 * Math.sqrt(centre.capacity / largest);
      const style = within
        ? { color: '#0072b2', weight: 1.5, fillColor: '#0072b2', fillOpacity: 0.35 }
        : { color: '#e69f00', weight: 2, dashArray: '4 3', fill: false };
      const marker = L.circleMarker(at(feature), { renderer: this.renderer, radius, ...style, className: `plan-${feature.properties.role}` });
      marker.bindTooltip(plainText(`${centre.label}: capacity ${centre.capacity}, ${within ? `${centre.assigned} assigned` : 'further centre'}`));
      this.centres.set(centre.id, marker);
      layers.push(marker);
    }
    for (const feature of features.filter((f) => f.properties.role === 'displaced')) {
      const marker = L.circleMarker(at(feature), { renderer: this.renderer, radius: 3, color: '#d55e00', weight: 1, fillColor: '#d55e00', fillOpacity: 1, className: 'plan-displaced' });
      marker.bindTooltip(plainText(`${feature.properties.label}: ${feature.properties.people} people`));
      layers.push(marker);
    }
    for (const [zone, colour] of [['inner', '#d55e00'], ['outer', '#cc79a7']]) {
      const cordon = cordons?.[zone];
      if (cordon) layers.push(...outline(this.map, cordon, { renderer: this.renderer, color: colour, weight: 3, fill: false, interactive: false }));
    }
    this.group = L.featureGroup(layers).addTo(this.map);
    // The plan's sheet: the cordon's buildings and every centre they walk to.
    if (layers.length) this.map.fitBounds(this.group.getBounds(), { padding: [16, 16], maxZoom: 17 });
  }

  // Zooms to one centre and the buildings whose people walk to it, close enough to read the
  // number on each line, and outlines the centre.
  showCentre(id) {
    const marker = this.centres?.get(id);
    if (!marker) return;
    for (const [other, layer] of this.centres) layer.setStyle({ weight: other === id ? 4 : 1.5, color: other === id ? '#000' : layer.options.dashArray ? '#e69f00' : '#0072b2' });
    const points = [marker.getLatLng(), ...(this.catchments.get(id) ?? [])];
    this.map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 18 });
  }

  clear() {
    this.group?.remove();
    this.group = null;
  }
}

// An incident's cordon as the API stores it: a circle, a polygon, or a corridor (its route
// and width, drawn as the console draws the corridor on screen).
function outline(map, cordon, style) {
  if (cordon.type === 'radius') return [L.circle([cordon.lat, cordon.lon], { ...style, radius: cordon.radius_m })];
  if (cordon.type === 'polygon') return [L.geoJSON(cordon.geometry, { style, renderer: style.renderer, interactive: false })];
  if (cordon.type === 'corridor') {
    return [corridorLayer(map, { positions: cordon.route.coordinates.map(([lon, lat]) => [lat, lon]), width: cordon.width_m }, style)];
  }
  return [];
}
