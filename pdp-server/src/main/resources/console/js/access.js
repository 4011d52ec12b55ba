// What the signed-in key may do. The API has no "who am I", so each area is asked a request that
// changes nothing and that the server refuses with 403 before reading it when the key lacks the
// role; any other answer (here always a 400 for the deliberately empty request) means it has it.

import { ApiError, send } from './api.js';

/** Each capability, the roles that grant it (admin has every role), and its harmless probe. */
export const CAPABILITIES = {
  check: { roles: 'check', probe: ['POST', '/v1/check', {}] },
  policyRead: { roles: 'policy-admin or auditor', probe: ['POST', '/v1/policies/_validate', {}] },
  policyWrite: { roles: 'policy-admin', probe: ['POST', '/v1/policies/_apply?dryRun=true', {}] },
  audit: { roles: 'auditor', probe: ['GET', '/v1/decisions?limit=0', undefined] },
};

/**
 * The capabilities of {@code token}, as {check: true, ...}. Throws the ApiError of a 401 (unknown
 * or revoked key) or of a server that cannot be reached.
 */
export async function probe(token) {
  const entries = await Promise.all(Object.entries(CAPABILITIES).map(async ([name, { probe: [method, path, body] }]) => {
    try {
      await send(method, path, { body, token });
      return [name, true];
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 401 || error.status === 0) {
        throw error;
      }
      return [name, error.status !== 403];
    }
  }));
  return Object.fromEntries(entries);
}

/** The roles that make up the capabilities held, for the header. */
export function describe(access) {
  const roles = [];
  if (access.check) roles.push('check');
  if (access.policyWrite) roles.push('policy-admin');
  if (access.audit) roles.push('auditor');
  return roles.length ? roles.join(', ') : 'no console role';
}
