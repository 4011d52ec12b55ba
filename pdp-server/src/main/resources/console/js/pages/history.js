// A policy's history: every version with who saved it and when, the difference between any two,
// and rollback (a new version equal to an old one; history is never rewritten).

import { call, get, segment, withQuery } from '../api.js';
import { diffLines, renderDiff } from '../diff.js';
import { h, heading, notice, replace, table } from '../dom.js';
import { plural, time } from '../format.js';
import { asText } from '../policy-doc.js';
import { href } from '../router.js';

export async function render(view, route, access) {
  const id = route.segments[1];
  const flash = h('div', { class: 'flash' });
  const versions = h('div');
  const comparison = h('section', { class: 'panel', 'aria-label': 'Comparison' });
  replace(view, heading(`History of ${id}`),
    h('p', {}, h('a', { href: href(['policies', id]) }, `Back to the policy ${id}`)), flash, versions, comparison);
  const base = `/v1/policies/${segment(id)}`;

  async function load() {
    const history = (await get(`${base}/versions`)).versions;
    const from = radios('from', history, history[Math.min(1, history.length - 1)].version);
    const to = radios('to', history, history[0].version);
    const compare = () => showDiff(from.chosen(), to.chosen());
    replace(versions,
      table(`${plural(history.length, 'version')}, newest first`,
        ['From', 'To', 'Version', 'Saved', 'By', 'Store revision', 'Change', ''],
        history.map((version, index) => [
          from.inputs[index], to.inputs[index], String(version.version), time(version.updatedAt), version.updatedBy,
          String(version.revision), change(version),
          access.policyWrite && !version.deleted && index > 0
            ? h('button', { type: 'button', onclick: () => rollback(version, history[0]) },
              `Roll back to version ${version.version}`)
            : '',
        ])),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: compare },
        'Compare the chosen versions')));
    await compare();
  }

  async function showDiff(older, newer) {
    const [before, after] = await Promise.all([older, newer].map((v) => get(`${base}/versions/${v}`)));
    replace(comparison, h('h2', {}, `Version ${older} → version ${newer}`),
      renderDiff(diffLines(asText(before), asText(after)), label(before), label(after)));
  }

  async function rollback(version, newest) {
    const headers = newest.deleted ? { 'If-None-Match': '*' } : { 'If-Match': `"${newest.version}"` };
    try {
      const { json } = await call('POST', withQuery(`${base}/rollback`, { to: version.version }), { headers });
      replace(flash, notice('success', `Rolled back: version ${json.version} (store revision ${json.revision}) `
        + `equals version ${version.version}.`));
    } catch (error) {
      replace(flash, notice('error', `Not rolled back: ${error.message}`));
    }
    await load();
  }

  await load();
}

function label(version) {
  return `version ${version.version}${version.deleted ? ' (deleted)' : ''}`;
}

function change(version) {
  if (version.deleted) {
    return h('span', { class: 'badge deny' }, 'deleted');
  }
  const mode = version.mode === 'dry_run' ? ' · dry run' : '';
  return version.restoredFrom ? `rollback to version ${version.restoredFrom}${mode}` : `edit${mode}`;
}

/** A column of radio buttons choosing one version. */
function radios(name, history, checked) {
  const inputs = history.map((version) => h('input', {
    type: 'radio', name, value: String(version.version), checked: version.version === checked,
    'aria-label': `Compare ${name} version ${version.version}`,
  }));
  return { inputs, chosen: () => Number(inputs.find((input) => input.checked).value) };
}
