// The audio player: episode.mp3 (or the stitched episode.wav) through a blob URL, chapters.json as clickable marks,
// transcript.vtt with the cue being spoken highlighted as it plays.
import { artifact, artifactBlobUrl } from '../api.js';
import { h, replace, clock, notice } from '../dom.js';

/** The audio file to play among the artifact names, best first. */
export function audioName(names) {
  return ['episode.mp3', 'episode.wav'].find((n) => names.includes(n)) ?? null;
}

/** Builds the player for episode id; reload() fetches the audio (and chapters, transcript) again. */
export function createPlayer(id) {
  const audio = h('audio', { id: 'player', controls: true, preload: 'metadata' });
  const chapters = h('ol', { class: 'chapters', id: 'chapters' });
  const transcript = h('div', { class: 'transcript', id: 'transcript' });
  const state = h('div', {});
  const element = h('section', { class: 'player' }, h('h2', {}, 'Listen'), audio, state,
    h('div', { class: 'player-extras' },
      h('div', {}, h('h3', {}, 'Chapters'), chapters),
      h('div', {}, h('h3', {}, 'Transcript'), transcript)));
  let cues = [];
  let blobUrl = null;
  let spoken = null;

  audio.addEventListener('timeupdate', () => highlight(audio.currentTime));

  function highlight(time) {
    const current = cues.find((cue) => time >= cue.start && time < cue.end) ?? null;
    if (current === spoken) return;
    spoken?.el.classList.remove('current');
    spoken?.el.removeAttribute('aria-current');
    spoken = current;
    if (!current) return;
    current.el.classList.add('current');
    current.el.setAttribute('aria-current', 'true');
    // Keep the spoken cue in view inside the transcript box without scrolling the page.
    transcript.scrollTop = current.el.offsetTop - transcript.clientHeight / 3;
  }

  async function reload(names) {
    const name = audioName(names);
    if (!name) return;
    try {
      const url = await artifactBlobUrl(id, name);
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      blobUrl = url;
      audio.src = url;
      audio.dataset.loadedAt = String(Date.now());
      audio.dataset.source = name;
      replace(state);
    } catch (error) {
      replace(state, notice('error', error.message));
    }

    const chapterDoc = names.includes('chapters.json') ? await artifact(id, 'chapters.json').catch(() => null) : null;
    replace(chapters, (chapterDoc?.chapters ?? []).map((c) => h('li', {},
      h('button', { type: 'button', class: 'link chapter', dataset: { start: c.startTime }, onclick: () => { audio.currentTime = Number(c.startTime) || 0; audio.play().catch(() => {}); } },
        h('span', { class: 'time' }, clock(c.startTime)), ' ', c.title ?? ''))));
    if (!chapters.childElementCount) chapters.append(h('li', { class: 'muted' }, 'No chapters.'));

    const vtt = names.includes('transcript.vtt') ? await artifact(id, 'transcript.vtt', 'text').catch(() => null) : null;
    spoken = null;
    cues = parseVtt(vtt ?? '').map((cue) => ({ ...cue,
      el: h('p', { class: 'cue', dataset: { start: cue.start } },
        h('button', { type: 'button', class: 'link time', onclick: () => { audio.currentTime = cue.start; } }, clock(cue.start)), ' ',
        cue.speaker ? h('strong', {}, cue.speaker + ': ') : null, cue.text) }));
    replace(transcript, cues.length ? cues.map((c) => c.el) : h('p', { class: 'muted' }, 'No transcript.'));
  }

  return { element, audio, reload };
}

/** Parses WebVTT into {start, end, speaker, text}; markup is stripped and the rest kept as plain text. */
export function parseVtt(text) {
  const cues = [];
  for (const block of text.replace(/\r/g, '').split(/\n\n+/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) continue;
    const [from, to] = lines[at].split('-->').map((s) => seconds(s.trim().split(/\s+/)[0]));
    let body = lines.slice(at + 1).join(' ');
    const voice = /<v(?:\.[^\s>]*)?\s+([^>]*)>/.exec(body);
    body = body.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
    cues.push({ start: from, end: to, speaker: voice?.[1]?.trim() ?? null, text: body.trim() });
  }
  return cues;
}

function seconds(stamp) {
  const parts = stamp.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}
