// The sign-in form. The key is checked against the server before it is kept, and kept only in
// this tab's sessionStorage (see session.js).

import { probe } from './access.js';
import { field, h, heading, notice, replace } from './dom.js';

/** Renders the form into {@code view}; {@code signedIn(token, access)} is called once the server accepts the key. */
export function renderSignIn(view, message, signedIn) {
  const input = h('input', { type: 'password', name: 'key', autocomplete: 'off', spellcheck: 'false', required: true });
  const status = h('div', { class: 'status' });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'sign-in', novalidate: true },
    field('API key', input, 'The key an admin created for you with POST /v1/keys.'), button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      replace(status, notice('error', 'Enter an API key.'));
      input.focus();
      return;
    }
    button.disabled = true;
    replace(status, notice('info', 'Checking the key…'));
    try {
      signedIn(token, await probe(token));
    } catch (error) {
      replace(status, notice('error', error.status === 401
        ? `The server does not accept this key: ${error.message}.`
        : error.message));
      button.disabled = false;
      input.focus();
    }
  });
  replace(view, heading('Sign in'),
    message ? notice('info', message) : null,
    h('p', {}, 'Arbiter\'s console uses the same public API as every other client, with your key: '
      + 'it shows only what the key\'s roles allow.'),
    form,
    h('p', { class: 'hint' }, 'The key stays in this browser tab (session storage) and is sent as a Bearer token; '
      + 'it is never written to a cookie or a URL. Closing the tab or signing out forgets it.'));
  input.focus();
}
