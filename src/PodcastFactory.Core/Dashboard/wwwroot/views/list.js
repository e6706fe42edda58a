// The episode list: live status of every episode, refreshed every 2 s without reloading the page.
import { get } from '../api.js';
import { h, replace, money, progressBar, notice, clock, shownStatus } from '../dom.js';
import { poll } from './poll.js';

export function listView(main) {
  const status = h('div', { class: 'status-line' });
  const body = h('tbody');
  replace(main,
    h('section', {},
      h('div', { class: 'section-head' }, h('h1', {}, 'Episodes'), h('a', { class: 'button', href: '#/new' }, 'New episode')),
      status,
      h('table', { class: 'episodes', id: 'episodes' },
        h('thead', {}, h('tr', {}, ['Episode', 'Status', 'Stage', 'Progress', 'Cost so far', 'Length', 'Updated'].map((c) => h('th', {}, c)))),
        body)));

  return poll(async () => {
    try {
      const page = await get('/episodes?pageSize=50');
      const items = [...(page.items ?? [])].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
      replace(body, items.length ? items.map(row) : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No episodes yet.')));
      replace(status);
    } catch (error) {
      replace(status, notice('error', error.message));
    }
  });
}

// The status column is the outcome once finished: a needs-review, partial or rejected episode is never a green "completed".
function row(e) {
  const shown = shownStatus(e);
  return h('tr', { dataset: { id: e.id, status: e.runtimeStatus, outcome: e.outcome ?? '', stage: e.stage ?? '' } },
    h('td', {},
      h('a', { href: '#/episodes/' + encodeURIComponent(e.id), class: 'episode-link' }, e.title ?? e.topic ?? e.id),
      h('div', { class: 'muted small' }, e.id)),
    h('td', {}, h('span', { class: 'pill status ' + shown, title: e.error ?? '' }, shown)),
    h('td', { class: 'stage' }, e.stage ?? '—'),
    h('td', {}, progressBar(e.percent), h('span', { class: 'percent small' }, `${e.percent ?? 0}%`)),
    h('td', { class: 'cost' }, money(e.costUsd)),
    h('td', { class: 'length' }, e.audioSeconds ? clock(e.audioSeconds) : '—'),
    h('td', { class: 'small' }, new Date(e.lastUpdatedAt).toLocaleTimeString()));
}
