// Edit the script and re-voice: GET/PUT /api/episodes/{id}/script (ETag, If-Match), POST .../revoice, then the
// episode's `revoice` progress is polled and the player reloads the new audio when it completes.
import { get, call, ApiError } from '../api.js';
import { h, replace, notice, money } from '../dom.js';
import { poll } from './poll.js';
import { createPlayer } from './player.js';

const Voices = ['flite:rms', 'flite:slt', 'flite:awb', 'flite:kal', 'flite:kal16', 'en-us+m3', 'en-us+f3', 'alloy', 'echo', 'nova', 'shimmer'];

export function editView(main, id) {
  const message = h('div', { id: 'edit-message' });
  const form = h('form', { id: 'script-form', class: 'form' });
  const progress = h('div', { id: 'revoice-progress' });
  const toolbar = h('div', { class: 'toolbar' });
  const player = createPlayer(id);
  replace(main, h('article', { class: 'edit', dataset: { id } },
    h('p', {}, h('a', { href: '#/episodes/' + encodeURIComponent(id) }, '← back to the episode')),
    h('h1', {}, 'Edit script'), message, toolbar, progress, player.element, form));

  let etag = null;
  let doc = null;
  let stopRevoice = () => {};

  async function load() {
    try {
      const response = await call('GET', `/episodes/${encodeURIComponent(id)}/script`);
      etag = response.etag;
      doc = response.body;
      render();
    } catch (error) {
      replace(message, notice('error', error.status === 404 && !error.problem?.detail
        ? 'This server does not offer script editing (GET /api/episodes/{id}/script is missing).' : error.message));
    }
  }

  function render() {
    const hosts = doc.hosts ?? [...new Set((doc.turns ?? []).map((t) => t.speaker))];
    replace(form,
      h('label', { class: 'field' }, h('span', {}, 'Title'), h('input', { name: 'title', value: doc.title ?? '' })),
      h('datalist', { id: 'edit-voices' }, Voices.map((v) => h('option', { value: v }))),
      h('fieldset', { class: 'grid' }, h('legend', {}, 'Voices'), hosts.map((host) => h('label', { class: 'field' }, h('span', {}, host),
        h('input', { class: 'voice', list: 'edit-voices', dataset: { host }, value: doc.voices?.[host] ?? '' })))),
      (doc.turns ?? []).map((turn, i) => h('div', { class: 'edit-turn', dataset: { index: i } },
        turn.chapter ? h('h3', {}, turn.chapter) : null,
        h('label', { class: 'field' }, h('span', { class: 'speaker' }, turn.speaker),
          h('textarea', { class: 'turn-text', rows: Math.min(8, 2 + Math.ceil((turn.text ?? '').length / 90)), dataset: { index: i } }, turn.text ?? '')))),
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save')));
    replace(toolbar, h('div', { class: 'row' },
      h('button', { type: 'submit', form: 'script-form', class: 'primary', id: 'save-script' }, 'Save'),
      h('button', { type: 'button', id: 'revoice', onclick: revoice }, 'Re-voice'),
      h('span', { class: 'muted' }, `Revision ${doc.revision} · save your edits, then re-voice: only changed turns are synthesized again.`)));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      title: form.elements.title.value,
      turns: (doc.turns ?? []).map((turn, i) => ({
        speaker: turn.speaker,
        text: form.querySelector(`textarea[data-index="${i}"]`).value,
        chapter: turn.chapter ?? null,
        claims: turn.claims ?? [],
      })),
      voices: Object.fromEntries([...form.querySelectorAll('input.voice')].map((v) => [v.dataset.host, v.value.trim()])),
    };
    try {
      const response = await call('PUT', `/episodes/${encodeURIComponent(id)}/script`, { json: body, ifMatch: etag });
      etag = response.etag;
      doc = response.body;
      render();
      replace(message, notice('ok', `Saved as revision ${doc.revision}. Re-voice to hear it.`));
    } catch (error) {
      replace(message, notice('error', saveError(error)));
    }
  });

  async function revoice() {
    try {
      const response = await call('POST', `/episodes/${encodeURIComponent(id)}/revoice`);
      replace(progress, notice('info', `Re-voicing revision ${response.body.revision}…`));
      stopRevoice();
      stopRevoice = poll(async () => {
        const status = await get('/episodes/' + encodeURIComponent(id));
        const r = status.revoice;
        // Until this revision's re-voice shows up, the status may still describe an earlier one.
        if (!r || r.revision < response.body.revision) return true;
        replace(progress, notice(r.runtimeStatus === 'failed' ? 'error' : r.runtimeStatus === 'completed' ? 'ok' : 'info',
          h('span', { id: 'revoice-status', dataset: { status: r.runtimeStatus } }, `Re-voice of revision ${r.revision}: ${r.runtimeStatus}`),
          ` · ${r.segmentsSynthesized ?? 0} segments synthesized, ${r.segmentsReused ?? 0} reused · ${money(r.costUsd)}`));
        if (r.runtimeStatus === 'completed') {
          await player.reload((status.artifacts ?? []).map((a) => a.name));
          return false;
        }
        return r.runtimeStatus !== 'failed' && r.runtimeStatus !== 'terminated';
      });
    } catch (error) {
      replace(progress, notice('error', error.status === 409 ? 'The episode is still running; re-voice once it has finished.' : error.message));
    }
  }

  load();
  get('/episodes/' + encodeURIComponent(id)).then((s) => player.reload((s.artifacts ?? []).map((a) => a.name))).catch(() => {});
  return () => stopRevoice();
}

function saveError(error) {
  if (!(error instanceof ApiError)) return String(error.message ?? error);
  if (error.status === 412) return 'Someone else changed this script since you opened it; reload to see their version (your edits are still in the form).';
  if (error.status === 409) return 'The episode is running; save once it has finished.';
  const errors = Object.entries(error.problem.errors ?? {}).map(([k, v]) => `${k}: ${v.join(' ')}`);
  return errors.length ? [error.problem.title ?? 'The script is invalid.', h('ul', {}, errors.map((e) => h('li', {}, e)))] : error.message;
}
