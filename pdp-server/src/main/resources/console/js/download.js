// Saves an API answer as a file: the request carries the key like every other, so an export
// cannot be a plain link; the answer becomes a blob the browser saves under a file name.

import { send } from './api.js';
import { h } from './dom.js';

/** Fetches {@code path} as {@code accept} and saves it as {@code filename}; answers its size in bytes. */
export async function download(path, accept, filename) {
  const blob = await (await send('GET', path, { accept })).blob();
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}
