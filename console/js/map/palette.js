// Colours that stay distinguishable with the common colour-vision deficiencies: a
// five-step viridis ramp for figures, Okabe-Ito blue and orange for fresh and stale, and
// grey for buildings without figures.

export const ramp = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
export const noFigures = '#d4d4d4';
export const fresh = '#0072b2';
export const stale = '#e69f00';

const names = {
  occupancy: 'people', guards: 'guards', trauma_packs: 'trauma packs', reception_capacity: 'reception capacity',
};

// Class limits at the quintiles of the values present, so every colour is used whatever
// the figure's range.
export function scale(buildings, figure) {
  if (figure === 'stale') {
    return {
      colour: (p) => (p.stale === null || p.stale === undefined ? noFigures : p.stale > 0 ? stale : fresh),
      legend: [[fresh, 'all figures fresh'], [stale, 'some figures stale'], [noFigures, 'no figures']],
    };
  }
  const values = buildings.map((p) => p[figure]).filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  const limits = [];
  for (let i = 1; i < ramp.length; i += 1) {
    const limit = values.length ? values[Math.floor((values.length * i) / ramp.length)] : 0;
    // Each limit above the last (or above the smallest value), so that no class is empty
    // and no two classes claim the same value.
    if (limit > (limits.length ? limits[limits.length - 1] : values[0] ?? 0)) limits.push(limit);
  }
  const colours = ramp.slice(ramp.length - limits.length - 1);
  const colour = (p) => {
    const value = p[figure];
    if (value === null || value === undefined) return noFigures;
    let index = 0;
    while (index < limits.length && value >= limits[index]) index += 1;
    return colours[index];
  };
  const legend = colours.map((c, index) => {
    const low = index === 0 ? 0 : limits[index - 1];
    const high = index < limits.length ? limits[index] - 1 : null;
    const text = high === null ? `${low} or more` : low >= high ? `${low}` : `${low}–${high}`;
    return [c, `${text} ${names[figure]}`];
  });
  legend.push([noFigures, 'no figures']);
  return { colour, legend };
}

export function renderLegend(element, entries) {
  const list = document.createElement('ul');
  for (const [colour, text] of entries) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    item.append(swatch, text);
    list.append(item);
  }
  const hatch = document.createElement('li');
  const swatch = document.createElement('span');
  swatch.className = 'swatch hatch';
  hatch.append(swatch, 'no building data');
  list.append(hatch);
  element.replaceChildren(list);
}
