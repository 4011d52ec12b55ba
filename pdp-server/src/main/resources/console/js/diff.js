// Line diff by longest common subsequence, and its rendering: changed lines with three lines of
// context, the unchanged stretches between them folded.

import { h } from './dom.js';
import { plural } from './format.js';

const CONTEXT = 3;
const LARGEST = 4_000_000;

/** The edit from {@code before} to {@code after}: [{op: ' ' | '-' | '+', text}]. */
export function diffLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    head += 1;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail += 1;
  }
  const middle = lcs(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const same = (lines) => lines.map((text) => ({ op: ' ', text }));
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

function lcs(a, b) {
  if (a.length * b.length > LARGEST) {
    return [...a.map((text) => ({ op: '-', text })), ...b.map((text) => ({ op: '+', text }))];
  }
  const width = b.length + 1;
  const length = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      length[i * width + j] = a[i] === b[j] ? length[(i + 1) * width + j + 1] + 1
        : Math.max(length[(i + 1) * width + j], length[i * width + j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ op: ' ', text: a[i] });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || length[(i + 1) * width + j] >= length[i * width + j + 1])) {
      ops.push({ op: '-', text: a[i] });
      i += 1;
    } else {
      ops.push({ op: '+', text: b[j] });
      j += 1;
    }
  }
  return ops;
}

/** The diff as a block: a summary line, then the changes with their context. */
export function renderDiff(ops, beforeLabel, afterLabel) {
  const added = ops.filter((op) => op.op === '+').length;
  const removed = ops.filter((op) => op.op === '-').length;
  const title = h('p', { class: 'diff-summary' },
    added + removed === 0 ? `No difference between ${beforeLabel} and ${afterLabel}.`
      : `From ${beforeLabel} to ${afterLabel}: ${plural(added, 'line')} added, ${plural(removed, 'line')} removed.`);
  if (added + removed === 0) {
    return h('div', { class: 'diff' }, title);
  }
  const near = ops.map((op, index) => ops.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1)
    .some((other) => other.op !== ' '));
  const lines = [];
  ops.forEach((op, index) => {
    if (near[index]) {
      const kind = { '+': 'added', '-': 'removed', ' ': 'same' }[op.op];
      lines.push(h('div', { class: `diff-line ${kind}` },
        h('span', { class: 'sign', 'aria-label': kind }, op.op === ' ' ? ' ' : op.op), op.text));
    } else if (index === 0 || near[index - 1]) {
      const next = near.slice(index).findIndex(Boolean);
      const folded = next < 0 ? near.length - index : next;
      lines.push(h('div', { class: 'diff-line folded' }, `… ${plural(folded, 'unchanged line')}`));
    }
  });
  return h('div', { class: 'diff' }, title,
    h('div', { class: 'diff-lines', role: 'group', 'aria-label': 'Changes' }, lines));
}
