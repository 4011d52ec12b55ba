// Parses JSON as strictly as the server does (duplicate fields refused) and remembers where each
// value sits in the text, by the paths the server's problems name: '', 'id', 'rules[0].condition'.

export class JsonSyntaxError extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
}

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = { true: true, false: false, null: null };

/**
 * The value of {@code text} and its spans: path → {start, valueStart, end}, where start is the
 * member's name for a value inside an object. Throws JsonSyntaxError with the offset of a fault.
 */
export function parse(text) {
  const parser = new Parser(text);
  const value = parser.value('');
  parser.space();
  if (parser.at < text.length) {
    parser.fail('unexpected text after the end of the document');
  }
  return { value, spans: parser.spans };
}

/** The path of a member of the object at {@code path}. */
const memberPath = (path, name) => (path ? `${path}.${name}` : name);

class Parser {
  constructor(text) {
    this.text = text;
    this.at = 0;
    this.spans = new Map();
  }

  fail(message, at = this.at) {
    throw new JsonSyntaxError(message, at);
  }

  space() {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) {
      this.at += 1;
    }
  }

  value(path, memberStart) {
    this.space();
    const start = this.at;
    const next = this.text[start];
    let value;
    if (next === '{') {
      value = this.object(path);
    } else if (next === '[') {
      value = this.array(path);
    } else if (next === '"') {
      value = this.string();
    } else {
      value = this.scalar();
    }
    this.spans.set(path, { start: memberStart ?? start, valueStart: start, end: this.at });
    return value;
  }

  object(path) {
    const object = {};
    if (this.empty('}')) {
      return object;
    }
    for (;;) {
      this.space();
      const nameStart = this.at;
      if (this.text[nameStart] !== '"') {
        this.fail('a field name in double quotes was expected');
      }
      const name = this.string();
      if (Object.hasOwn(object, name)) {
        this.fail(`the field "${name}" appears twice`, nameStart);
      }
      this.space();
      this.expect(':');
      Object.defineProperty(object, name,
        { value: this.value(memberPath(path, name), nameStart), enumerable: true, writable: true, configurable: true });
      if (this.close('}')) {
        return object;
      }
    }
  }

  array(path) {
    const array = [];
    if (this.empty(']')) {
      return array;
    }
    for (;;) {
      array.push(this.value(`${path}[${array.length}]`));
      if (this.close(']')) {
        return array;
      }
    }
  }

  /** Steps over an opening bracket; true, past the closing one too, when nothing is between them. */
  empty(bracket) {
    this.at += 1;
    this.space();
    if (this.text[this.at] !== bracket) {
      return false;
    }
    this.at += 1;
    return true;
  }

  /** After a member: true at the closing bracket, false after a comma, a fault otherwise. */
  close(bracket) {
    this.space();
    const next = this.text[this.at];
    this.at += 1;
    if (next === bracket) {
      return true;
    }
    if (next !== ',') {
      this.fail(`a comma or ${bracket} was expected`, this.at - 1);
    }
    return false;
  }

  expect(character) {
    if (this.text[this.at] !== character) {
      this.fail(`${character} was expected`);
    }
    this.at += 1;
  }

  string() {
    return JSON.parse(this.match(STRING, 'the string is not closed, or holds a control character or a bad escape'));
  }

  scalar() {
    if (this.at >= this.text.length) {
      this.fail('the document ends too early');
    }
    for (const [word, value] of Object.entries(LITERALS)) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return Number(this.match(NUMBER, `unexpected ${JSON.stringify(this.text[this.at])}`));
  }

  match(pattern, fault) {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found) {
      this.fail(fault);
    }
    this.at = pattern.lastIndex;
    return found[0];
  }
}
