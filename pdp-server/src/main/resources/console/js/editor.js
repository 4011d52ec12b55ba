// A plain-text code editor: a textarea with a gutter of line numbers in which lines with errors
// or warnings are marked. Keyboard use is the textarea's own (Tab leaves it, as it should).

import { h, replace } from './dom.js';
import { lineColumn } from './positions.js';

/**
 * An editor for {@code text}; {@code onInput()} is called on every change. Answers
 * {element, textarea, value(), setValue(text), mark(problems), select(start, end)}.
 */
export function createEditor({ label, text, onInput, readOnly = false, rows = 22 }) {
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  const textarea = h('textarea', {
    class: 'code', spellcheck: 'false', wrap: 'off', rows, 'aria-label': label, readOnly,
    autocomplete: 'off', autocapitalize: 'off',
  });
  textarea.value = text;
  let marks = new Map();

  function renderGutter() {
    const lines = textarea.value.split('\n').length;
    replace(gutter, Array.from({ length: lines }, (unused, index) => {
      const mark = marks.get(index + 1);
      return h('div', { class: mark ? `line ${mark}` : 'line' }, String(index + 1));
    }));
    gutter.scrollTop = textarea.scrollTop;
  }

  textarea.addEventListener('input', () => {
    renderGutter();
    onInput?.();
  });
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  renderGutter();

  return {
    element: h('div', { class: 'editor' }, gutter, textarea),
    textarea,
    value: () => textarea.value,
    setValue(value) {
      textarea.value = value;
      renderGutter();
      onInput?.();
    },
    /** Marks the lines of problems ({start, severity}); an error outranks a warning on one line. */
    mark(problems) {
      marks = new Map();
      for (const problem of problems) {
        const { line } = lineColumn(textarea.value, problem.start);
        if (marks.get(line) !== 'error') {
          marks.set(line, problem.severity);
        }
      }
      renderGutter();
    },
    /** Selects a range and scrolls it into view, with the focus in the editor. */
    select(start, end) {
      textarea.focus();
      textarea.setSelectionRange(start, end);
      const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
      const { line } = lineColumn(textarea.value, start);
      textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
    },
  };
}
