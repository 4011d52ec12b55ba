// Pages live in the URL's fragment (#/policies/payments-api/history?from=1), so the browser's
// back and forward buttons work and no request ever carries the page state to the server.

import { queryString } from './query.js';

/** The current place: its path segments (decoded) and its query parameters. */
export function current() {
  const fragment = location.hash.replace(/^#\/?/, '');
  const at = fragment.indexOf('?');
  const path = at < 0 ? fragment : fragment.slice(0, at);
  const segments = path.split('/').filter((part) => part !== '').map(decode);
  return { segments, params: new URLSearchParams(at < 0 ? '' : fragment.slice(at + 1)) };
}

function decode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The fragment of a place: segments are percent-encoded, empty parameters left out. */
export function href(segments, params) {
  return `#/${segments.map(encodeURIComponent).join('/')}${queryString(params)}`;
}

/** Goes to a place (a new history entry). */
export function go(segments, params) {
  location.hash = href(segments, params);
}
