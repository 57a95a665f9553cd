// Every request the console makes goes through here: the session cookie rides along (the
// page never holds a key after signing in), and every failure becomes an ApiError whose
// kind says what the person should be told, so a failure is never drawn as "nothing here".

export class ApiError extends Error {
  // kind: 'session' (signed out or expired), 'forbidden' (the role may not), 'input' (the
  // request was refused; detail says why), 'server' (5xx) or 'network' (no answer).
  // problem: the whole RFC 9457 body, whose `parameter` names the field at fault and whose
  // extra members (`current` of a 412, `problems` of a refused upload) the page shows.
  constructor(status, detail, kind, problem = null) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body, key, contentType = 'application/json', headers: extra = {} } = {}) {
  const headers = { Accept: 'application/json', ...extra };
  if (key) headers.Authorization = `Bearer ${key}`;
  const init = { method, headers, credentials: 'same-origin', cache: 'no-cache' };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'The server does not answer.', 'network');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    const detail = data?.detail ?? `The server answered HTTP ${response.status}.`;
    const kind = response.status === 401 ? 'session'
      : response.status === 403 ? 'forbidden'
      : response.status >= 500 ? 'server' : 'input';
    throw new ApiError(response.status, detail, kind, data);
  }
  return data;
}
