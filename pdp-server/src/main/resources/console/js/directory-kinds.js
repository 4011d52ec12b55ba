// The two kinds of directory entries, principals and resources: where the API lists, reads and
// writes them, how they are searched, and how a table shows them.

import { segment } from './api.js';

const json = (value) => (value && Object.keys(value).length ? JSON.stringify(value) : '—');

export const KINDS = {
  principals: {
    key: 'principals',
    title: 'Principals',
    one: 'principal',
    list: '/v1/entities/principals',
    filters: [{ name: 'type', label: 'Type' }],
    lookup: { name: 'id', label: 'Principal id', hint: 'Exact id; leave empty to list.' },
    path: (values) => `/v1/entities/principals/${segment(values.id)}`,
    columns: ['Id', 'Type', 'Roles', 'Attributes'],
    cells: (entry) => [entry.id, entry.type || '—', (entry.roles ?? []).join(', ') || '—', json(entry.attr)],
    template: { id: 'spiffe://acme.prod/ns/shop/sa/checkout', type: 'service', roles: [], attr: {} },
    deletion: (entry) => ({ id: entry.id, deleted: true }),
    name: (entry) => entry.id,
  },
  resources: {
    key: 'resources',
    title: 'Resources',
    one: 'resource',
    list: '/v1/entities/resources',
    filters: [{ name: 'service', label: 'Service' }, { name: 'kind', label: 'Kind' }],
    lookup: { name: 'id', label: 'Resource id', hint: 'Exact id, with its service and kind; leave empty to list.' },
    path: (values) => `/v1/entities/resources/${segment(values.service)}/${segment(values.kind)}/${segment(values.id)}`,
    columns: ['Service', 'Kind', 'Id', 'Attributes'],
    cells: (entry) => [entry.service, entry.kind, entry.id, json(entry.attr)],
    template: { service: 'payments', kind: 'charge', id: 'ch_1', attr: {} },
    deletion: (entry) => ({ service: entry.service, kind: entry.kind, id: entry.id, deleted: true }),
    name: (entry) => `${entry.service}/${entry.kind}/${entry.id}`,
  },
};
