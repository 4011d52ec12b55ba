// Policy documents as the editor shows them: without the fields the server adds on read, so the
// text is exactly what a write would send.

const SERVER_FIELDS = new Set(['version', 'revision', 'updatedAt', 'updatedBy', 'deleted', 'restoredFrom']);

/** The id of the page that creates a policy (ids never start with '_'). */
export const NEW_ID = '_new';

export const TEMPLATE = {
  id: 'new-policy',
  service: 'payments',
  description: '',
  mode: 'enforce',
  rules: [{ name: 'first-rule', effect: 'allow', roles: ['service'], actions: ['charges:read'], condition: 'true' }],
};

/** The policy without the server's fields. */
export function editable(policy) {
  return Object.fromEntries(Object.entries(policy).filter(([name]) => !SERVER_FIELDS.has(name)));
}

/** The policy as the editor's text; a deleted version is no text. */
export function asText(policy) {
  return policy && !policy.deleted ? JSON.stringify(editable(policy), null, 2) : '';
}

/** 'version 3 · store revision 12 · admin · 2026-…' for the metadata line. */
export function versionLine(policy) {
  return [`version ${policy.version}`, `store revision ${policy.revision}`, `saved by ${policy.updatedBy}`]
    .join(' · ');
}
