// The coverage beside the map: the grid's summary, the colour scale, and the per-ward table
// (wards with the largest shortfall first, as the API orders them).
import { number, decimal } from '../format.js';
import { element, figures } from './element.js';
import { shortfallColour } from './coverage-layer.js';

const $ = (id) => document.getElementById(id);

export function renderCoverage(collection) {
  const summary = collection.summary;
  figures($('coverage-summary'), [
    ['points', 'Grid points', summary.points],
    ['points_short', 'Points short', summary.points_short, summary.points_short > 0 ? 'short' : ''],
    ['maximum_shortfall', 'Largest shortfall', summary.maximum_shortfall],
    ['points_lower_bound', 'Points where it is a lower bound', summary.points_lower_bound],
  ]);
  $('coverage-query').textContent = `A ${number(summary.radius_m)} m cordon at every point ${number(summary.spacing_m)} m apart, `
    + `${summary.period} figures for ${summary.at.replace('T', ' ').replace('Z', ' UTC')}, centres within ${number(summary.walking_distance_m)} m.`;
  const steps = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(t * summary.maximum_shortfall));
  $('coverage-legend').replaceChildren(
    ...steps.map((value) => element('span', { className: 'step', textContent: number(value) }, [])),
    element('span', { className: 'hatch-key' }, [element('span', { className: 'hatch' }),
      ' a lower bound: part of the cordon has no building data or lies outside the City']));
  for (const [index, span] of [...$('coverage-legend').querySelectorAll('.step')].entries()) {
    span.style.background = shortfallColour(steps[index], summary.maximum_shortfall);
  }
  const head = ['Ward', 'Points', 'Short', 'Lower bounds', 'Largest shortfall', 'Mean shortfall'];
  $('coverage-wards').replaceChildren(
    element('caption', { textContent: 'Shortfall by ward' }),
    element('thead', {}, [element('tr', {}, head.map((name) => element('th', { textContent: name, scope: 'col' })))]),
    element('tbody', {}, collection.wards.map((ward) => {
      const tr = element('tr', {}, [
        element('th', { textContent: ward.ward, scope: 'row' }),
        ...[ward.points, ward.points_short, ward.points_lower_bound, ward.maximum_shortfall].map((value) => element('td', { textContent: number(value) })),
        element('td', { textContent: decimal(ward.mean_shortfall) }),
      ]);
      tr.dataset.ward = ward.ward;
      return tr;
    })));
}

export function clearCoverage(message) {
  for (const id of ['coverage-summary', 'coverage-legend', 'coverage-wards']) $(id).replaceChildren();
  $('coverage-query').textContent = message;
}
