// The one way pages talk to the server: attaches the bearer token, turns problem+json answers into
// ApiError with Chinese messages, and sends the user back to the login page when the session is gone.
import * as session from './session.js';
import { fieldMessages, messageFor, NETWORK_MESSAGE, slugOf } from './problems.js';

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem;
    this.slug = slugOf(problem);
    this.fields = fieldMessages(problem);
    this.requestId = problem?.requestId ?? null;
  }
}

let onSessionLost = () => {};

/** The app decides what "back to login" means; set once at start-up. */
export function whenSessionLost(handler) {
  onSessionLost = handler;
}

/**
 * Calls the API. `query` values that are empty are left out. Resolves with the parsed JSON (or null for 204),
 * rejects with ApiError. A `file` (a File or Blob) is sent as the raw body with its own content type.
 */
export async function request(method, path, { body, query, file } = {}) {
  const response = await send(method, path, { body, query, file });
  if (response.status === 204) return null;
  const payload = await readJson(response);
  if (response.ok) return payload;
  throw refused(path, response, payload);
}

export const get = (path, query) => request('GET', path, { query });
export const post = (path, body) => request('POST', path, { body });
export const put = (path, body) => request('PUT', path, { body });
export const del = (path) => request('DELETE', path);
export const upload = (path, query, file) => request('POST', path, { query, file });

/** Fetches a file the API serves (it needs the bearer token, so a plain link cannot) and saves it as `fileName`. */
/** Saves what `path` answers as `fileName`; `rewrite(text)`, when given, changes a text file on its way (e.g. into Chinese). */
export async function download(path, fileName, rewrite = null) {
  const response = await send('GET', path, {});
  if (!response.ok) throw refused(path, response, await readJson(response));
  const blob = rewrite
    ? new Blob([rewrite(await response.text())], { type: response.headers.get('Content-Type') ?? 'text/plain' })
    : await response.blob();
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function send(method, path, { body, query, file }) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  try {
    return await fetch(BASE + path + queryString(query), {
      method,
      headers,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(0, null, NETWORK_MESSAGE);
  }
}

function refused(path, response, payload) {
  const error = new ApiError(response.status, payload, messageFor(response.status, payload));
  // a refused login is the user's typing, not a lost session
  if (response.status === 401 && path !== '/auth/login') {
    session.clear();
    onSessionLost(error);
  }
  return error;
}

/** ?a=1&b=2 from an object, leaving out empty values; '' when nothing is left. */
export function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}
