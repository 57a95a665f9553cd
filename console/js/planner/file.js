// An answer as a file, byte for byte: a CSV keeps its byte-order mark (Response.text()
// would drop it), so a download opens in a spreadsheet as the server wrote it.
import { ApiError } from '../api.js';

export async function fetchFile(path, { method = 'GET', body } = {}) {
  const init = { method, credentials: 'same-origin', cache: 'no-cache', headers: {} };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'The server does not answer.', 'network');
  }
  if (!response.ok) {
    let detail = `The server answered HTTP ${response.status}.`;
    try { detail = (await response.json()).detail ?? detail; } catch { /* not a problem document */ }
    const kind = response.status === 401 ? 'session' : response.status === 403 ? 'forbidden'
      : response.status >= 500 ? 'server' : 'input';
    throw new ApiError(response.status, detail, kind);
  }
  return response.blob();
}

// A link that saves `blob` as `name`; the previous file's memory is released.
export function fileLink(link, blob, name) {
  if (link.dataset.url) URL.revokeObjectURL(link.dataset.url);
  const url = URL.createObjectURL(blob);
  link.dataset.url = url;
  link.href = url;
  link.download = name;
  link.removeAttribute('aria-disabled');
}
