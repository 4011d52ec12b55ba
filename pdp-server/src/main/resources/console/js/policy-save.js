// Saving a policy: the difference from the stored version first, then a write that names the
// version it replaces (If-Match), so an edit never silently undoes someone else's.

import { call, get, segment } from './api.js';
import { diffLines, renderDiff } from './diff.js';
import { h, notice, replace } from './dom.js';
import { plural } from './format.js';
import { asText, editable } from './policy-doc.js';

/**
 * The review panel of an editor page. {@code state.stored} is the stored version the edit started
 * from; {@code fresh()} answers the validation of the editor's text as it is now;
 * {@code onStored(policy, message)} is called when a version is saved or loaded.
 */
export function createSaving({ panel, flash, state, fresh, onStored }) {
  function show(...content) {
    panel.hidden = false;
    replace(panel, ...content);
    panel.querySelector('h2').focus();
  }

  function close() {
    panel.hidden = true;
    replace(panel);
  }

  async function review() {
    const result = await fresh();
    if (!result?.document) {
      show(h('h2', { tabindex: -1 }, 'Review before saving'),
        notice('error', 'The document is not valid JSON yet: fix the problem listed under the editor.'));
      return;
    }
    const errors = result.problems.filter((problem) => problem.severity === 'error').length;
    const edited = JSON.stringify(editable(result.document), null, 2);
    const base = state.stored ? `stored version ${state.stored.version}` : 'nothing stored';
    show(h('h2', { tabindex: -1 }, 'Review before saving'),
      renderDiff(diffLines(asText(state.stored), edited), base, 'your edit'),
      errors ? notice('error', `The server will refuse this version: see ${plural(errors, 'error')} under the editor.`)
        : null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => save(result) },
          state.stored ? `Save as version ${state.stored.version + 1}` : 'Create the policy'),
        h('button', { type: 'button', onclick: close }, 'Back to editing')));
  }

  async function save(reviewed) {
    const id = state.stored?.id ?? reviewed.document.id;
    if (typeof id !== 'string' || id === '') {
      replace(flash, notice('error', 'The document needs an "id" to be saved under.'));
      return;
    }
    const headers = state.stored ? { 'If-Match': `"${state.stored.version}"` } : { 'If-None-Match': '*' };
    try {
      const { json, headers: answer } = await call('PUT', `/v1/policies/${segment(id)}`, { body: reviewed.text, headers });
      close();
      state.stored = json;
      onStored(json, `Saved ${json.id} as version ${json.version} in store revision `
        + `${answer.get('Arbiter-Revision') ?? json.revision}.`);
    } catch (error) {
      if (error.status === 412) {
        await conflict(error, id, reviewed);
      } else {
        replace(flash, notice('error', `Not saved: ${error.message}`));
      }
    }
  }

  async function conflict(error, id, reviewed) {
    let current = null;
    try {
      current = await get(`/v1/policies/${segment(id)}`);
    } catch (failure) {
      if (failure.status !== 404) {
        throw failure;
      }
    }
    const edited = JSON.stringify(editable(reviewed.document), null, 2);
    show(h('h2', { tabindex: -1 }, 'The stored policy changed since you opened it'),
      notice('warning', `Not saved: ${error.message}`),
      current ? renderDiff(diffLines(asText(current), edited),
        `stored version ${current.version} (saved by ${current.updatedBy})`, 'your edit')
        : notice('info', 'It has been deleted since.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => rebase(current) },
          current ? `Review my edit against version ${current.version}…` : 'Review my edit as a new policy…'),
        current ? h('button', { type: 'button', onclick: () => discard(current) },
          `Discard my edit and load version ${current.version}`) : null));
  }

  async function rebase(current) {
    state.stored = current;
    await review();
  }

  function discard(current) {
    close();
    state.stored = current;
    onStored(current, `Loaded version ${current.version}; your edit was discarded.`);
  }

  return { review };
}
