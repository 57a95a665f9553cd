// An incident's alerts: composed for zones or the whole City, previewed with exactly the
// recipients and those no firm can receive it for (POST .../alerts/preview, which rehearses
// the real send), sent, and followed as answers arrive; updated or cancelled with a message.
import { api, ApiError } from '../api.js';
import { number, label } from '../format.js';
import { element } from '../dom.js';

const $ = (id) => document.getElementById(id);

const TARGETS = {
  inner: { text: 'the inner zone', target: { zones: ['inner'] } },
  'inner+outer': { text: 'the inner and outer zones', target: { zones: ['inner', 'outer'] } },
  all: { text: 'every zone', target: null },
  city: { text: 'the whole City', target: { city: true } },
  chosen: { text: 'buildings chosen below', target: null },
};

function list(id, recipients, withFirm) {
  return element('ul', { id, className: 'recipients' }, recipients.slice(0, 100).map((r) => element('li', {
    textContent: `${label(r)}${r.zone ? ` (${r.zone})` : ''}${withFirm && r.firm_id ? ` — ${r.firm_id}` : ''}`,
  })).concat(recipients.length > 100 ? [element('li', { textContent: `and ${recipients.length - 100} more` })] : []));
}

export class AlertDesk {
  constructor(incident, handled, problem) {
    this.incident = incident;
    this.handled = handled;
    this.problem = problem;
    this.current = null;
    this.warnings = [];
  }

  // zoneResults: the incident's zones with their buildings, as /incidents/{id}/buildings gives them.
  composer(zoneResults) {
    const zones = zoneResults.map((z) => z.zone);
    const priority = element('select', { id: 'alert-priority' }, ['red', 'amber', 'green'].map((p) => element('option', { value: p, textContent: p })));
    const message = element('textarea', { id: 'alert-message', rows: 2, value: 'Suspect item nearby: invacuate, keep staff away from glass.' });
    const choices = ['inner', ...(zones.includes('outer') ? ['inner+outer'] : []), ...(zones.length > 1 ? ['all'] : []), 'city', 'chosen'];
    const target = element('select', { id: 'alert-target' }, choices.map((key) => element('option', { value: key, textContent: TARGETS[key].text })));
    // Chosen buildings: any of the zones' buildings, by label, nearest first within each zone.
    const boxes = zoneResults.flatMap((zone) => zone.buildings.map((building) => {
      const box = element('input', { type: 'checkbox', value: building.id, id: `alert-building-${building.id.replace(/\W/g, '-')}` });
      return element('li', {}, [box, element('label', { htmlFor: box.id, textContent: ` ${label(building)} (${zone.zone})` })]);
    }));
    const chosen = element('ul', { id: 'alert-buildings', className: 'recipients', hidden: true }, boxes);
    target.addEventListener('change', () => { chosen.hidden = target.value !== 'chosen'; });
    // A preview stands for exactly what was previewed: any change asks for a new one.
    const stale = () => {
      if (!$('alert-send')) return;
      $('alert-preview-body').replaceChildren(element('p', { className: 'hint', id: 'alert-stale', textContent: 'Changed since the preview: preview again before sending.' }));
    };
    message.addEventListener('input', stale);
    for (const control of [priority, target, chosen]) control.addEventListener('change', stale);
    const preview = element('button', { id: 'alert-preview', type: 'button', textContent: 'Preview alert' });
    preview.addEventListener('click', () => this.preview(priority.value, message.value.trim(), target.value, zones));
    return element('fieldset', { id: 'alert-form' }, [
      element('legend', { textContent: 'Alert' }),
      element('label', { htmlFor: 'alert-priority', textContent: 'Priority ' }), priority, ' ',
      element('label', { htmlFor: 'alert-target', textContent: 'to ' }), target, chosen,
      element('label', { htmlFor: 'alert-message', textContent: 'Message', className: 'block' }), message, preview]);
  }

  body(key, zones, priority, message) {
    const target = key === 'chosen'
      ? { buildings: [...document.querySelectorAll('#alert-buildings input:checked')].map((box) => box.value) }
      : TARGETS[key].target ?? { zones };
    return { priority, message, target };
  }

