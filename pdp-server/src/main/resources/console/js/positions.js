// Places the server's problems in the editor's text: a problem names a path in the document
// ('rules[0].condition') and, for a condition, a line and column inside that condition's string.

/** 1-based line and column of {@code offset} in {@code text}. */
export function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The path one level up: 'rules[0].condition' → 'rules[0]' → 'rules' → ''. */
function parentPath(path) {
  return path.replace(/(^|\.)[^.[\]]+$|\[\d+\]$/, '');
}

/**
 * Where {@code problem} ({path, line?, column?}) sits in {@code text}: {start, end}. A path the
 * text lacks (a required field that is missing) is placed at its nearest enclosing value.
 */
export function locate(text, spans, problem) {
  let path = problem.path ?? '';
  while (!spans.has(path) && path !== '') {
    path = parentPath(path);
  }
  const span = spans.get(path) ?? { start: 0, valueStart: 0, end: Math.min(text.length, 1) };
  if (path === problem.path && problem.line && text[span.valueStart] === '"') {
    const start = insideString(text, span.valueStart, problem.line, problem.column ?? 1);
    return { start, end: wordEnd(text, start) };
  }
  return { start: span.start, end: span.end };
}

/** The offset in the text of a line and column of a string literal's decoded value. */
function insideString(text, quote, line, column) {
  let at = quote + 1;
  let currentLine = 1;
  let currentColumn = 1;
  while (at < text.length && text[at] !== '"') {
    if (currentLine === line && currentColumn === column) {
      return at;
    }
    const escape = text[at] === '\\' ? text[at + 1] : null;
    const newline = escape === 'n' || (escape === 'u' && text.slice(at + 2, at + 6) === '000a');
    at += escape === 'u' ? 6 : escape ? 2 : 1;
    currentLine += newline ? 1 : 0;
    currentColumn = newline ? 1 : currentColumn + 1;
  }
  return at;
}

/** The end of the word starting at {@code start}, or one character on when none starts there. */
function wordEnd(text, start) {
  const word = /\w+/y;
  word.lastIndex = start;
  return word.exec(text) ? word.lastIndex : Math.min(text.length, start + 1);
}
