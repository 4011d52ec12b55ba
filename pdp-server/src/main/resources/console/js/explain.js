// The explanation of a decision: every rule of the policies that applied, in decision order,
// whether its principal, action and kind matched, and what its condition gave. Fields the server
// adds to an entry beyond these (such as the directory attributes used) are shown as they come.

import { h, table } from './dom.js';

const KNOWN = new Set(['policy', 'rule', 'effect', 'dryRun', 'principalMatched', 'actionMatched', 'kindMatched',
  'condition', 'error']);

/** The explain table of an answer; the deciding rule is marked. */
export function renderExplain(answer) {
  const entries = answer.explain ?? [];
  if (entries.length === 0) {
    return h('p', { class: 'notice info' }, 'No policy applies to this service: no rule was a candidate.');
  }
  const extra = [...new Set(entries.flatMap((entry) => Object.keys(entry).filter((name) => !KNOWN.has(name))))];
  const rendered = table('Every rule of the policies that apply, in decision order',
    ['Policy', 'Rule', 'Effect', 'Principal', 'Action', 'Kind', 'Condition', ...extra],
    entries.map((entry) => [
      entry.dryRun ? h('span', {}, entry.policy, ' ', h('span', { class: 'badge dry' }, 'dry run')) : entry.policy,
      entry.rule,
      entry.effect,
      matched(entry.principalMatched),
      matched(entry.actionMatched),
      matched(entry.kindMatched),
      condition(entry),
      ...extra.map((name) => value(entry[name])),
    ]));
  rendered.classList.add('explain');
  entries.forEach((entry, index) => {
    if (entry.policy === answer.policy && entry.rule === answer.rule) {
      const row = rendered.tBodies[0].rows[index];
      row.classList.add('decided');
      row.cells[1].append(' ', h('span', { class: 'badge' }, 'decided'));
    }
  });
  return rendered;
}

function matched(yes) {
  return h('span', { class: yes ? 'yes' : 'no' }, yes ? 'matched' : 'no match');
}

function condition(entry) {
  const outcome = h('span', { class: `condition ${entry.condition}` }, entry.condition.replace('_', ' '));
  return entry.error ? h('span', {}, outcome, h('span', { class: 'error-text' }, `: ${entry.error}`)) : outcome;
}

/** Any value as text: strings as they are, everything else as JSON. */
function value(content) {
  if (content === undefined) {
    return '';
  }
  return typeof content === 'string' ? content : h('code', {}, JSON.stringify(content));
}
