// A check request as a form: one field per part, attributes and context as JSON objects.

import { field, h } from './dom.js';

/** The form's fields: where each sits in the request, its label, and its kind. */
const FIELDS = [
  { path: ['principal', 'id'], label: 'Principal id', kind: 'text', required: true },
  { path: ['principal', 'roles'], label: 'Principal roles', kind: 'list', hint: 'Comma-separated.' },
  { path: ['principal', 'attr'], label: 'Principal attributes', kind: 'object' },
  { path: ['action'], label: 'Action', kind: 'text', required: true },
  { path: ['resource', 'service'], label: 'Resource service', kind: 'text', required: true },
  { path: ['resource', 'kind'], label: 'Resource kind', kind: 'text' },
  { path: ['resource', 'id'], label: 'Resource id', kind: 'text' },
  { path: ['resource', 'attr'], label: 'Resource attributes', kind: 'object' },
  { path: ['context'], label: 'Context', kind: 'object' },
];

/** A field's value could not be read; {@code control} is the input to focus. */
export class FormError extends Error {
  constructor(message, control) {
    super(message);
    this.control = control;
  }
}

/** The form: {element, read() → request, fill(request)}. */
export function createCheckForm() {
  const controls = FIELDS.map((spec) => (spec.kind === 'object'
    ? h('textarea', { class: 'code small', rows: 3, spellcheck: 'false', placeholder: '{}' })
    : h('input', { type: 'text', spellcheck: 'false', required: spec.required })));
  const element = h('div', { class: 'check-form' }, FIELDS.map((spec, index) =>
    field(spec.label, controls[index], spec.hint ?? (spec.kind === 'object' ? 'A JSON object.' : null))));

  function read() {
    const request = {};
    FIELDS.forEach((spec, index) => {
      const text = controls[index].value.trim();
      if (text !== '') {
        put(request, spec.path, parse(spec, text, controls[index]));
      } else if (spec.required) {
        throw new FormError(`${spec.label} is required.`, controls[index]);
      }
    });
    return request;
  }

  function fill(request) {
    FIELDS.forEach((spec, index) => {
      const value = spec.path.reduce((part, name) => part?.[name], request);
      controls[index].value = value === undefined || value === null ? ''
        : spec.kind === 'object' ? JSON.stringify(value) : spec.kind === 'list' ? value.join(', ') : String(value);
    });
  }

  return { element, read, fill };
}

function parse(spec, text, control) {
  if (spec.kind === 'list') {
    return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  }
  if (spec.kind === 'text') {
    return text;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (fault) {
    throw new FormError(`${spec.label}: not valid JSON (${fault.message}).`, control);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FormError(`${spec.label} must be a JSON object, like {"env": "prod"}.`, control);
  }
  return value;
}

function put(request, path, value) {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    request[head] = value;
  } else {
    request[head] ??= {};
    put(request[head], rest, value);
  }
}
