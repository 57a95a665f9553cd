// The firm's alerts, live: the feed first (GET /feed), then its Server-Sent Events stream,
// which the browser resumes after a drop with Last-Event-ID. Newest first, red marked. Each
// alert lists the firm's own buildings in it with their latest answer, and takes an answer
// for one building or for all of them in one request.
import { api } from '../api.js';
import { streamEnded } from '../stream.js';
import { element } from '../dom.js';

const $ = (id) => document.getElementById(id);

const STATUSES = [
  ['received', 'Received'], ['invacuated', 'Invacuated (people kept inside)'], ['evacuated', 'Evacuated'],
  ['sheltering', 'Sheltering people'], ['need_assistance', 'Needs assistance'],
];
const STATUS_TEXT = Object.fromEntries(STATUSES);

function answerText(ack) {
  if (!ack) return 'not answered';
  let text = STATUS_TEXT[ack.status] ?? ack.status;
  if (ack.people !== null && ack.people !== undefined) text += `, ${ack.people} people`;
  if (ack.note) text += `: ${ack.note}`;
  return `${text} (${ack.at.slice(11, 16)} UTC, ${ack.by})`;
}

export class Inbox {
  constructor(handled) {
    this.handled = handled;
    this.events = new Map();   // alert id -> latest feed event for it
    this.last = 0;
    this.source = null;
    this.sites = new Set();
  }

  knowSites(buildings) {
    this.sites = new Set(buildings.map((b) => b.id));
  }

  async start() {
    if (this.source) return;
    try {
      for (let page = 0; page < 20; page += 1) {
        const answer = await api(`/feed?after=${this.last}`);
        for (const event of answer.events) this.take(event);
        if (answer.last_event_id !== null) this.last = answer.last_event_id;
        if (answer.events.length < 500) break;
      }
      this.render();
      this.listen();
    } catch (problem) {
      this.handled(problem, () => this.start()) || this.live('failed', `Alerts could not be loaded: ${problem.message}`);
    }
  }

  listen() {
    // Same origin: the session cookie authenticates the stream as it does every request.
    this.source = new EventSource(`/feed/stream?after=${this.last}`);
    this.source.onopen = () => this.live('live', 'live');
    this.source.onerror = async () => {
      this.live('reconnecting', 'reconnecting…');
      if (this.source?.readyState !== EventSource.CLOSED) return;
      this.stop();
      this.live('failed', 'stopped');
      await streamEnded(this.handled, 'your alerts', () => this.start());
    };
    for (const kind of ['alert', 'update', 'cancel']) {
      this.source.addEventListener(kind, (message) => {
        this.take(JSON.parse(message.data));
        this.render();
      });
    }
  }

  stop() {
    this.source?.close();
    this.source = null;
  }

  // Signed out: nothing of this firm's stays on the page for whoever signs in next.
  reset() {
    this.stop();
    this.events.clear();
    this.last = 0;
    this.render();
  }

  live(state, text) {
    const badge = $('inbox-live');
    badge.dataset.state = state;
    badge.textContent = text;
  }

  take(event) {
    this.events.set(event.alert.id, event);
  }

  render() {
    const list = $('inbox-list');
    const events = [...this.events.values()].sort((a, b) => b.event_id - a.event_id);
    const cancelled = new Set(events.filter((e) => e.alert.msg_type === 'cancel').map((e) => e.alert.references));
    $('inbox-empty').hidden = events.length > 0;
    // Keep what a person is typing: only cards whose event changed are rebuilt.
    const existing = new Map([...list.children].map((card) => [card.dataset.alert, card]));
    const cards = events.map((event) => {
      const key = String(event.alert.id);
      const card = existing.get(key);
      const stamp = `${event.event_id}:${cancelled.has(event.alert.id)}:${JSON.stringify(event.buildings.map((b) => b.latest_ack?.id ?? 0))}`;
      if (card && card.dataset.stamp === stamp) return card;
      const fresh = this.card(event, cancelled.has(event.alert.id));
      fresh.dataset.stamp = stamp;
      return fresh;
    });
    list.replaceChildren(...cards);
  }

