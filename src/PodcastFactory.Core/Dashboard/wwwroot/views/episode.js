// The episode page: why it needs review (failed checks, approve or reject) at the top, live status, approve or reject
// while it waits, cancel, the player, the script with its
// citations, the reviews, warnings, the cost per agent and the artifacts to download.
import { get, call, artifact, download } from '../api.js';
import { h, replace, money, progressBar, notice, clock, shownStatus } from '../dom.js';
import { poll } from './poll.js';
import { createPlayer, audioName } from './player.js';
import { barChart } from './charts.js';
import { renderScript } from './script.js';
import { renderReview } from './review.js';

export function episodeView(main, id) {
  const reviewBox = h('div', { id: 'review-decision' });
  const header = h('div', { id: 'episode-header' });
  const actions = h('div', { id: 'episode-actions' });
  const playerBox = h('div', {});
  const script = h('section', { id: 'script' });
  const reviews = h('section', { id: 'reviews' });
  const costs = h('section', { id: 'costs' });
  const files = h('section', { id: 'artifacts' });
  replace(main, h('article', { class: 'episode', dataset: { id } }, reviewBox, header, actions, playerBox, script, reviews, costs, files));

  const player = createPlayer(id);
  const loaded = new Map();
  let lastActions = null;
  let lastReview = null;

  // Loads a part once its artifacts exist, and again when they change (a revision, a re-voice).
  const once = async (key, signature, load) => {
    if (loaded.get(key) === signature) return;
    loaded.set(key, signature);
    try {
      await load();
    } catch {
      loaded.delete(key); // try again on the next poll
    }
  };

  return poll(async () => {
    let status;
    try {
      status = await get('/episodes/' + encodeURIComponent(id));
    } catch (error) {
      replace(header, h('h1', {}, id), notice('error', error.message));
      return error.status !== 404;
    }

    const reviewKey = JSON.stringify([status.outcome, status.review, status.revoice?.runtimeStatus]);
    if (reviewKey !== lastReview) renderReview(reviewBox, status);
    lastReview = reviewKey;
    renderHeader(header, status);
    const waiting = status.runtimeStatus === 'running' && status.stage === 'approval';
    const actionKey = status.runtimeStatus + ':' + waiting;
    if (actionKey !== lastActions) renderActions(actions, status, waiting);
    lastActions = actionKey;

    const artifacts = status.artifacts ?? [];
    const names = artifacts.map((a) => a.name);
    const sig = (...wanted) => wanted.map((n) => { const a = artifacts.find((x) => x.name === n); return a ? `${n}:${a.bytes}` : ''; }).join('|');
    renderArtifacts(files, id, artifacts);
    if (audioName(names)) {
      if (!playerBox.firstChild) playerBox.append(player.element);
      await once('player', sig(audioName(names), 'chapters.json', 'transcript.vtt'), () => player.reload(names));
    }
    if (names.includes('script.json')) await once('script', sig('script.json', 'research.json'), () => renderScript(script, id, names));
    const reviewNames = names.filter((n) => /^reviews\/review-\d+\.json$/.test(n)).sort();
    if (reviewNames.length) await once('reviews', reviewNames.join(), () => renderReviews(reviews, id, reviewNames));
    if (names.includes('manifest.json')) await once('costs', sig('manifest.json'), () => renderCosts(costs, id));
    return true;
  });
}

function renderHeader(header, s) {
  replace(header,
    h('h1', { class: 'title' }, s.title ?? s.topic ?? s.id),
    h('div', { class: 'muted' }, s.id, s.topic && s.title ? ' · topic: ' : '', s.topic && s.title ? s.topic : ''),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Run'), h('dd', {}, h('span', { class: 'pill ' + shownStatus(s), id: 'runtime-status' }, s.runtimeStatus)),
      h('dt', {}, 'Stage'), h('dd', { id: 'stage' }, s.stage ?? '—'),
      h('dt', {}, 'Progress'), h('dd', {}, progressBar(s.percent), h('span', { id: 'percent' }, ` ${s.percent ?? 0}%`)),
      h('dt', {}, 'Cost so far'), h('dd', { id: 'cost' }, money(s.costUsd)),
      s.outcome ? [h('dt', {}, 'Outcome'), h('dd', {}, h('span', { class: 'pill ' + shownStatus(s), id: 'outcome' }, s.outcome))] : null,
      s.audioSeconds ? [h('dt', {}, 'Audio'), h('dd', { id: 'audio-length' }, clock(s.audioSeconds))] : null),
    s.error ? notice('error', s.error) : null,
    s.warnings?.length ? h('div', { class: 'warnings', id: 'warnings' }, h('h2', {}, 'Warnings'), h('ul', {}, s.warnings.map((w) => h('li', {}, w)))) : null);
}

