// The script on the episode page: turns with their chapters, each claim a numbered citation of a research note
// (a link to the page for web notes, only http(s) URLs ever become links), and the list of the sources cited.
import { artifact } from '../api.js';
import { h, replace, safeUrl } from '../dom.js';

export async function renderScript(box, id, names) {
  const [doc, research] = await Promise.all([
    artifact(id, 'script.json'),
    names.includes('research.json') ? artifact(id, 'research.json') : null,
  ]);
  if (!doc) return;
  const notes = research?.notes ?? [];
  const cited = [];
  const turns = (doc.turns ?? []).map((turn, i) => h('div', { class: 'turn', dataset: { index: i } },
    turn.chapter ? h('h3', { class: 'chapter-title' }, turn.chapter) : null,
    h('p', {}, h('strong', { class: 'speaker' }, (turn.speaker ?? '') + ': '), turn.text ?? '',
      (turn.claims ?? []).map((k) => citation(notes[k], k, cited)))));
  replace(box,
    h('h2', {}, 'Script', doc.revision ? ` (revision ${doc.revision})` : ''),
    h('p', { class: 'script-title' }, doc.title ?? ''),
    h('div', { class: 'turns' }, turns),
    cited.length ? [h('h3', {}, 'Sources cited'), h('ol', { class: 'notes' }, [...new Set(cited)].sort((a, b) => a - b).map((k) => noteItem(notes[k], k)))] : null);
}

function citation(note, k, cited) {
  if (!note) return h('sup', { class: 'cite missing', title: 'claim ' + k + ' is not in the research notes' }, `[${k + 1}?]`);
  cited.push(k);
  const url = safeUrl(note.web?.url);
  const label = `[${k + 1}]`;
  const where = [note.web?.title ?? note.source, note.locator].filter(Boolean).join(', ');
  return h('sup', { class: 'cite' }, url
    ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', title: where }, label)
    : h('a', { href: '#note-' + k, title: where, onclick: (e) => { e.preventDefault(); document.getElementById('note-' + k)?.scrollIntoView({ block: 'center' }); } }, label));
}

function noteItem(note, k) {
  const url = safeUrl(note.web?.url);
  return h('li', { id: 'note-' + k, value: k + 1 },
    note.text ?? '', ' — ',
    url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, note.web.title || url) : h('em', {}, note.source ?? 'unsourced'),
    note.locator ? `, ${note.locator}` : '',
    note.web?.quote ? h('blockquote', {}, note.web.quote) : null);
}