  async preview(priority, message, key, zones) {
    if (!message) return this.problem('Message: is empty. Write what the buildings must do.');
    if (key === 'chosen' && !document.querySelector('#alert-buildings input:checked')) {
      return this.problem('Buildings: none chosen. Tick the buildings the alert is for.');
    }
    const incident = this.incident();
    // What is previewed is what is sent: the target is read once, here.
    const body = this.body(key, zones, priority, message);
    try {
      const preview = await api(`/incidents/${incident.id}/alerts/preview`, { method: 'POST', body });
      const c = preview.counts;
      const parts = [];
      if (preview.warnings.length) parts.push(element('ul', { className: 'warnings', id: 'alert-warnings' }, preview.warnings.map((w) => element('li', { textContent: w }))));
      parts.push(element('p', { id: 'alert-reach', textContent: `Would reach ${c.reachable} of ${c.recipients} buildings through ${c.firms} firm${c.firms === 1 ? '' : 's'}${c.unreachable ? `; ${c.unreachable} cannot be reached (no managing firm): phone or send someone` : ''}.` }));
      if (preview.refusal) parts.push(element('p', { className: 'problem', id: 'alert-refusal', textContent: `Would be refused: ${preview.refusal}.` }));
      parts.push(element('h3', { textContent: `Recipients (${c.reachable})` }), list('alert-recipients', preview.recipients, true));
      if (c.unreachable) parts.push(element('h3', { textContent: `Cannot be reached (${c.unreachable})` }), list('alert-unreachable', preview.unreachable, false));
      const unreachableOnly = c.recipients > 0 && c.reachable === 0;
      const allow = element('input', { id: 'alert-allow-unreachable', type: 'checkbox' });
      if (unreachableOnly) parts.push(element('label', { htmlFor: 'alert-allow-unreachable' }, [allow, ' Record the alert anyway (nobody will receive it)']));
      const send = element('button', { id: 'alert-send', type: 'button', textContent: `Send ${priority} alert to ${c.recipients} buildings` });
      send.disabled = Boolean(preview.refusal) && !unreachableOnly;
      send.addEventListener('click', () => this.send({ ...body, ...(allow.checked ? { allow_unreachable: true } : {}) }));
      parts.push(send);
      $('alert-preview-body').replaceChildren(...parts);
      send.focus();
    } catch (problem) {
      if (problem instanceof ApiError && this.handled(problem, () => this.preview(priority, message, key, zones))) return;
      this.problem(problem.message);
    }
  }

  async send(body) {
    const incident = this.incident();
    const button = $('alert-send');
    if (button?.disabled) return;
    if (button) button.disabled = true;
    try {
      const sent = await api(`/incidents/${incident.id}/alerts`, { method: 'POST', body });
      this.current = sent.alert.id;
      this.warnings = sent.warnings ?? [];
      this.render(sent);
    } catch (problem) {
      if (button) button.disabled = false;
      this.unsure(problem, 'alert');
    }
  }

  // A refused or unanswered POST is never repeated on its own: an alert the server did record
  // must not go out twice.
  unsure(problem, what) {
    if (problem instanceof ApiError && problem.kind === 'network') {
      return this.problem(`The server did not answer: the ${what} may or may not have been sent. Reload the incident and check its alerts before sending again.`);
    }
    if (problem instanceof ApiError && this.handled(problem)) return;
    this.problem(problem.message);
  }

  // Something happened to an alert of the incident: the one followed is read again. An event
  // during a read asks for one more read after it, so the last answer is never missed.
  changed() {
    if (!this.current) return;
    if (this.refreshing) { this.again = true; return; }
    this.refreshing = this.refresh().finally(() => {
      this.refreshing = null;
      if (this.again) { this.again = false; this.changed(); }
    });
  }

  async refresh() {
    try {
      this.render(await api(`/alerts/${this.current}`));
    } catch (problem) {
      if (problem instanceof ApiError && this.handled(problem, () => this.changed())) return;
      this.problem(`The alert's answers could not be read: ${problem.message}`);
    }
  }

  // After the incident panel was drawn again, the followed alert is shown again.
  restore() {
    if (this.current) this.refresh();
  }

