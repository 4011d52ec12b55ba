// How times, numbers and decisions read on every page: times in UTC, so auditors in different
// places see the same text, and numbers with separators.

import { h } from './dom.js';

/** '2026-12-02 14:17:05 UTC' in a <time> element carrying the exact instant. */
export function time(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return h('time', { datetime: iso }, text);
}

export const count = (n) => Number(n ?? 0).toLocaleString('en-US');

/** '1 record', '2 records', '1,204 records'; {@code many} for words that do not just take an s. */
export const plural = (n, one, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** An allow/deny badge, in words as well as colour. */
export function verdict(allow) {
  return h('span', { class: allow ? 'badge allow' : 'badge deny' }, allow ? 'allow' : 'deny');
}

/** 'policy/rule', or the default deny in words. */
export function decidedBy(policy, rule) {
  return policy ? `${policy}/${rule}` : 'default (no rule)';
}
