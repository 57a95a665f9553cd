// The spreadsheet round trip: the download link is the API's own CSV (/me/buildings.csv, in
// exactly the upload format); an upload goes to /figures/bulk as it is, and a refusal shows
// every bad line at once, with nothing written.
import { api, ApiError } from '../api.js';

const $ = (id) => document.getElementById(id);

export class Spreadsheet {
  constructor(handled, onUploaded) {
    this.handled = handled;
    this.onUploaded = onUploaded;
    $('csv-upload').addEventListener('change', () => {
      const file = $('csv-upload').files[0];
      if (file) this.upload(file);
    });
  }

  async upload(file) {
    const result = $('upload-result');
    const table = $('upload-problems');
    result.className = '';
    result.textContent = `Uploading ${file.name}…`;
    table.hidden = true;
    table.tBodies[0].replaceChildren();
    try {
      // The bytes as saved, not decoded here: the server reads the byte-order mark and the
      // separator, and refuses a file that is not UTF-8 saying so.
      const report = await api('/figures/bulk', { method: 'POST', body: file, contentType: 'text/csv' });
      const updated = report.buildings_updated;
      result.dataset.state = 'accepted';
      result.textContent = `${file.name}: ${report.rows} line${report.rows === 1 ? '' : 's'} read; `
        + `${updated} site${updated === 1 ? '' : 's'} changed, ${report.buildings_unchanged} unchanged.`;
      this.onUploaded();
    } catch (problem) {
      if (!(problem instanceof ApiError) || problem.kind !== 'input') {
        if (this.handled(problem, () => this.upload(file))) return;
      }
      result.dataset.state = 'refused';
      result.className = 'problem';
      const problems = problem.problem?.problems ?? [];
      result.textContent = problems.length > 0
        ? `${file.name} was refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}, listed below.`
        : `${file.name} was refused and nothing was written: ${problem.message}`;
      for (const item of problems) {
        const tr = document.createElement('tr');
        for (const text of [item.line, item.column ?? '', item.reason]) {
          const td = document.createElement('td');
          td.textContent = String(text);
          tr.append(td);
        }
        table.tBodies[0].append(tr);
      }
      table.hidden = problems.length === 0;
    } finally {
      // The same file may be chosen again once fixed.
      $('csv-upload').value = '';
    }
  }
}
