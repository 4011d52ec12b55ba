// The decision log: the filters of GET /v1/decisions (kept in the page's URL), pages through
// the cursor, exports of the whole filtered result, and verification of the chain.

import { get, withQuery } from '../api.js';
import { download } from '../download.js';
import { field, h, heading, notice, replace, table } from '../dom.js';
import { count, decidedBy, time, verdict } from '../format.js';
import { go, href } from '../router.js';
import { verifyPanel } from '../verify.js';

const FILTERS = [
  { name: 'from', label: 'From', hint: 'A date (2026-11-22) or an instant (2026-11-22T10:15:30Z).' },
  { name: 'to', label: 'Before', hint: 'Same forms; exclusive.' },
  { name: 'principal', label: 'Principal id' },
  { name: 'service', label: 'Service' },
  { name: 'action', label: 'Action' },
  { name: 'allow', label: 'Decision', options: [['', 'Any'], ['true', 'Allowed'], ['false', 'Denied']] },
  { name: 'policy', label: 'Policy' },
  { name: 'rule', label: 'Rule' },
  { name: 'caller', label: 'Caller (key name)' },
  { name: 'resource', label: 'Resource id' },
];
const PAGE_SIZE = 25;

export async function render(view, route, access) {
  if (route.segments[1] !== undefined) {
    return (await import('./decision.js')).render(view, route, access);
  }
  const filters = Object.fromEntries(FILTERS.map(({ name }) => [name, route.params.get(name) ?? '']));
  const controls = FILTERS.map((filter) => control(filter, filters[filter.name]));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the decisions' },
    h('div', { class: 'grid' }, FILTERS.map((filter, index) => field(filter.label, controls[index], filter.hint))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search'),
      h('a', { href: href(['decisions']), class: 'button' }, 'Clear the filters')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(['decisions'], Object.fromEntries(FILTERS.map(({ name }, index) => [name, controls[index].value.trim()])));
  });
  const results = h('div', { class: 'results' });
  const exported = h('p', { class: 'hint', role: 'status' });
  const exports = h('div', { class: 'actions' },
    ['CSV', 'NDJSON'].map((format) =>
      h('button', { type: 'button', onclick: () => exportAs(format) }, `Export as ${format}`)),
    exported);
  replace(view, heading('Decision log'), form, results, exports, verifyPanel());

  const cursors = [null];
  async function show(index) {
    const answer = await get(withQuery('/v1/decisions', { ...filters, limit: PAGE_SIZE, cursor: cursors[index] }));
    cursors[index + 1] = answer.nextCursor;
    replace(results,
      answer.decisions.length === 0 ? notice('info', 'No decision matches these filters.')
        : table(`Page ${index + 1}, newest first`,
          ['Time', 'Decision', 'Principal', 'Action', 'Resource', 'Decided by', 'Caller'],
          answer.decisions.map((record) => [
            h('a', { href: href(['decisions', record.decisionId]), 'aria-label': `Decision ${record.decisionId}` },
              time(record.time)),
            verdict(record.allow),
            record.principal.id,
            record.action,
            [record.resource.service, record.resource.kind, record.resource.id].filter(Boolean).join(' / '),
            decidedBy(record.policy, record.rule),
            record.caller,
          ])),
      h('div', { class: 'pager' },
        h('button', { type: 'button', disabled: index === 0, onclick: () => show(index - 1) }, 'Newer'),
        h('button', { type: 'button', disabled: !answer.nextCursor, onclick: () => show(index + 1) }, 'Older')));
  }

  async function exportAs(format) {
    const [accept, extension] = format === 'CSV' ? ['text/csv', 'csv'] : ['application/x-ndjson', 'ndjson'];
    exported.textContent = `Exporting ${format}…`;
    try {
      const bytes = await download(withQuery('/v1/decisions', filters), accept, `decisions.${extension}`);
      exported.textContent = `Saved decisions.${extension}: ${count(bytes)} bytes.`;
    } catch (error) {
      exported.textContent = `Not exported: ${error.message}`;
    }
  }

  await show(0);
}

function control(filter, value) {
  if (!filter.options) {
    return h('input', { type: 'text', name: filter.name, value, spellcheck: 'false' });
  }
  return h('select', { name: filter.name }, filter.options.map(([option, label]) =>
    h('option', { value: option, selected: option === value }, label)));
}
