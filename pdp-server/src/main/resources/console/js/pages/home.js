// The overview: what this key may do in the console, and what it may not, and why.

import { CAPABILITIES } from '../access.js';
import { h, heading, replace } from '../dom.js';
import { PAGES } from '../pages.js';
import { href } from '../router.js';

export function render(view, route, access) {
  replace(view, heading('Overview'),
    h('p', {}, 'What this key may do here. The console calls the same API as any other client, '
      + 'so it can never do more than the key may.'),
    h('ul', { class: 'cards' }, PAGES.map((page) => h('li', { class: access[page.needs] ? 'card' : 'card refused' },
      h('h2', {}, access[page.needs] ? h('a', { href: href([page.path]) }, page.title) : page.title),
      h('p', {}, page.purpose),
      access[page.needs] ? null
        : h('p', { class: 'refusal' }, `Not with this key: it needs the role ${CAPABILITIES[page.needs].roles}.`)))));
}
