// The policies, grouped by the service they govern; the editor and the history open from here.

import { get } from '../api.js';
import { field, h, heading, notice, replace, table } from '../dom.js';
import { time } from '../format.js';
import { NEW_ID } from '../policy-doc.js';
import { go, href } from '../router.js';

export async function render(view, route, access) {
  const [, id, part] = route.segments;
  if (id !== undefined) {
    const page = part === 'history' ? await import('./history.js') : await import('./policy.js');
    return page.render(view, route, access);
  }
  const chosen = route.params.get('service') ?? '';
  const groups = h('div');
  replace(view, heading('Policies'),
    access.policyWrite ? h('p', {}, h('a', { class: 'button', href: href(['policies', NEW_ID]) }, 'New policy'))
      : notice('info', 'This key may read and validate policies but not change them '
        + '(it has the role auditor, not policy-admin).'),
    groups);
  const { policies, revision } = await get('/v1/policies');
  const services = [...new Set(policies.map((policy) => policy.service))].sort();
  const select = h('select', { onchange: () => go(['policies'], { service: select.value }) },
    h('option', { value: '' }, 'All services'),
    services.map((service) => h('option', { value: service, selected: service === chosen }, serviceName(service))));
  const shown = services.filter((service) => !chosen || service === chosen);
  replace(groups,
    h('div', { class: 'toolbar' }, field('Service', select),
      h('p', { class: 'hint' }, `${policies.length} policies · store revision ${revision}`)),
    policies.length === 0 ? notice('info', 'No policies are stored yet.') : null,
    shown.map((service) => h('section', { class: 'group' },
      h('h2', {}, serviceName(service)),
      table(null, ['Policy', 'Description', 'Mode', 'Rules', 'Version', 'Last saved'],
        policies.filter((policy) => policy.service === service).map((policy) => [
          h('a', { href: href(['policies', policy.id]) }, policy.id),
          policy.description || '—',
          policy.mode === 'dry_run' ? h('span', { class: 'badge dry' }, 'dry run') : 'enforce',
          String(policy.rules.length),
          String(policy.version),
          h('span', {}, time(policy.updatedAt), ` by ${policy.updatedBy}`),
        ])))));
}

function serviceName(service) {
  return service === '*' ? 'Every service (*)' : `Service ${service}`;
}
