// Verification of the decision log's hash chain, with the head hash ready to copy into a
// ticket or another system: a later verification that no longer passes through it shows a rewrite.

import { get } from './api.js';
import { field, h, jsonBlock, notice, replace } from './dom.js';
import { plural, time } from './format.js';

export function verifyPanel() {
  const out = h('div', { class: 'verify-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', onclick: run }, 'Verify the hash chain');

  async function run() {
    button.disabled = true;
    replace(out, notice('info', 'Recomputing the chain over the whole log…'));
    try {
      const answer = await get('/v1/decisions/verify');
      replace(out, answer.valid
        ? notice('success', `The log is intact: ${plural(answer.records, 'record')} in `
          + `${plural(answer.batches, 'batch', 'batches')} checked, decided between `, time(answer.from), ' and ',
        time(answer.to), '.')
        : notice('error', `The chain is broken: ${answer.firstBreak.kind}.`),
      answer.firstBreak ? jsonBlock(answer.firstBreak, 'First break') : null,
      answer.head ? head(answer.head) : notice('info', 'The log holds no batch yet.'));
    } catch (error) {
      replace(out, notice('error', `Not verified: ${error.message}`));
    } finally {
      button.disabled = false;
    }
  }

  return h('section', { class: 'panel', 'aria-labelledby': 'verify-title' },
    h('h2', { id: 'verify-title' }, 'Integrity'),
    h('p', {}, 'Every batch of records is chained to the one before by a SHA-256 hash. Verification recomputes '
      + 'the chain from the stored records; keep the head hash outside the database to compare later.'),
    button, out);
}

function head(chainHead) {
  const input = h('input', { type: 'text', readOnly: true, value: chainHead.hash, class: 'hash', spellcheck: 'false' });
  const copied = h('span', { class: 'hint', role: 'status' });
  const copy = h('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(chainHead.hash);
      copied.textContent = 'Copied.';
    } catch {
      copied.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  });
  return h('div', { class: 'head' }, field(`Head hash (batch ${chainHead.seq})`, input), copy, copied);
}
