// Builds the page from data with DOM calls only: every string becomes a text node or an
// attribute value, never markup, so nothing a policy, a key or a request carries can run here.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'readOnly', 'hidden']);
const SVG = 'http://www.w3.org/2000/svg';

/** An element with attributes (on* names take listeners) and children (nodes, or strings as text). */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function s(tag, props, ...children) {
  return build(document.createElementNS(SVG, tag), props, children);
}

function build(node, props, children) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (PROPERTIES.has(name)) {
      node[name] = value;
    } else {
      node.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  }
  append(node, ...children);
  return node;
}

/** Appends children; strings and numbers as text, null and false as nothing, arrays flattened. */
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the children of {@code node}. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

/** A message for the person: 'info', 'success', 'warning' or 'error' (announced at once). */
export function notice(kind, ...text) {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...text);
}

/** A labelled form control; {@code control} gets an id when it has none. */
export function field(label, control, hint) {
  if (!control.id) {
    control.id = uniqueId('field');
  }
  const hintNode = hint ? h('span', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintNode) {
    control.setAttribute('aria-describedby', hintNode.id);
  }
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintNode);
}

let counter = 0;

/** An id no other element of the page has. */
function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** JSON shown as text, indented. */
export function jsonBlock(value, label) {
  return h('pre', { class: 'json', tabindex: 0, 'aria-label': label ?? 'JSON' }, JSON.stringify(value, null, 2));
}

/** A page heading that takes the focus when the page opens, so keyboard and screen-reader users start there. */
export function heading(text) {
  return h('h1', { tabindex: -1 }, text);
}

/** A table from column titles and rows of cells (nodes or text). */
export function table(caption, titles, rows) {
  return h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, titles.map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}
