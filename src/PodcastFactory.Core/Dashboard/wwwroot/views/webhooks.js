// Webhook subscriptions and their delivery logs: subscribe (the secret is shown once), unsubscribe, and per
// subscription every event's attempts (time, status code, error), state and next try.
import { call, get, ApiError } from '../api.js';
import { h, replace, notice } from '../dom.js';

const types = ['episode.started', 'episode.needs-review', 'episode.completed', 'episode.partial', 'episode.failed', 'episode.published', 'episode.revoiced'];

export function webhooksView(main) {
  const message = h('div', { id: 'webhooks-message' });
  const list = h('div', { id: 'webhook-list' });
  const url = h('input', { name: 'url', id: 'webhook-url', placeholder: 'https://hooks.example.com/podcast', class: 'topic-input' });
  const boxes = types.map((t) => h('label', { class: 'small' }, h('input', { type: 'checkbox', name: 'events', value: t, checked: true }), ' ' + t));
  const form = h('form', { id: 'webhook-form', class: 'form' }, h('label', {}, 'URL ', url), h('div', { class: 'row' }, boxes),
    h('button', { type: 'submit', class: 'primary' }, 'Subscribe'));
  replace(main, h('section', {}, h('h1', {}, 'Webhooks'),
    h('p', { class: 'muted' }, 'Signed CloudEvents (Standard Webhooks), retried on durable timers for up to a day.'), message, form, list));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const events = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    try {
      const created = (await call('POST', '/webhooks', { json: { url: url.value.trim(), events } })).body;
      url.value = '';
      replace(message, notice('ok', 'Subscribed. Signing secret (shown once, store it now): ', h('code', { id: 'webhook-secret' }, created.secret)));
      load();
    } catch (error) {
      replace(message, notice('error', describe(error)));
    }
  });

  async function load() {
    try {
      const subscriptions = (await get('/webhooks')).items ?? [];
      replace(list, subscriptions.length ? subscriptions.map(card) : h('p', { class: 'muted' }, 'No subscriptions.'));
    } catch (error) {
      replace(list, notice('error', error.message));
    }
  }

  function card(s) {
    const log = h('div', { class: 'deliveries' });
    const remove = async () => {
      try { await call('DELETE', '/webhooks/' + encodeURIComponent(s.id)); load(); } catch (error) { replace(message, notice('error', describe(error))); }
    };
    const show = async () => {
      try { replace(log, deliveries((await get('/webhooks/' + encodeURIComponent(s.id) + '/deliveries')).items ?? [])); } catch (error) { replace(log, notice('error', error.message)); }
    };
    return h('article', { class: 'webhook', dataset: { id: s.id } },
      h('h2', {}, s.url, ' ', s.failing ? h('span', { class: 'badge failed' }, 'failing') : h('span', { class: 'badge completed' }, 'ok')),
      h('p', { class: 'small muted' }, s.id + ' · ' + s.events.join(', ') + (s.show ? ' · show ' + s.show : '')),
      s.failing ? h('p', { class: 'small' }, 'Failing since ' + s.failingSince + ': ' + (s.failingReason ?? '')) : null,
      h('div', { class: 'row' }, h('button', { type: 'button', onclick: show }, 'Deliveries'), h('button', { type: 'button', class: 'link', onclick: remove }, 'Delete')),
      log);
  }

  load();
}

function deliveries(items) {
  if (!items.length) return h('p', { class: 'muted' }, 'No deliveries yet.');
  return h('table', { class: 'backlog' },
    h('thead', {}, h('tr', {}, ['Event', 'Episode', 'State', 'Attempts', 'Next try'].map((c) => h('th', {}, c)))),
    h('tbody', {}, items.map((d) => h('tr', {},
      h('td', { class: 'small' }, d.type, h('br'), d.webhookId),
      h('td', {}, h('a', { href: '#/episodes/' + encodeURIComponent(d.episodeId) }, d.episodeId)),
      h('td', {}, d.state),
      h('td', { class: 'small' }, d.attempts.map((a) => h('div', {}, `#${a.number} ${a.at}: ${a.statusCode ?? '—'}${a.error ? ' ' + a.error : ''}`))),
      h('td', { class: 'small' }, d.nextTryAt ?? '—')))));
}

function describe(error) {
  if (!(error instanceof ApiError)) return String(error.message ?? error);
  const errors = Object.entries(error.problem.errors ?? {}).map(([k, v]) => `${k}: ${v.join(' ')}`);
  return errors.length ? [error.problem.title ?? 'The subscription is invalid.', h('ul', {}, errors.map((e) => h('li', {}, e)))] : error.message;
}
