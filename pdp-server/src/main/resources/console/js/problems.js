// The list of problems under an editor: each says where it is (line and column of the editor's
// text), what it is about and why; choosing one puts the cursor on it.

import { h, replace } from './dom.js';
import { plural } from './format.js';
import { lineColumn } from './positions.js';

/** Renders {@code problems} ({severity, start, end, path, rule, message}) into {@code list}. */
export function renderProblems(list, editor, problems) {
  const text = editor.value();
  replace(list, problems.map((problem) => {
    const { line, column } = lineColumn(text, problem.start);
    const where = `Line ${line}, column ${column}`;
    const what = [problem.path, problem.rule ? `(rule ${problem.rule})` : null].filter(Boolean).join(' ');
    return h('li', { class: `problem ${problem.severity}` },
      h('button', { type: 'button', class: 'link', onclick: () => editor.select(problem.start, problem.end) },
        h('span', { class: 'where' }, where),
        h('span', { class: 'severity' }, problem.severity),
        what ? h('span', { class: 'path' }, what) : null,
        h('span', { class: 'message' }, problem.message)));
  }));
  list.hidden = problems.length === 0;
}

/** '2 errors, 1 warning', or 'No problems'. */
export function summary(problems) {
  const count = (severity) => problems.filter((problem) => problem.severity === severity).length;
  const parts = [[count('error'), 'error'], [count('warning'), 'warning']]
    .filter(([n]) => n > 0).map(([n, word]) => plural(n, word));
  return parts.length ? parts.join(', ') : 'No problems';
}
