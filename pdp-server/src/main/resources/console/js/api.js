// The public API of the server, with the signed-in key as a Bearer token. Every answer of 400 or
// more becomes an ApiError carrying the JSON envelope's code, message and details.

import { queryString } from './query.js';
import { key } from './session.js';

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details ?? [];
  }
}

let whenUnauthorized = () => {};

/** What to do when the server stops accepting the key (revoked, or the server was reset). */
export function onUnauthorized(handler) {
  whenUnauthorized = handler;
}

/** Sends a request; answers the Response of a success, throws an ApiError otherwise. */
export async function send(method, path, { body, headers = {}, accept = 'application/json', token = key() } = {}) {
  const init = {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: accept, ...headers },
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (failure) {
    throw new ApiError(0, 'unreachable', `The server did not answer (${failure.message}).`);
  }
  if (response.ok) {
    return response;
  }
  const error = await errorOf(response);
  if (response.status === 401 && token === key()) {
    whenUnauthorized(error);
  }
  throw error;
}

async function errorOf(response) {
  try {
    const { error } = await response.json();
    return new ApiError(response.status, error.code, error.message, error.details);
  } catch {
    return new ApiError(response.status, 'http_' + response.status, `The server answered ${response.status}.`);
  }
}

/** The JSON answer of a request, with its headers. */
export async function call(method, path, options) {
  const response = await send(method, path, options);
  const json = response.status === 204 ? null : await response.json();
  return { json, headers: response.headers, status: response.status };
}

export const get = async (path, options) => (await call('GET', path, options)).json;
export const post = async (path, body, options) => (await call('POST', path, { ...options, body })).json;

/** A path with query parameters; empty values are left out. */
export const withQuery = (path, params) => path + queryString(params);

/** One path segment, percent-encoded (ids may hold '/' and ':'). */
export const segment = (value) => encodeURIComponent(value);