function renderActions(box, s, waiting) {
  const result = h('div', {});
  const finished = ['completed', 'failed', 'terminated'].includes(s.runtimeStatus);
  const parts = [];
  if (waiting) {
    const reviewer = h('input', { name: 'reviewer', placeholder: 'your name' });
    const comment = h('textarea', { name: 'comment', rows: 3, placeholder: 'Why (kept with the decision)' });
    const decide = async (approved) => {
      try {
        await call('POST', `/episodes/${encodeURIComponent(s.id)}/approve`, { json: { approved, reviewer: reviewer.value.trim() || undefined, comment: comment.value.trim() || undefined } });
        replace(result, notice('ok', approved ? 'Approved: the episode goes on.' : 'Rejected: the episode ends as rejected.'));
      } catch (error) {
        replace(result, notice('error', error.message));
      }
    };
    parts.push(h('div', { class: 'approval', id: 'approval' },
      h('h2', {}, 'Waiting for your approval'),
      h('p', {}, 'Read the script and its reviews below, then decide: approve to produce the audio and the post, reject to end it as rejected.'),
      h('label', { class: 'field' }, h('span', {}, 'Reviewer'), reviewer),
      h('label', { class: 'field' }, h('span', {}, 'Comment'), comment),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', id: 'approve', onclick: () => decide(true) }, 'Approve'),
        h('button', { type: 'button', class: 'danger', id: 'reject', onclick: () => decide(false) }, 'Reject'))));
  }
  const row = h('div', { class: 'row' });
  if (!finished) {
    row.append(h('button', { type: 'button', class: 'danger', id: 'cancel', onclick: async () => {
      try {
        await call('POST', `/episodes/${encodeURIComponent(s.id)}/cancel`);
        replace(result, notice('ok', 'Cancelled.'));
      } catch (error) {
        replace(result, notice('error', error.message));
      }
    } }, 'Cancel episode'));
  } else {
    row.append(h('a', { class: 'button', id: 'edit-link', href: `#/episodes/${encodeURIComponent(s.id)}/edit` }, 'Edit script and re-voice'));
  }
  replace(box, parts, row, result);
}

async function renderReviews(box, id, names) {
  const docs = await Promise.all(names.map((n) => artifact(id, n)));
  replace(box, h('h2', {}, 'Reviews'), docs.filter(Boolean).map((r) => h('div', { class: 'review ' + (r.passed ? 'passed' : 'failed') },
    h('h3', {}, `Revision ${r.revision}: ${r.passed ? 'passed' : 'failed'}, score ${Number(r.score ?? 0).toFixed(2)}`),
    h('table', {}, h('tbody', {}, (r.checks ?? []).map((c) => h('tr', {}, h('td', {}, c.passed ? '✔' : '✘'), h('td', {}, c.name), h('td', {}, c.detail))))),
    r.suggestions?.length ? h('ul', {}, r.suggestions.map((s) => h('li', {}, s))) : null)));
}

async function renderCosts(box, id) {
  const manifest = await artifact(id, 'manifest.json');
  const byAgent = manifest?.costs?.byAgent ?? [];
  if (!byAgent.length) return;
  const costs = manifest.costs;
  const lost = costs.possiblyBilled ?? [];
  const stops = manifest.interruptions ?? [];
  replace(box, h('h2', {}, 'Cost ledger'),
    h('p', {}, `Total ${money(costs.totalUsd)} over ${costs.journaledCalls?.answered ?? costs.calls?.length ?? 0} answered calls.`),
    lost.length ? h('p', { class: 'warnings' },
      `Paid ${money(costs.paidUsd)} + possibly billed ${money(costs.possiblyBilledUsd)}: ${lost.length} call(s) were sent but their answer was lost.`) : null,
    lost.length ? h('ul', { class: 'small' }, lost.map((c) => h('li', {}, `${c.agent} (${c.provider}) ${money(c.estimateUsd)}: ${c.reason}`))) : null,
    stops.length ? h('p', { class: 'muted' },
      `Interrupted ${stops.length} time(s): ${stops.map((i) => `${(i.downtimeMs / 1000).toFixed(1)} s down, ${i.resumedSteps.length} step(s) started again`).join('; ')}.`) : null,
    h('div', { class: 'charts' },
      barChart('Cost per agent (USD)', byAgent.map((a) => ({ label: a.agent, value: Number(a.costUsd) || 0 })), (v) => money(v)),
      barChart('Time per agent (s)', byAgent.map((a) => ({ label: a.agent, value: (a.durationMs ?? 0) / 1000 })), (v) => v.toFixed(1) + ' s')),
    h('table', { class: 'ledger' },
      h('thead', {}, h('tr', {}, ['Agent', 'Calls', 'Cache hits', 'Units', 'Cost'].map((c) => h('th', {}, c)))),
      h('tbody', {}, byAgent.map((a) => h('tr', {}, h('td', {}, a.agent), h('td', {}, a.calls), h('td', {}, a.cacheHits), h('td', {}, `${a.units} ${a.unitKind}`), h('td', {}, money(a.costUsd)))))));
}

function renderArtifacts(box, id, artifacts) {
  const signature = artifacts.map((a) => a.name + a.bytes).join();
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  replace(box, h('h2', {}, 'Artifacts'), artifacts.length === 0 ? h('p', { class: 'muted' }, 'None yet.') :
    h('ul', { class: 'artifact-list' }, artifacts.map((a) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => download(id, a.name).catch((e) => alert(e.message)) }, a.name),
      h('span', { class: 'muted small' }, ` ${formatBytes(a.bytes)} · ${a.contentType}`)))));
}

function formatBytes(n) {
  return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : n >= 1024 ? Math.round(n / 1024) + ' kB' : n + ' B';
}
