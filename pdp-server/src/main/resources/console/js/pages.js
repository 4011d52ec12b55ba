// The console's pages: their place in the menu, the capability (see access.js) each needs, and
// their modules, loaded the first time a page is opened so the sign-in page stays light.

export const PAGES = [
  { path: 'policies', title: 'Policies', needs: 'policyRead', load: () => import('./pages/policies.js'),
    purpose: 'Read, edit, validate, compare and roll back policies; preview a change\'s impact on logged traffic.' },
  { path: 'try', title: 'Try a request', needs: 'check', load: () => import('./pages/try.js'),
    purpose: 'Ask for a decision and see how every rule fared.' },
  { path: 'decisions', title: 'Decision log', needs: 'audit', load: () => import('./pages/decisions.js'),
    purpose: 'Search the log, open one decision, export, verify the hash chain.' },
  { path: 'stats', title: 'Statistics', needs: 'audit', load: () => import('./pages/stats.js'),
    purpose: 'Decisions over time, and who and what is denied most.' },
  { path: 'directory', title: 'Directory', needs: 'policyRead', load: () => import('./pages/directory.js'),
    purpose: 'Search and edit the principals and resources the server knows.' },
];

export const HOME = { path: '', title: 'Overview', load: () => import('./pages/home.js') };
