// Starts the console: signs in, shows the menu the key's roles allow, and opens the page the
// URL's fragment names, loading its module the first time it is needed.

import { CAPABILITIES, describe, probe } from './access.js';
import { onUnauthorized } from './api.js';
import { append, h, heading, notice, replace } from './dom.js';
import { HOME, PAGES } from './pages.js';
import { current, href } from './router.js';
import * as session from './session.js';
import { renderSignIn } from './signin.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let access = null;

async function show(message) {
  const view = h('div', { class: 'page' });
  replace(main, view);
  if (!session.key()) {
    nav.hidden = true;
    who.hidden = true;
    renderSignIn(view, message, signedIn);
    return;
  }
  if (!access) {
    try {
      access = await probe(session.key());
    } catch (error) {
      signOut(error.message);
      return;
    }
  }
  const route = current();
  const page = route.segments.length ? PAGES.find((candidate) => candidate.path === route.segments[0]) : HOME;
  chrome(page);
  if (!page) {
    replace(view, heading('Not found'), notice('error', 'The console has no such page.'));
  } else if (page.needs && !access[page.needs]) {
    refuse(view, page);
  } else {
    const module = await page.load();
    try {
      await module.render(view, route, access);
    } catch (error) {
      append(view, notice('error', error.message));
    }
    if (!view.contains(document.activeElement)) {
      view.querySelector('h1')?.focus();
    }
  }
}

function refuse(view, page) {
  const roles = CAPABILITIES[page.needs].roles;
  replace(view, heading(page.title),
    notice('error', `This key cannot use ${page.title}: it needs the role ${roles}, which it does not have. `
      + 'The server refuses its requests here (403 Forbidden). Sign in with another key, or ask an admin for the role.'));
  view.querySelector('h1').focus();
}

function chrome(page) {
  replace(nav, h('ul', {}, PAGES.filter((candidate) => access[candidate.needs]).map((candidate) =>
    h('li', {}, h('a', { href: href([candidate.path]), 'aria-current': candidate === page ? 'page' : null },
      candidate.title)))));
  replace(document.getElementById('who-roles'), `Signed in · ${describe(access)}`);
  nav.hidden = false;
  who.hidden = false;
  document.title = page ? `${page.title} · Arbiter console` : 'Arbiter console';
}

function signedIn(token, roles) {
  session.signIn(token);
  access = roles;
  show();
}

function signOut(message) {
  session.signOut();
  access = null;
  show(message);
}

onUnauthorized((error) => signOut(`The server no longer accepts this key (${error.message}). Sign in again.`));
document.getElementById('sign-out').addEventListener('click', () => {
  signOut('Signed out. The key was removed from this tab.');
});
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => show());
show();
