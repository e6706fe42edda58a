// The backlog editor: GET /api/backlog with its ETag, PUT with If-Match; a 412 means someone else saved first.
import { call, ApiError } from '../api.js';
import { h, replace, notice } from '../dom.js';

export function backlogView(main) {
  const message = h('div', { id: 'backlog-message' });
  const body = h('tbody');
  const form = h('form', { id: 'backlog-form', class: 'form' },
    h('table', { class: 'backlog' },
      h('thead', {}, h('tr', {}, ['Topic', 'Priority', 'Depth', 'Minutes', 'Status', 'Episode', ''].map((c) => h('th', {}, c)))),
      body),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'add-topic', onclick: () => body.append(topicRow({ topic: '', status: 'pending' })) }, 'Add topic'),
      h('button', { type: 'submit', class: 'primary', id: 'save-backlog' }, 'Save'),
      h('button', { type: 'button', id: 'reload-backlog', onclick: () => load() }, 'Reload')));
  replace(main, h('section', {}, h('h1', {}, 'Backlog'),
    h('p', { class: 'muted' }, 'The schedule takes the first pending topic each time it fires.'), message, form));

  let etag = null;

  async function load(keepMessage = false) {
    try {
      const response = await call('GET', '/backlog');
      etag = response.etag;
      form.dataset.etag = etag ?? '';
      replace(body, (response.body.topics ?? []).map(topicRow));
      if (!keepMessage) replace(message);
    } catch (error) {
      replace(message, notice('error', error.message));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const topics = [...body.querySelectorAll('tr')].map(readRow);
    try {
      const response = await call('PUT', '/backlog', { json: { topics }, ifMatch: etag });
      etag = response.etag;
      form.dataset.etag = etag ?? '';
      replace(body, (response.body.topics ?? []).map(topicRow));
      replace(message, notice('ok', 'Saved.'));
    } catch (error) {
      replace(message, notice('error', describe(error)));
    }
  });

  load();
}

function describe(error) {
  if (!(error instanceof ApiError)) return String(error.message ?? error);
  if (error.status === 412 || error.status === 409) {
    return 'Someone else changed the backlog since you loaded it; reload to see their version (your edits are not saved).';
  }
  const errors = Object.entries(error.problem.errors ?? {}).map(([k, v]) => `${k}: ${v.join(' ')}`);
  return errors.length ? [error.problem.title ?? 'The backlog is invalid.', h('ul', {}, errors.map((e) => h('li', {}, e)))] : error.message;
}

const choice = (name, options, value) =>
  h('select', { name }, options.map((o) => h('option', { value: o, selected: o === (value ?? '') }, o || 'default')));

function topicRow(topic) {
  const row = h('tr', { class: 'topic-row' },
    h('td', {}, h('input', { name: 'topic', value: topic.topic ?? '', class: 'topic-input' })),
    h('td', {}, choice('priority', ['', 'both', 'audio', 'social'], topic.priority)),
    h('td', {}, choice('depth', ['', 'quick', 'standard', 'deep'], topic.depth)),
    h('td', {}, h('input', { name: 'targetMinutes', type: 'number', min: 1, max: 60, value: topic.targetMinutes ?? '' })),
    h('td', {}, choice('status', ['pending', 'taken', 'done', 'failed'], topic.status ?? 'pending')),
    h('td', { class: 'small' }, topic.episodeId ? h('a', { href: '#/episodes/' + encodeURIComponent(topic.episodeId) }, topic.episodeId) : '—'),
    h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, 'Remove')));
  // Fields the table does not edit (sources, takenAt, error) travel with the row unchanged.
  row.original = topic;
  return row;
}

function readRow(row) {
  const value = (name) => row.querySelector(`[name="${name}"]`).value.trim();
  const topic = { ...row.original, topic: value('topic'), status: value('status') };
  for (const name of ['priority', 'depth']) {
    if (value(name)) topic[name] = value(name); else delete topic[name];
  }
  if (value('targetMinutes')) topic.targetMinutes = Number(value('targetMinutes')); else delete topic.targetMinutes;
  return topic;
}
