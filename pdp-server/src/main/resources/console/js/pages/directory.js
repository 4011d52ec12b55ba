// The directory: the principals and resources the server knows, searched, listed page by page
// and edited. A server without the directory API says so instead of showing a broken page.

import { get, withQuery } from '../api.js';
import { openEntry } from '../directory-editor.js';
import { KINDS } from '../directory-kinds.js';
import { field, h, heading, notice, replace, table } from '../dom.js';
import { go, href } from '../router.js';

const PAGE_SIZE = 25;

export async function render(view, route, access) {
  const kind = KINDS[route.segments[1]] ?? KINDS.principals;
  const searchable = [...kind.filters, kind.lookup];
  const values = Object.fromEntries(searchable.map(({ name }) => [name, route.params.get(name) ?? '']));
  const inputs = searchable.map(({ name }) => h('input', { type: 'text', name, value: values[name], spellcheck: 'false' }));
  const form = h('form', { class: 'filters inline', role: 'search', 'aria-label': `Search the ${kind.title.toLowerCase()}` },
    searchable.map((spec, index) => field(spec.label, inputs[index], spec.hint)),
    h('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(['directory', kind.key], Object.fromEntries(searchable.map(({ name }, index) => [name, inputs[index].value.trim()])));
  });
  const results = h('div', { class: 'results' });
  const panel = h('section', { class: 'panel', hidden: true, 'aria-label': `One ${kind.one}` });
  const creation = h('p', { hidden: true }, h('button', { type: 'button', onclick: () => open(kind.template, true) },
    `New ${kind.one}`));
  const open = (entry, isNew = false) => openEntry(panel, kind, entry,
    { writable: access.policyWrite, isNew, onChanged: () => list([null], 0) });
  replace(view, heading('Directory'),
    h('nav', { class: 'switch', 'aria-label': 'Entries' }, Object.values(KINDS).map((other) =>
      h('a', { href: href(['directory', other.key]), 'aria-current': other === kind ? 'page' : null }, other.title))),
    form,
    creation, results, panel);

  async function list(cursors, index) {
    const filters = Object.fromEntries(kind.filters.map(({ name }) => [name, values[name]]));
    const answer = await get(withQuery(kind.list, { ...filters, limit: PAGE_SIZE, cursor: cursors[index] }));
    cursors[index + 1] = answer.nextCursor;
    show(answer[kind.key], h('div', { class: 'pager' },
      h('button', { type: 'button', disabled: index === 0, onclick: () => list(cursors, index - 1) }, 'Previous page'),
      h('button', { type: 'button', disabled: !answer.nextCursor, onclick: () => list(cursors, index + 1) }, 'Next page')));
  }

  function show(entries, pager) {
    creation.hidden = !access.policyWrite;
    replace(results, entries.length === 0 ? notice('info', `No ${kind.one} matches.`)
      : table(null, [...kind.columns, ''], entries.map((entry) => [...kind.cells(entry),
        h('button', { type: 'button', onclick: () => open(entry) }, access.policyWrite ? 'Edit' : 'Open')])), pager);
  }

  try {
    if (values[kind.lookup.name]) {
      show([await get(kind.path(values))]);
    } else {
      await list([null], 0);
    }
  } catch (error) {
    if (error.status !== 404) {
      throw error;
    }
    replace(results, await available(kind) ? notice('info', `No ${kind.one} has this id.`)
      : notice('warning', 'The directory is not available on this server: it does not answer /v1/entities (404). '
        + 'A server with the directory API shows its principals and resources here.'));
  }
}

/** Whether the server has the directory API at all: its list answers, where a missing API is a 404. */
async function available(kind) {
  try {
    await get(withQuery(kind.list, { limit: 1 }));
    return true;
  } catch (error) {
    if (error.status === 404) {
      return false;
    }
    throw error;
  }
}
