// The needs-review panel at the top of an episode page: why the script needs review (the last review's failed checks
// with their messages), then approve (continue to audio) or reject (with a reason, kept in the manifest).
import { call } from '../api.js';
import { h, replace, notice } from '../dom.js';

/** Renders the panel for status s into box; empty unless the episode needs review or a decision was recorded. */
export function renderReview(box, s) {
  const review = s.review;
  const decision = review?.decision;
  if (s.outcome === 'rejected') {
    replace(box, notice('error', h('strong', {}, 'Rejected'), decision?.reviewer ? ` by ${decision.reviewer}` : '', decision?.reason ? `: ${decision.reason}` : ''));
    return;
  }
  if (s.outcome !== 'needs-review' || !review) {
    replace(box);
    return;
  }
  if (decision?.approved) {
    const revoice = s.revoice ? ` Audio of revision ${s.revoice.revision}: ${s.revoice.runtimeStatus}.` : '';
    replace(box, notice('info', `Approved${decision.reviewer ? ' by ' + decision.reviewer : ''}: the audio is being produced and published.${revoice}`));
    return;
  }

  const result = h('div', {});
  const reviewer = h('input', { name: 'reviewer', placeholder: 'your name' });
  const reason = h('textarea', { name: 'reason', rows: 3, placeholder: 'Why (required to reject; kept with the decision)' });
  const post = async (route, json, done) => {
    try {
      await call('POST', `/episodes/${encodeURIComponent(s.id)}/${route}`, { json });
      replace(result, notice('ok', done));
    } catch (error) {
      replace(result, notice('error', error.message));
    }
  };
  const approve = () => post('approve', { approved: true, reviewer: reviewer.value.trim() || undefined, comment: reason.value.trim() || undefined },
    'Approved: the audio is being produced.');
  const reject = () => {
    if (!reason.value.trim()) {
      replace(result, notice('error', 'Say why the episode is rejected.'));
      return;
    }
    post('reject', { reason: reason.value.trim(), reviewer: reviewer.value.trim() || undefined }, 'Rejected: the episode ends here.');
  };
  replace(box, h('div', { class: 'approval needs-review', id: 'needs-review' },
    h('h2', {}, `Needs review: the script failed its last review (revision ${review.revision}, score ${Number(review.score ?? 0).toFixed(2)})`),
    review.failedChecks?.length
      ? h('ul', { class: 'failed-checks', id: 'failed-checks' }, review.failedChecks.map((c) => h('li', { dataset: { check: c.name } }, h('strong', {}, c.name), ': ', c.message)))
      : h('p', { class: 'muted' }, 'No single check failed; the overall score was too low.'),
    review.suggestions?.length ? [h('h3', {}, 'Suggestions'), h('ul', {}, review.suggestions.map((x) => h('li', {}, x)))] : null,
    h('p', {}, 'Approve to produce the audio of this script and publish it, or reject to end the episode. To change the script first, edit it below.'),
    h('label', { class: 'field' }, h('span', {}, 'Reviewer'), reviewer),
    h('label', { class: 'field' }, h('span', {}, 'Reason'), reason),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary', id: 'approve-audio', onclick: approve }, 'Approve: continue to audio'),
      h('button', { type: 'button', class: 'danger', id: 'reject-episode', onclick: reject }, 'Reject')),
    result));
}
