// The console's pages: their place in the menu, the capability (see access.js) each needs, and
// their modules, loaded the first time a page is opened so the sign-in page stays light.

export const PAGES = [
];

export const HOME = { path: '', title: 'Overview', load: () => import('./pages/home.js') };
