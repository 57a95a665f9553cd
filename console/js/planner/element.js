// A DOM element with properties and children, and a figure list whose every value carries
// data-total with its API name, so that what the page shows can be checked against the API.
import { number } from '../format.js';
import { element } from '../dom.js';

export { element };

export function figures(list, entries) {
  list.replaceChildren(...entries.map(([key, name, value, className]) => {
    const item = element('div', { className: className ?? '' }, [
      element('dt', { textContent: name }), element('dd', { textContent: number(value) })]);
    item.dataset.total = key;
    return item;
  }));
}