  render(status) {
    const body = $('alert-preview-body');
    if (!body) return;
    const c = status.counts;
    const recipients = status.recipients;
    const answered = recipients.filter((r) => r.latest_ack);
    const rows = answered.map((r) => element('tr', { className: r.latest_ack.status === 'need_assistance' ? 'need' : '' }, [
      element('td', { textContent: label(r) }),
      element('td', { textContent: r.latest_ack.status.replace('_', ' ') }),
      element('td', { textContent: number(r.latest_ack.people) }),
      element('td', { textContent: r.latest_ack.note ?? '' }),
      element('td', { textContent: r.latest_ack.status === 'need_assistance' ? (r.control_room_phone ?? 'no phone held') : '' }),
      element('td', { textContent: r.latest_ack.at.slice(11, 19) }),
    ]));
    const parts = [];
    if (this.warnings.length) parts.push(element('ul', { className: 'warnings' }, this.warnings.map((w) => element('li', { textContent: w }))));
    const cancelled = status.cancelled_by ? ` CANCELLED by alert ${status.cancelled_by}.` : '';
    parts.push(element('p', { id: 'alert-counts', textContent: `Alert ${status.alert.id} (${status.alert.priority}): ${c.recipients} recipients, ${c.reachable} reachable, ${c.unreachable} unreachable; ${c.acknowledged} acknowledged, ${c.not_acknowledged} not yet; ${c.need_assistance} need assistance; ${number(c.people_sheltering)} people sheltering.${cancelled}` }));
    // An empty table would read as nothing to do: say that nobody has answered yet.
    parts.push(answered.length === 0 ? element('p', { id: 'alert-answers', className: 'hint', textContent: 'No answers yet.' })
      : element('table', { id: 'alert-answers' }, [
        element('thead', {}, [element('tr', {}, ['Building', 'Answer', 'People', 'Note', 'Phone', 'At (UTC)'].map((t) => element('th', { scope: 'col', textContent: t })))]),
        element('tbody', {}, rows)]));
    if (status.unreachable.length) {
      parts.push(element('details', {}, [element('summary', { textContent: `Not reached (${status.unreachable.length}): no managing firm` }),
        list('alert-unreachable', status.unreachable, false)]));
    }
    let view = $('alert-status');
    let slot = $('alert-followup-slot');
    if (view?.parentNode !== body || slot?.parentNode !== body) {
      view = element('div', { id: 'alert-status' });
      slot = element('div', { id: 'alert-followup-slot' });
      body.replaceChildren(view, slot);
    }
    view.replaceChildren(...parts);
    // The follow-up form stays while it is for the same alert: a message being typed, and the
    // focus, survive the answers that arrive meanwhile and redraw the status above it.
    const form = slot.firstElementChild;
    if (status.cancelled_by || status.alert.msg_type === 'cancel') {
      slot.replaceChildren();
    } else if (form?.dataset.alert !== String(status.alert.id)) {
      const followUp = this.followUp(status.alert);
      followUp.dataset.alert = String(status.alert.id);
      slot.replaceChildren(followUp);
    }
  }

  // An update goes to the recipients and to the target as it is now; a cancellation to
  // exactly the recipients. Both reference this alert.
  followUp(alert) {
    const message = element('input', { id: 'alert-followup', placeholder: 'what has changed' });
    const update = element('button', { id: 'alert-update', type: 'button', textContent: 'Send update' });
    const cancel = element('button', { id: 'alert-cancel', type: 'button', textContent: 'Cancel alert' });
    const act = async (kind) => {
      const text = message.value.trim();
      if (kind === 'update' && !text) return this.problem('Message: is empty. Say what has changed.');
      if (update.disabled) return;
      update.disabled = cancel.disabled = true;
      try {
        const sent = await api(`/alerts/${alert.id}/${kind}`, { method: 'POST', body: text ? { message: text } : {} });
        this.current = kind === 'update' ? sent.alert.id : alert.id;
      } catch (problem) {
        update.disabled = cancel.disabled = false;
        return this.unsure(problem, kind === 'update' ? 'update' : 'cancellation');
      }
      await this.refresh();
    };
    update.addEventListener('click', () => act('update'));
    cancel.addEventListener('click', () => act('cancel'));
    return element('fieldset', { id: 'alert-followup-form' }, [
      element('legend', { textContent: `Follow up alert ${alert.id}` }),
      element('label', { htmlFor: 'alert-followup', textContent: 'Message ' }), message, ' ', update, ' ', cancel]);
  }
}
