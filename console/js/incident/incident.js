// The incident: opened from the cordon on screen; its zones with their buildings and totals;
// its cordons changed, with a reason, to the cordon on screen; alerts composed, previewed and
// followed (alert.js); closed, after which it is read-only. Progress arrives on the
// incident's own stream (GET /incidents/{id}/stream), so nothing is polled. The server
// decides who may: a planner's attempt shows its refusal.
import { api, ApiError } from '../api.js';
import { number } from '../format.js';
import { element } from '../dom.js';
import { streamEnded } from '../stream.js';
import { AlertDesk } from './alert.js';
import { cordonOf, centreOf } from '../cordon/shape.js';

const $ = (id) => document.getElementById(id);

function describe(cordon) {
  if (!cordon) return 'not set';
  if (cordon.type === 'radius') return `${cordon.radius_m} m around ${cordon.lat}, ${cordon.lon}${cordon.preset ? ` (preset ${cordon.preset})` : ''}`;
  if (cordon.type === 'corridor') return `corridor ${cordon.width_m} m wide`;
  return cordon.type;
}

export class IncidentPanel {
  constructor(who, currentShape, handled) {
    this.who = who;
    this.currentShape = currentShape;
    this.handled = handled;
    this.incident = null;
    this.stream = null;
    this.alerts = new AlertDesk(() => this.incident, handled, (message) => this.problem(message));
  }

  cordonChanged(shape) {
    if (this.incident) return;
    $('incident').hidden = !shape;
    if (shape) this.renderOpenForm();
  }

  problem(message) {
    const text = element('p', { className: 'problem', textContent: message });
    text.setAttribute('role', 'alert');
    $('incident-body').querySelector(':scope > .problem')?.remove();
    $('incident-body').prepend(text);
  }

  renderOpenForm() {
    const name = element('input', { id: 'incident-name', required: true, value: 'Suspect item' });
    const open = element('button', { id: 'incident-open', type: 'button', textContent: 'Open incident from this cordon' });
    open.addEventListener('click', () => this.open(name.value.trim()));
    $('incident-body').replaceChildren(
      element('label', { htmlFor: 'incident-name', textContent: 'Name ' }), name, ' ', open);
  }

  async open(name) {
    const shape = this.currentShape();
    if (!shape) return this.problem('Set a cordon first.');
    if (!name) return this.problem('Name: is empty. Give the incident a name, e.g. "Suspect suitcase, Bishopsgate".');
    const [lat, lon] = centreOf(shape);
    const button = $('incident-open');
    if (button) button.disabled = true;
    try {
      this.incident = await api('/incidents', { method: 'POST', body: { name, location: { lat, lon }, inner: cordonOf(shape) } });
    } catch (problem) {
      if (button) button.disabled = false;
      // Never opened twice by a retry: after no answer, the incident may exist already.
      if (problem instanceof ApiError && problem.kind === 'network') {
        return this.problem('The server did not answer: the incident may or may not have been opened. Check GET /incidents (or reload) before opening it again.');
      }
      if (problem instanceof ApiError && this.handled(problem)) return;
      return this.problem(problem.message);
    }
    this.follow();
    try {
      await this.render();
    } catch (problem) {
      if (problem instanceof ApiError && this.handled(problem, () => this.render())) return;
      this.problem(problem.message);
    }
  }