  card(event, isCancelled) {
    const alert = event.alert;
    const card = element('li', { className: `alert priority-${alert.priority}` });
    card.dataset.alert = String(alert.id);
    card.dataset.priority = alert.priority;
    const kind = alert.msg_type === 'alert' ? '' : ` ${alert.msg_type.toUpperCase()} of alert ${alert.references}`;
    card.append(element('p', { className: 'alert-head' }, [
      element('strong', { className: 'badge', textContent: alert.priority.toUpperCase() }),
      ` Alert ${alert.id}${kind} · ${alert.incident_name} · ${alert.sent_at.slice(0, 16).replace('T', ' ')} UTC`,
      isCancelled ? element('strong', { className: 'cancelled', textContent: ' CANCELLED' }) : '']));
    card.append(element('p', { className: 'alert-message', textContent: alert.message }));
    if (alert.instruction) card.append(element('p', { className: 'alert-instruction', textContent: `Do: ${alert.instruction}` }));
    const rows = event.buildings.map((building) => element('li', {}, [
      element('span', { className: 'site', textContent: building.label }),
      ` (${building.building_id}${building.zone ? `, ${building.zone} zone` : ''}): `,
      element('span', { className: 'answer', textContent: answerText(building.latest_ack) })]));
    card.append(element('ul', { className: 'alert-sites' }, rows));
    if (alert.msg_type !== 'cancel' && !isCancelled) card.append(this.form(event));
    return card;
  }

  form(event) {
    const id = event.alert.id;
    const form = element('form', { className: 'answer-form' });
    form.noValidate = true;
    const target = element('select', { id: `answer-for-${id}` }, [
      element('option', { value: 'all', textContent: `all ${event.buildings.length} of my buildings in it` }),
      ...event.buildings.map((b) => element('option', { value: b.building_id, textContent: b.label }))]);
    const status = element('select', { id: `answer-status-${id}` },
      STATUSES.map(([value, text]) => element('option', { value, textContent: text })));
    const people = element('input', { id: `answer-people-${id}`, inputMode: 'numeric', placeholder: 'people', hidden: true });
    const note = element('input', { id: `answer-note-${id}`, placeholder: 'note (what help is needed)', hidden: true });
    status.addEventListener('change', () => {
      people.hidden = status.value !== 'sheltering';
      note.hidden = status.value !== 'need_assistance' && status.value !== 'sheltering';
    });
    const result = element('span', { className: 'answer-result', id: `answer-result-${id}` });
    form.append(element('label', { htmlFor: target.id, textContent: 'Answer for ' }), target, ' ',
      element('label', { htmlFor: status.id, className: 'visually-hidden', textContent: 'Status' }), status, ' ',
      element('label', { htmlFor: people.id, className: 'visually-hidden', textContent: 'People sheltering' }), people, ' ',
      element('label', { htmlFor: note.id, className: 'visually-hidden', textContent: 'Note' }), note, ' ',
      element('button', { type: 'submit', id: `answer-send-${id}`, textContent: 'Send answer' }), ' ', result);
    form.addEventListener('submit', async (submitted) => {
      submitted.preventDefault();
      result.className = 'answer-result';
      const ids = target.value === 'all' ? event.buildings.map((b) => b.building_id) : [target.value];
      const body = { building_ids: ids, status: status.value };
      if (status.value === 'sheltering') {
        if (!/^\d+$/.test(people.value.trim())) {
          result.className = 'answer-result problem';
          result.textContent = 'Give the number of people sheltering, as a whole number.';
          people.focus();
          return;
        }
        body.people = Number(people.value.trim());
      }
      if (note.value.trim()) body.note = note.value.trim();
      const send = form.querySelector('button[type=submit]');
      send.disabled = true;
      try {
        await api(`/alerts/${id}/ack`, { method: 'POST', body });
      } catch (problem) {
        send.disabled = false;
        result.className = 'answer-result problem';
        // No automatic retry: an answer the server did record must not be sent twice.
        result.textContent = problem.kind === 'network'
          ? 'The server did not answer: the answer may not be recorded. Check the answer shown above before sending again.'
          : `Not recorded: ${problem.message}`;
        this.handled(problem);
        return;
      }
      try {
        // The answer as the server recorded it, from the alert's own status.
        const recorded = await api(`/alerts/${id}`);
        this.take({ ...event, buildings: recorded.recipients });
        this.render();
        const card = $('inbox-list').querySelector(`[data-alert="${id}"] .answer-result`);
        if (card) card.textContent = `Recorded for ${ids.length} building${ids.length === 1 ? '' : 's'}.`;
      } catch (problem) {
        send.disabled = false;
        result.textContent = `Recorded, but the page could not read it back: ${problem.message}`;
        this.handled(problem);
      }
    });
    return form;
  }
}
