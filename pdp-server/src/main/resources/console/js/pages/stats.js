// Statistics of the decision log: decisions over time by outcome, and the principals, services
// and rules that deny most, from GET /v1/decisions/stats.

import { get, withQuery } from '../api.js';
import { barChart, timeChart } from '../charts.js';
import { field, h, heading, notice, replace } from '../dom.js';
import { go } from '../router.js';

const PERIODS = {
  hour: { label: 'The last hour', millis: 3_600_000, bucket: 'minute' },
  day: { label: 'The last 24 hours', millis: 86_400_000, bucket: 'hour' },
  week: { label: 'The last 7 days', millis: 7 * 86_400_000, bucket: 'hour' },
  month: { label: 'The last 30 days', millis: 30 * 86_400_000, bucket: 'day' },
};
const BUCKET_MILLIS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const TOP = 10;

export async function render(view, route) {
  const periodName = PERIODS[route.params.get('period')] ? route.params.get('period') : 'day';
  const period = PERIODS[periodName];
  const service = route.params.get('service') ?? '';
  const choice = h('select', { name: 'period' }, Object.entries(PERIODS).map(([name, { label }]) =>
    h('option', { value: name, selected: name === periodName }, label)));
  const serviceInput = h('input', { type: 'text', name: 'service', value: service, spellcheck: 'false' });
  const form = h('form', { class: 'filters inline' }, field('Period', choice), field('Service', serviceInput, 'Optional.'),
    h('button', { type: 'submit', class: 'primary' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(['stats'], { period: choice.value, service: serviceInput.value.trim() });
  });
  const charts = h('div', { class: 'charts' }, notice('info', 'Counting…'));
  replace(view, heading('Statistics'), form, charts);

  const to = new Date();
  const from = new Date(to.getTime() - period.millis);
  const ask = (groupBy, allow) => get(withQuery('/v1/decisions/stats', {
    groupBy, bucket: period.bucket, from: from.toISOString(), to: to.toISOString(), service, allow,
  }));
  const [byService, byPrincipal, byRule] = await Promise.all([ask('service'), ask('principal', false), ask('rule', false)]);
  const truncated = [byService, byPrincipal, byRule].some((answer) => answer.truncated);
  replace(charts,
    truncated ? notice('warning', 'The server cut some answers at 10,000 rows: choose a shorter period or a service.') : null,
    timeChart(`Decisions per ${period.bucket}, ${period.label.toLowerCase()}`,
      series(byService.counts, from, to, period.bucket)),
    barChart('Most denied principals', top(byPrincipal.counts, (key) => key), 'Nothing was denied.'),
    barChart('Most denied services', top(byService.counts, (key) => key), 'Nothing was denied.'),
    barChart('Most denying rules', top(byRule.counts, (key) => key ?? 'default deny (no rule allowed)'),
      'Nothing was denied.'));
}

/** One entry per bucket from {@code from} to {@code to}, empty buckets included. */
function series(rows, from, to, bucket) {
  const size = BUCKET_MILLIS[bucket];
  const totals = new Map();
  for (const row of rows) {
    const at = Date.parse(row.bucket);
    const total = totals.get(at) ?? { allow: 0, deny: 0 };
    total.allow += row.allow;
    total.deny += row.deny;
    totals.set(at, total);
  }
  const buckets = [];
  for (let at = Math.floor(from.getTime() / size) * size; at < to.getTime(); at += size) {
    buckets.push({ label: label(at, bucket), ...(totals.get(at) ?? { allow: 0, deny: 0 }) });
  }
  return buckets;
}

function label(at, bucket) {
  const iso = new Date(at).toISOString();
  return bucket === 'day' ? iso.slice(5, 10) : iso.slice(11, 16);
}

/** The keys with the most denials, summed over the buckets. */
function top(rows, name) {
  const sums = new Map();
  for (const row of rows) {
    sums.set(row.key, (sums.get(row.key) ?? 0) + row.deny);
  }
  return [...sums].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1]).slice(0, TOP)
    .map(([key, value]) => ({ label: name(key), value }));
}
