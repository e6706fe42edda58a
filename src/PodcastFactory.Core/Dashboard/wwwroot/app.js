// The dashboard's router: one page, views by location hash. Each view renders into <main> and returns a function
// that stops its polling when the view is left.
import { apiBase, key } from './api.js';
import { replace, notice } from './dom.js';
import { listView } from './views/list.js';
import { startView } from './views/start.js';
import { episodeView } from './views/episode.js';
import { editView } from './views/edit.js';
import { backlogView } from './views/backlog.js';
import { webhooksView } from './views/webhooks.js';
import { showsView, showView } from './views/shows.js';

const main = document.getElementById('view');
let leave = () => {};

function route() {
  leave();
  leave = () => {};
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
  let match;
  let name = 'list';
  try {
    if (hash === '/new' || hash.startsWith('/new?')) { name = 'new'; leave = startView(main) ?? leave; }
    else if (hash === '/shows') { name = 'shows'; leave = showsView(main) ?? leave; }
    else if (hash === '/shows/new') { name = 'shows'; leave = showView(main, null) ?? leave; }
    else if ((match = /^\/shows\/([a-z0-9-]{2,48})$/.exec(hash))) { name = 'shows'; leave = showView(main, match[1]) ?? leave; }
    else if (hash === '/backlog') { name = 'backlog'; leave = backlogView(main) ?? leave; }
    else if (hash === '/webhooks') { name = 'webhooks'; leave = webhooksView(main) ?? leave; }
    else if ((match = /^\/episodes\/([a-z0-9-]{1,64})\/edit$/.exec(hash))) { name = 'edit'; leave = editView(main, match[1]) ?? leave; }
    else if ((match = /^\/episodes\/([a-z0-9-]{1,64})$/.exec(hash))) { name = 'episode'; leave = episodeView(main, match[1]) ?? leave; }
    else leave = listView(main) ?? leave;
  } catch (error) {
    replace(main, notice('error', String(error.message ?? error)));
  }
  for (const link of document.querySelectorAll('[data-nav]')) link.classList.toggle('active', link.dataset.nav === name);
  document.body.dataset.view = name;
}

function setupKey() {
  const form = document.getElementById('key-form');
  const input = document.getElementById('key-input');
  const state = document.getElementById('key-state');
  const show = () => { state.textContent = key.get() ? 'key set for this tab' : 'no key'; };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    key.set(input.value.trim());
    input.value = '';
    show();
    route();
  });
  show();
}

async function showFeedLink() {
  // The feed is anonymous on both hosts; a plain link is fine.
  try {
    const response = await fetch(apiBase + '/feed.xml', { method: 'GET', cache: 'no-store' });
    if (response.ok) {
      const link = document.getElementById('feed-link');
      link.href = apiBase + '/feed.xml';
      link.classList.remove('hidden');
    }
  } catch { /* no feed yet */ }
}

setupKey();
window.addEventListener('hashchange', route);
route();
showFeedLink();
