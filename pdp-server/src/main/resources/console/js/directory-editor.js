// Editing one directory entry as JSON; every write goes through POST /v1/entities/_apply, which
// can preview it first (dryRun) and deletes with "deleted": true.

import { post, withQuery } from './api.js';
import { createEditor } from './editor.js';
import { h, jsonBlock, notice, replace } from './dom.js';

/**
 * Opens {@code entry} of {@code kind} (see directory-kinds.js) in {@code panel}; read-only unless
 * {@code writable}. {@code onChanged()} is called after a write.
 */
export function openEntry(panel, kind, entry, { writable, isNew, onChanged }) {
  const out = h('div', { 'aria-live': 'polite' });
  const editor = createEditor({ label: `The ${kind.one} (JSON)`, text: JSON.stringify(entry, null, 2), rows: 12,
    readOnly: !writable });
  const title = h('h2', { tabindex: -1 }, isNew ? `New ${kind.one}` : `The ${kind.one} ${kind.name(entry)}`);

  function read() {
    try {
      return JSON.parse(editor.value());
    } catch (fault) {
      replace(out, notice('error', `Not valid JSON: ${fault.message}`));
      return null;
    }
  }

  async function apply(entries, dryRun, done) {
    try {
      const answer = await post(withQuery('/v1/entities/_apply', { dryRun: dryRun ? 'true' : null }),
        { [kind.key]: entries });
      replace(out, notice(dryRun ? 'info' : 'success', done), jsonBlock(answer, 'The answer'));
      if (!dryRun) {
        onChanged();
      }
    } catch (error) {
      replace(out, notice('error', `Refused: ${error.message}`));
    }
  }

  const write = (dryRun) => {
    const edited = read();
    if (edited) {
      apply([edited], dryRun, dryRun ? 'Preview: nothing was written.' : 'Saved.');
    }
  };
  const confirmDelete = h('button', { type: 'button', hidden: true,
    onclick: () => apply([kind.deletion(entry)], false, 'Deleted.') }, `Yes, delete this ${kind.one}`);

  replace(panel, title, editor.element,
    writable ? h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => write(true) }, 'Preview (dry run)'),
      h('button', { type: 'button', class: 'primary', onclick: () => write(false) }, 'Save'),
      isNew ? null : h('button', { type: 'button', onclick: () => { confirmDelete.hidden = false; confirmDelete.focus(); } },
        'Delete…'),
      confirmDelete)
      : notice('info', 'This key may read the directory but not change it (it lacks the role policy-admin).'),
    out);
  panel.hidden = false;
  title.focus();
}
