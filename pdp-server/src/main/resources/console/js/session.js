// The signed-in key lives in this tab's sessionStorage only: never in a cookie, a URL or
// localStorage. Closing the tab or signing out forgets it.

const KEY = 'arbiter.console.key';

export function key() {
  return sessionStorage.getItem(KEY);
}

export function signIn(token) {
  sessionStorage.setItem(KEY, token);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}
