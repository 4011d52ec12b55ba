// Try a request: a check written as a form or as JSON, answered with the decision and the
// explanation of every rule. It is a real decision: it is logged like any other.

import { get, post, segment } from '../api.js';
import { createCheckForm, FormError } from '../check-form.js';
import { createEditor } from '../editor.js';
import { h, heading, notice, replace } from '../dom.js';
import { decidedBy, verdict } from '../format.js';
import { renderExplain } from '../explain.js';
import { href } from '../router.js';

const EXAMPLE = {
  principal: { id: 'spiffe://acme.prod/ns/shop/sa/checkout', roles: ['service'], attr: { env: 'prod' } },
  action: 'charges:create',
  resource: { service: 'payments', kind: 'charge', id: 'ch_1', attr: { amount: 5000, env: 'prod' } },
};

export async function render(view, route, access) {
  const form = createCheckForm();
  const json = createEditor({ label: 'Check request (JSON)', text: '', rows: 14 });
  const formTab = h('button', { type: 'button', 'aria-pressed': 'true' }, 'Form');
  const jsonTab = h('button', { type: 'button', 'aria-pressed': 'false' }, 'JSON');
  const formPanel = h('div', {}, form.element);
  const jsonPanel = h('div', { hidden: true }, json.element);
  const status = h('div', { class: 'flash' });
  const result = h('section', { class: 'result', 'aria-live': 'polite' });
  let usingJson = false;

  function show(wantJson) {
    usingJson = wantJson;
    formTab.setAttribute('aria-pressed', String(!wantJson));
    jsonTab.setAttribute('aria-pressed', String(wantJson));
    formPanel.hidden = wantJson;
    jsonPanel.hidden = !wantJson;
  }

  /** Switches between form and JSON, carrying the request over. */
  function switchTo(wantJson) {
    if (wantJson === usingJson) {
      return;
    }
    try {
      if (wantJson) {
        json.setValue(JSON.stringify(form.read(), null, 2));
      } else {
        form.fill(JSON.parse(json.value()));
      }
    } catch (fault) {
      replace(status, notice('error', `Fix this first: ${fault.message}`));
      return;
    }
    replace(status);
    show(wantJson);
  }
  formTab.addEventListener('click', () => switchTo(false));
  jsonTab.addEventListener('click', () => switchTo(true));

  async function decide(event) {
    event.preventDefault();
    let body;
    try {
      body = usingJson ? json.value() : form.read();
    } catch (fault) {
      replace(status, notice('error', fault.message));
      (fault instanceof FormError ? fault.control : null)?.focus();
      return;
    }
    replace(status, notice('info', 'Asking for a decision…'));
    try {
      const answer = await post('/v1/check?explain=true', body);
      replace(status);
      replace(result, decision(answer, access));
      result.querySelector('h2').focus();
    } catch (error) {
      const details = error.details?.map((detail) => `${detail.path}: ${detail.message}`) ?? [];
      replace(status, notice('error', `No decision: ${error.message}`, details.length ? ` (${details.join('; ')})` : ''));
    }
  }

  replace(view, heading('Try a request'),
    h('p', {}, 'Ask for a decision as a service would, with the explanation of every rule. '
      + 'The decision is real: it is recorded in the decision log.'),
    h('form', { class: 'try', onsubmit: decide },
      h('div', { class: 'switch', role: 'group', 'aria-label': 'Write the request as' }, formTab, jsonTab),
      formPanel, jsonPanel, status,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Decide'))),
    result);
  form.fill(EXAMPLE);
  const logged = route.params.get('decision');
  if (logged && access.audit) {
    json.setValue(JSON.stringify((await get(`/v1/decisions/${segment(logged)}`)).input, null, 2));
    show(true);
  }
}

/** What the directory added to the request: the principal's roles and attributes, the resource's attributes. */
function fromDirectory(directory) {
  const parts = [];
  if (directory?.principal?.found) {
    parts.push(`principal: roles ${list(directory.principal.roles)}, attributes ${list(directory.principal.attr)}`);
  }
  if (directory?.resource?.found) {
    parts.push(`resource: attributes ${list(directory.resource.attr)}`);
  }
  return parts.length ? parts.join('; ') : 'nothing: neither the principal nor the resource has an entry';
}

const list = (names) => (names?.length ? names.join(', ') : 'none');

function decision(answer, access) {
  const id = access.audit ? h('a', { href: href(['decisions', answer.decisionId]) }, answer.decisionId) : answer.decisionId;
  const rule = answer.policy && access.policyRead
    ? h('a', { href: href(['policies', answer.policy]) }, decidedBy(answer.policy, answer.rule))
    : decidedBy(answer.policy, answer.rule);
  return h('div', {},
    h('h2', { tabindex: -1 }, 'Decision: ', verdict(answer.allow)),
    h('p', { class: 'reason' }, answer.reason),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Decided by'), h('dd', {}, rule),
      h('dt', {}, 'Store revision'), h('dd', {}, String(answer.revision)),
      h('dt', {}, 'Decision id'), h('dd', {}, id),
      answer.shadow ? [h('dt', {}, 'Dry run would have'), h('dd', {}, verdict(answer.shadow.allow),
        ` by ${decidedBy(answer.shadow.policy, answer.shadow.rule)}`)] : null,
      [h('dt', {}, 'From the directory'), h('dd', { class: 'from-directory' }, fromDirectory(answer.directory))]),
    h('h3', {}, 'How every rule fared'),
    renderExplain(answer));
}