  async render() {
    const answer = await api(`/incidents/${this.incident.id}/buildings`);
    this.incident = answer.incident;
    this.zones = answer.zones;
    const incident = this.incident;
    const open = incident.status === 'open';
    $('incident').dataset.status = incident.status;
    const rows = answer.zones.map((zone) => element('tr', { className: `zone-${zone.zone}` }, [
      element('th', { scope: 'row', textContent: zone.zone }),
      element('td', { textContent: describe(zone.cordon) }),
      element('td', { className: 'number', textContent: number(zone.buildings.length) }),
      element('td', { className: 'number', textContent: number(zone.totals.occupancy) }),
      element('td', { className: 'number', textContent: number(zone.totals.guards) }),
      element('td', { className: 'warning', textContent: (zone.warnings ?? []).join(' ') }),
    ]));
    const zones = element('table', { id: 'incident-zones' }, [
      element('thead', {}, [element('tr', {}, ['Zone', 'Cordon', 'Buildings', 'People', 'Guards', ''].map((text) => element('th', { scope: 'col', textContent: text })))]),
      element('tbody', {}, rows)]);
    const parts = [
      element('p', { id: 'incident-summary', textContent: `Incident ${incident.id}: ${incident.name} (${incident.status}${open ? '' : `, closed ${incident.closed_at?.slice(0, 16).replace('T', ' ')} UTC by ${incident.closed_by}: read-only`}); cordons version ${incident.cordons.version}.` }),
      zones,
    ];
    if (open) parts.push(this.cordonForm(), this.alerts.composer(answer.zones));
    // The followed alert's status and its follow-up form, with a message being typed, stay
    // through a redraw for a cordon change; a preview does not (the zones it named changed).
    const followed = open && this.alerts.current ? $('alert-preview-body') : null;
    parts.push(followed ?? element('div', { id: 'alert-preview-body' }));
    if (open) parts.push(this.closeButton());
    $('incident-body').replaceChildren(...parts);
    this.alerts.restore();
  }

  // A change of cordon is recorded with its reason; the zones and their buildings follow.
  cordonForm() {
    const zone = element('select', { id: 'cordon-zone' }, ['inner', 'outer', 'advisory'].map((z) => element('option', { value: z, textContent: z })));
    const reason = element('input', { id: 'cordon-reason', placeholder: 'why, e.g. device larger than first reported' });
    const change = element('button', { id: 'cordon-change', type: 'button', textContent: 'Set to the cordon on screen' });
    change.addEventListener('click', () => this.changeCordon(zone.value, reason.value.trim()));
    return element('fieldset', { id: 'cordon-change-form' }, [
      element('legend', { textContent: 'Change a cordon' }),
      element('label', { htmlFor: 'cordon-zone', textContent: 'Zone ' }), zone, ' ',
      element('label', { htmlFor: 'cordon-reason', textContent: 'Reason ' }), reason, ' ', change]);
  }

  async changeCordon(zone, reason) {
    const shape = this.currentShape();
    if (!shape) return this.problem('Set a cordon on the map first: the zone takes the cordon on screen.');
    if (!reason) return this.problem('Reason: is empty. Say why the cordon changes; the reason is recorded with it.');
    try {
      await api(`/incidents/${this.incident.id}/cordons`, { method: 'POST', body: { [zone]: cordonOf(shape), reason } });
      await this.render();
    } catch (problem) {
      if (problem instanceof ApiError && this.handled(problem, () => this.changeCordon(zone, reason))) return;
      this.problem(problem.message);
    }
  }

  closeButton() {
    const close = element('button', { id: 'incident-close', type: 'button', textContent: 'Close incident' });
    close.addEventListener('click', async () => {
      if (!window.confirm(`Close incident ${this.incident.id}? It becomes read-only; alerts can still be cancelled.`)) return;
      try {
        await api(`/incidents/${this.incident.id}/close`, { method: 'POST', body: {} });
        await this.render();
      } catch (problem) {
        if (problem instanceof ApiError && this.handled(problem, () => {})) return;
        this.problem(problem.message);
      }
    });
    return close;
  }

  // The incident's events, live: an answer, an alert, a cordon change or the closing
  // refreshes what they change. The browser resumes the stream after a drop.
  follow() {
    this.stream?.close();
    this.stream = new EventSource(`/incidents/${this.incident.id}/stream`);
    const refresh = (message) => {
      const event = JSON.parse(message.data);
      if (event.kind.startsWith('incident.') && event.kind !== 'incident.open') this.render().catch(() => {});
      else if (event.alert_id) this.alerts.changed(event.alert_id);
    };
    for (const kind of ['incident.open', 'incident.cordon', 'incident.close', 'alert.alert', 'alert.update', 'alert.cancel', 'alert.ack']) {
      this.stream.addEventListener(kind, refresh);
    }
    this.stream.onerror = async () => {
      if (this.stream?.readyState !== EventSource.CLOSED) return;
      this.stream = null;
      await streamEnded(this.handled, `incident ${this.incident.id}`, () => { this.follow(); this.render().catch(() => {}); });
    };
  }
}
