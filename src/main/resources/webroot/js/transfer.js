// Files to and from the API with progress: a sales CSV up, a ranking export down. fetch() reports no upload
// progress, so these go through XMLHttpRequest; errors become the same ApiError (Chinese message) as api.js.
import * as session from './session.js';
import { ApiError, queryString } from './api.js';
import { messageFor, NETWORK_MESSAGE } from './problems.js';

const BASE = '/api/v1';

/**
 * Sends `body` (a File, Blob or text) as `contentType`; `onProgress(share)` hears 0..1 while it uploads.
 * Resolves with the parsed JSON answer.
 */
export function upload(path, body, { contentType = 'text/csv', query, onProgress = () => {} } = {}) {
  return send('POST', path, { body, contentType, query, onProgress, responseType: 'text' })
    .then((xhr) => (xhr.responseText ? JSON.parse(xhr.responseText) : null));
}

/**
 * Fetches a file and saves it under the server's file name (Content-Disposition); `onProgress(share)` hears 0..1
 * while it downloads (null when the size is unknown).
 */
export async function download(path, { query, fallbackName = 'download', onProgress = () => {} } = {}) {
  const xhr = await send('GET', path, { query, onProgress, responseType: 'blob', downloading: true });
  const name = fileName(xhr.getResponseHeader('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(xhr.response);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // the click has handed the blob to the browser's download; release it a moment later
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

function send(method, path, { body, contentType, query, onProgress, responseType, downloading = false }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, BASE + path + queryString(query));
    xhr.responseType = responseType;
    xhr.setRequestHeader('Accept', downloading ? '*/*' : 'application/json, application/problem+json');
    const token = session.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (body !== undefined) xhr.setRequestHeader('Content-Type', contentType);
    const progress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    if (downloading) xhr.onprogress = progress;
    else xhr.upload.onprogress = progress;
    xhr.onerror = () => reject(new ApiError(0, null, NETWORK_MESSAGE));
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(xhr);
        return;
      }
      const problem = await problemOf(xhr);
      reject(new ApiError(xhr.status, problem, messageFor(xhr.status, problem)));
    };
    xhr.send(body);
  });
}

async function problemOf(xhr) {
  try {
    const text = xhr.responseType === 'blob' ? await xhr.response.text() : xhr.responseText;
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** attachment; filename="ranking.csv" (or filename*=UTF-8''…) -> the name. */
function fileName(disposition) {
  if (!disposition) return null;
  const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (encoded) return decodeURIComponent(encoded[1]);
  return disposition.match(/filename="?([^";]+)"?/i)?.[1] ?? null;
}
