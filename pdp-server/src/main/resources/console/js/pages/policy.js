// One policy in the editor: validated as you type, reviewed as a diff before it is saved, its
// impact on logged traffic previewed, its dry-run mode switched.

import { call, segment } from '../api.js';
import { createEditor } from '../editor.js';
import { h, heading, notice, replace } from '../dom.js';
import { time } from '../format.js';
import { previewImpact } from '../policy-impact.js';
import { asText, NEW_ID, TEMPLATE, versionLine } from '../policy-doc.js';
import { createSaving } from '../policy-save.js';
import { go, href } from '../router.js';
import { createValidation } from '../validation.js';

/** A message for the next rendering of the page, e.g. after a new policy was saved and its page opened. */
let carriedNotice = null;

export async function render(view, route, access) {
  const id = route.segments[1];
  const isNew = id === NEW_ID;
  replace(view, heading(isNew ? 'New policy' : `Policy ${id}`));
  const state = { id: isNew ? null : id, stored: null, result: null };
  if (!isNew) {
    state.stored = (await call('GET', `/v1/policies/${segment(id)}`)).json;
  }

  const meta = h('p', { class: 'meta' });
  const flash = h('div', { class: 'flash' });
  const status = h('p', { class: 'validation', role: 'status' });
  const list = h('ol', { class: 'problems', 'aria-label': 'Problems', hidden: true });
  const dryRun = h('input', { type: 'checkbox', id: 'dry-run', disabled: !access.policyWrite });
  const review = h('section', { class: 'panel', hidden: true, 'aria-label': 'Review before saving' });
  const impact = h('section', { class: 'panel', hidden: true, 'aria-label': 'Impact preview' });

  const editor = createEditor({
    label: 'Policy document (JSON)',
    text: asText(state.stored) || JSON.stringify(TEMPLATE, null, 2),
    onInput: () => validation.schedule(),
  });
  const validation = createValidation(editor, {
    endpoint: '/v1/policies/_validate', status, list,
    onResult(result) {
      state.result = result;
      dryRun.checked = result.document?.mode === 'dry_run';
    },
  });
  /** The validation of the text as it is now: a result may be a moment behind the typing. */
  const fresh = async () => {
    if (state.result?.text !== editor.value()) {
      await validation.run();
    }
    return state.result;
  };
  const saving = createSaving({
    panel: review, flash, state, fresh,
    onStored(policy, message) {
      if (isNew) {
        carriedNotice = message;
        go(['policies', policy.id]);
        return;
      }
      editor.setValue(asText(policy));
      showMeta();
      replace(flash, notice('success', message));
    },
  });

  function showMeta() {
    replace(meta, state.stored
      ? [versionLine(state.stored), ' · ', time(state.stored.updatedAt), ' · ',
        h('a', { href: href(['policies', state.stored.id, 'history']) }, 'History')]
      : 'Not saved yet: it is created on the first save (only if no policy has its id).');
  }

  dryRun.addEventListener('change', () => {
    let document;
    try {
      document = JSON.parse(editor.value());
    } catch {
      dryRun.checked = !dryRun.checked;
      replace(flash, notice('error', 'Fix the JSON first: the mode is a field of the document.'));
      return;
    }
    document.mode = dryRun.checked ? 'dry_run' : 'enforce';
    editor.setValue(JSON.stringify(document, null, 2));
  });

  const actions = access.policyWrite
    ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => saving.review() }, 'Review changes and save…'),
      h('button', { type: 'button', onclick: async () => previewImpact(impact, state.stored, await fresh()) },
        'Preview impact on logged decisions'))
    : notice('info', 'This key may validate an edit here but not save it (it lacks the role policy-admin).');

  replace(view, view.firstChild, meta, flash,
    h('div', { class: 'mode' }, dryRun, h('label', { for: 'dry-run' },
      'Dry run: evaluate this policy on live traffic and record what it would decide (shadow) without enforcing it')),
    editor.element, status, list, actions, review, impact);
  showMeta();
  if (carriedNotice) {
    replace(flash, notice('success', carriedNotice));
    carriedNotice = null;
  }
  await validation.run();
}
