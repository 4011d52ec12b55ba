// Validation as you type: the text is parsed here first, so a JSON fault is placed at once; a
// document that parses goes to the server's validation endpoint, whose errors and warnings are
// placed at their line and column.

import { ApiError, post } from './api.js';
import { JsonSyntaxError, parse } from './jsonmap.js';
import { locate } from './positions.js';
import { renderProblems, summary } from './problems.js';

const PAUSE_MS = 400;

/**
 * Validates the editor's text against {@code endpoint} a moment after typing stops. {@code onResult}
 * gets {document, problems, valid} for the text as it is now (document null when it does not parse).
 */
export function createValidation(editor, { endpoint, status, list, onResult }) {
  let timer = null;
  let sequence = 0;

  function show(text, document, problems, message) {
    editor.mark(problems);
    renderProblems(list, editor, problems);
    status.textContent = message ?? summary(problems);
    status.className = `validation ${problems.some((problem) => problem.severity === 'error') ? 'invalid' : 'valid'}`;
    onResult?.({ text, document, problems, valid: document !== null && !problems.some((p) => p.severity === 'error') });
  }

  async function run() {
    clearTimeout(timer);
    const mine = ++sequence;
    const text = editor.value();
    let parsed;
    try {
      parsed = parse(text);
    } catch (fault) {
      if (!(fault instanceof JsonSyntaxError)) {
        throw fault;
      }
      show(text, null, [{ severity: 'error', start: fault.offset, end: fault.offset + 1, path: '',
        message: `Not valid JSON: ${fault.message}` }]);
      return;
    }
    status.textContent = 'Checking…';
    const place = (severity) => (problem) => ({ severity, ...problem, ...locate(text, parsed.spans, problem) });
    try {
      const answer = await post(endpoint, text);
      if (mine === sequence) {
        show(text, parsed.value, (answer.warnings ?? []).map(place('warning')));
      }
    } catch (error) {
      if (mine !== sequence) {
        return;
      }
      if (!(error instanceof ApiError) || ![400, 422].includes(error.status)) {
        show(text, parsed.value, [], `Could not validate: ${error.message}`);
        return;
      }
      const details = error.details.length ? error.details : [{ path: '', message: error.message }];
      show(text, parsed.value, details.map(place('error')));
    }
  }

  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, PAUSE_MS);
    },
    run,
  };
}
