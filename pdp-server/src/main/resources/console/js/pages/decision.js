// One decision of the log, with every field of its record and the request as it was decided.

import { get, segment } from '../api.js';
import { h, heading, jsonBlock, notice, replace } from '../dom.js';
import { count, decidedBy, time, verdict } from '../format.js';
import { href } from '../router.js';

/** Fields shown in the summary; any other field of the record is listed after them as it comes. */
const SHOWN = new Set(['decisionId', 'time', 'principal', 'action', 'resource', 'allow', 'policy', 'rule', 'revision',
  'reason', 'caller', 'latencyMicros', 'input', 'shadow']);
const PATIENCE = 10;
const PAUSE_MS = 500;

export async function render(view, route, access) {
  const id = route.segments[1];
  const body = h('div');
  replace(view, heading(`Decision ${id}`), h('p', {}, h('a', { href: href(['decisions']) }, 'Back to the log')), body);
  const record = await fetchRecord(id, body);
  const decided = record.policy && access.policyRead
    ? h('a', { href: href(['policies', record.policy]) }, decidedBy(record.policy, record.rule))
    : decidedBy(record.policy, record.rule);
  const facts = [
    ['Decision', [verdict(record.allow), ' ', record.reason]],
    ['Time', time(record.time)],
    ['Principal', record.principal.id],
    ['Principal roles', record.principal.roles.join(', ') || '—'],
    ['Action', record.action],
    ['Resource', `${record.resource.service} / ${record.resource.kind || '—'} / ${record.resource.id || '—'}`],
    ['Decided by', decided],
    ['Store revision', String(record.revision)],
    ['Caller (key)', record.caller],
    ['Latency', `${count(record.latencyMicros)} µs`],
    ['Dry run would have', record.shadow
      ? [verdict(record.shadow.allow), ` by ${decidedBy(record.shadow.policy, record.shadow.rule)}`] : '—'],
    ...Object.entries(record).filter(([name]) => !SHOWN.has(name)).map(([name, value]) =>
      [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  ];
  replace(body,
    h('dl', { class: 'facts' }, facts.map(([term, detail]) => [h('dt', {}, term), h('dd', {}, detail)])),
    h('h2', {}, 'The request as decided'),
    jsonBlock(record.input, 'The request as decided'),
    h('p', { class: 'actions' },
      access.check ? h('a', { class: 'button', href: href(['try'], { decision: id }) }, 'Try this request again') : null,
      h('a', { class: 'button', href: href(['decisions'], { principal: record.principal.id }) },
        'Other decisions of this principal')));
}

/** The record; one just decided may take half a second to reach the log, so a 404 is retried a few times. */
async function fetchRecord(id, body) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await get(`/v1/decisions/${segment(id)}`);
    } catch (error) {
      if (error.status !== 404 || attempt === PATIENCE) {
        throw error;
      }
      replace(body, notice('info', 'This decision is not in the log yet (records reach it within a second); '
        + 'looking again…'));
      await new Promise((resolve) => { setTimeout(resolve, PAUSE_MS); });
    }
  }
}
