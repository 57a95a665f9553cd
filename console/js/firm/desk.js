// The firm's desk: a firm's own sites and their figures, kept current without programming,
// and the firm's alerts, answered as they arrive. Everything comes from the API the firm's
// key may use (/me/buildings, /buildings/{id}/..., /figures/bulk, /feed); the server decides
// what a firm may see, so the page never asks for another firm's buildings.
import { api } from '../api.js';
import { clearProblem } from '../status.js';
import { SiteList } from './sites.js';
import { FigureEditor } from './editor.js';
import { Spreadsheet } from './spreadsheet.js';
import { Inbox } from './inbox.js';

const $ = (id) => document.getElementById(id);
let desk = null;

export async function startDesk(who, settings, handled) {
  for (const id of ['sign-in', 'refused', 'app']) $(id).hidden = true;
  $('desk').hidden = false;
  document.title = "Cordon: firm's desk";
  $('desk-who').textContent = `${who.organisation_id} (${who.role})`;
  if (!desk) {
    const reload = () => desk.load();
    desk = {
      sites: new SiteList((building) => desk.editor.open(building), (ids) => desk.confirm(ids)),
      editor: new FigureEditor(settings, handled, reload),
      spreadsheet: new Spreadsheet(handled, reload),
      inbox: new Inbox(handled),
      async load() {
        try {
          const list = await api('/me/buildings');
          clearProblem();
          $('desk-demonstration').hidden = !list.demonstration_figures;
          desk.sites.show(list);
          desk.inbox.knowSites(list.buildings);
        } catch (problem) {
          if (!handled(problem, () => desk.load())) $('sites-summary').textContent = `Your sites could not be loaded: ${problem.message}`;
        }
      },
      // All or nothing, as the API does it: one request for one, several or all sites.
      async confirm(ids) {
        const result = $('confirm-result');
        result.className = '';
        // "All" is every site with figures: a site without any has nothing to confirm, and
        // would make the all-or-nothing confirmation refuse the rest.
        const chosen = ids === 'all' ? desk.sites.buildings.filter((b) => b.figures_reported).map((b) => b.id) : ids;
        if (chosen.length === 0) { result.textContent = 'No site with figures to confirm.'; return; }
        if (ids === 'all' && !window.confirm(`Confirm that the figures of all ${chosen.length} of your sites with figures are unchanged and correct now?`)) return;
        try {
          const answer = await api('/me/buildings/confirm', { method: 'POST', body: { buildings: chosen } });
          result.textContent = `Confirmed unchanged: ${answer.confirmed} site${answer.confirmed === 1 ? '' : 's'}.`;
          await desk.load();
        } catch (problem) {
          if (handled(problem, () => desk.confirm(ids))) return;
          result.className = 'problem';
          const lines = (problem.problem?.problems ?? []).map((p) => `${p.building_id}: ${p.reason}`);
          result.textContent = [problem.message, ...lines].join(' ');
        }
      },
    };
  }
  // Whoever signs in starts from their own feed: nothing of an earlier session's stays.
  desk.inbox.reset();
  await desk.load();
  desk.inbox.start();
}

