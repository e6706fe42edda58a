// The HTTP API client. The page lives under {prefix}/dashboard/ (podcast serve: /dashboard/, Functions: /api/dashboard/);
// the API is /api on both. The key (a function key in Azure, --api-key locally) is typed in once and kept in
// sessionStorage only: it is never part of the page, a URL or a link.

const KeyName = 'podcastfactory.key';
const path = location.pathname;
const root = path.slice(0, path.lastIndexOf('/dashboard/'));
export const apiBase = root === '' ? '/api' : root;

export const key = {
  get: () => sessionStorage.getItem(KeyName) ?? '',
  set: (value) => (value ? sessionStorage.setItem(KeyName, value) : sessionStorage.removeItem(KeyName)),
};

/** An API error: the status and the problem details (RFC 7807) when the server sent them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem ?? {};
  }
}

function describe(status, problem) {
  if (status === 401 || status === 403) return 'The API refused the key: enter the function key (or the server\'s --api-key) above.';
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  return `The API answered ${status}.`;
}

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  const k = key.get();
  if (k) h['x-functions-key'] = k;
  return h;
}

/**
 * Calls the API; resolves to {status, etag, body} for 2xx (and 304), throws ApiError otherwise. `file` sends a File as
 * the body with its own type (a show's artwork upload, the one non-JSON body the API takes).
 */
export async function call(method, route, { json, ifMatch, file } = {}) {
  const extra = {};
  if (json !== undefined) extra['Content-Type'] = 'application/json';
  if (file !== undefined) extra['Content-Type'] = file.type || 'application/octet-stream';
  if (ifMatch) extra['If-Match'] = ifMatch;
  const response = await fetch(apiBase + route, {
    method,
    headers: headers(extra),
    body: file !== undefined ? file : json === undefined ? undefined : JSON.stringify(json),
    cache: 'no-store',
    credentials: 'same-origin',
  });
  const text = await response.text();
  let body = null;
  if (text) {
    try { body = JSON.parse(text); } catch { body = text; }
  }
  if (!response.ok) throw new ApiError(response.status, typeof body === 'object' ? body : null);
  return { status: response.status, etag: response.headers.get('ETag'), body };
}

export const get = (route) => call('GET', route).then((r) => r.body);

/** An artifact's route relative to the API. */
export const artifactRoute = (id, name) =>
  `/episodes/${encodeURIComponent(id)}/artifacts/${name.split('/').map(encodeURIComponent).join('/')}`;

/** Reads an artifact as JSON or text, or null when it does not exist (404). */
export async function artifact(id, name, as = 'json') {
  const response = await fetch(apiBase + artifactRoute(id, name), { headers: headers(), cache: 'no-store' });
  if (response.status === 404) return null;
  if (!response.ok) throw new ApiError(response.status, null);
  return as === 'json' ? response.json() : response.text();
}

/**
 * Fetches an artifact as a blob: URL. Media elements and download links cannot send the key header, so the page
 * fetches with it and hands them a blob (the CSP allows media from blob:).
 */
export async function artifactBlobUrl(id, name) {
  const response = await fetch(apiBase + artifactRoute(id, name), { headers: headers({ Accept: '*/*' }), cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, null);
  return URL.createObjectURL(await response.blob());
}

/** Downloads an artifact through a blob URL (the key stays in the header). */
export async function download(id, name) {
  const url = await artifactBlobUrl(id, name);
  const a = document.createElement('a');
  a.href = url;
  a.download = name.split('/').pop();
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Posts JSON and resolves to a blob: URL of the answer (audio the page plays, e.g. a voice preview); throws ApiError
 * with the problem details otherwise. The caller revokes the URL.
 */
export async function postForBlobUrl(route, json) {
  const response = await fetch(apiBase + route, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json', Accept: '*/*' }),
    body: JSON.stringify(json),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(response.status, problem);
  }
  return URL.createObjectURL(await response.blob());
}
