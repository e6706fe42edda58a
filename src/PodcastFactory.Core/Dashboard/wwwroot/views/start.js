// The start form: POST /api/episodes with the CreateEpisodeRequest shape; 400 problem details shown per field.
import { call, get, ApiError } from '../api.js';
import { h, replace, notice } from '../dom.js';
import { voicePreviewButton } from './voicepreview.js';

const Formats = ['deep-dive', 'brief', 'critique', 'debate', 'interview', 'panel', 'solo'];
// Four host rows (a cast of 1-4): the first two filled as the API's defaults; a row without a name is not sent.
const Cast = [['Alex', 'flite:rms'], ['Sam', 'flite:slt'], ['', 'flite:awb'], ['', 'flite:kal']];
const HostFields = Cast.flatMap((_, i) => [`host${i}`, `voice${i}`, `style${i}`]);
const Voices = ['flite:rms', 'flite:slt', 'flite:awb', 'flite:kal', 'flite:kal16', 'en-us+m3', 'en-us+f3', 'alloy', 'echo', 'nova', 'shimmer'];

export function startView(main) {
  const sources = h('div', { class: 'sources' });
  const errors = h('div', { id: 'form-errors' });
  const result = h('div', {});
  const field = (label, input, name) => h('label', { class: 'field', dataset: { field: name } }, h('span', {}, label), input, h('span', { class: 'field-error' }));

  const form = h('form', { id: 'start-form', class: 'form', novalidate: true },
    field('Topic', h('input', { name: 'topic', required: true, maxlength: 200, placeholder: 'How durable workflows recover from crashes' }), 'topic'),
    field('Show', h('select', { name: 'show', id: 'show-select' }, h('option', { value: '' }, 'Default show (root feed)')), 'show'),
    field('Episode id (optional)', h('input', { name: 'id', pattern: '[a-z0-9-]{3,64}', placeholder: 'durable-101' }), 'id'),
    h('fieldset', {}, h('legend', {}, 'Sources'), sources,
      h('div', { class: 'row' },
        h('button', { type: 'button', onclick: () => sources.append(sourceRow('text')) }, 'Add text'),
        h('button', { type: 'button', onclick: () => sources.append(sourceRow('url')) }, 'Add URL'),
        h('label', { class: 'file-button' }, 'Add files ', h('input', { type: 'file', multiple: true, accept: '.md,.txt,text/*', onchange: (e) => readFiles(e.target, sources) })))),
    h('div', { class: 'grid' },
      field('Priority', select('priority', ['both', 'audio', 'social']), 'priority'),
      field('Depth', select('depth', ['standard', 'quick', 'deep']), 'depth'),
      field('Minutes', h('input', { name: 'targetMinutes', type: 'number', min: 1, max: 60, value: '5' }), 'targetMinutes'),
      field('Language', h('input', { name: 'language', value: 'en', maxlength: 16 }), 'language'),
      field('Budget (USD, optional)', h('input', { name: 'budgetUsd', type: 'number', min: 0, step: '0.01' }), 'budgetUsd'),
      field('Format', h('select', { name: 'format' }, h('option', { value: '' }, 'default (the show\'s, or deep-dive)'), Formats.map((f) => h('option', { value: f }, f))), 'format')),
    field('Instructions for the writer and judge (optional)', h('textarea', { name: 'instructions', rows: 3, maxlength: 2000, placeholder: 'Keep it beginner-friendly; end with one practical tip.' }), 'instructions'),
    h('fieldset', {}, h('legend', {}, 'Hosts and voices (1-4; leave a name empty to leave the host out)'),
      h('datalist', { id: 'voices' }, Voices.map((v) => h('option', { value: v }))),
      h('div', { dataset: { field: 'hosts' } }, h('span', { class: 'field-error' })),
      Cast.map(([name, voice], i) => h('div', { class: 'grid' },
        field(`Host ${i + 1}`, h('input', { name: `host${i}`, value: name, maxlength: 40 }), `hosts[${i}].name`),
        field('Voice', h('input', { name: `voice${i}`, value: voice, list: 'voices' }), `hosts[${i}].voice`),
        field('Style (optional)', h('input', { name: `style${i}`, maxlength: 200, placeholder: 'calm, a little slower' }), `hosts[${i}].style`),
        voicePreviewButton({ voice: () => form.elements[`voice${i}`].value, style: () => form.elements[`style${i}`].value, language: () => form.elements.language.value })))),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'requireApproval' }), ' Wait for my approval after the review'),
    errors,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Start episode')),
    result);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, errors);
    try {
      const response = await call('POST', '/episodes', { json: requestOf(form, sources) });
      const id = response.body.id;
      replace(result, notice('ok', response.status === 202 ? 'Started ' : 'Already exists: ', h('a', { href: '#/episodes/' + encodeURIComponent(id) }, id)));
      location.hash = '#/episodes/' + encodeURIComponent(id);
    } catch (error) {
      showErrors(form, errors, error);
    }
  });

  replace(main, h('section', {}, h('h1', {}, 'New episode'), form));
  loadShows(form.elements.show);
  // With a show, the cast, language and length it does not touch come from the show: only edited fields are sent.
  for (const name of ['targetMinutes', 'language', ...HostFields]) {
    form.elements[name].addEventListener('input', () => { form.elements[name].dataset.touched = 'true'; });
  }
}

async function loadShows(select) {
  const wanted = new URLSearchParams(location.hash.split('?')[1] ?? '').get('show');
  try {
    for (const s of (await get('/shows')).items ?? []) {
      select.append(h('option', { value: s.show.id, selected: s.show.id === wanted }, `${s.show.title} (${s.show.id})`));
    }
  } catch { /* no shows: the default show only */ }
}

function select(name, options) {
  return h('select', { name }, options.map((o) => h('option', { value: o }, o)));
}

function sourceRow(kind, value = '', name = '') {
  const input = kind === 'url'
    ? h('input', { class: 'source-value', type: 'url', placeholder: 'https://example.org/article', value })
    : h('textarea', { class: 'source-value', rows: 4, placeholder: 'Paste the source text' }, value);
  const row = h('div', { class: 'source', dataset: { kind } },
    h('span', { class: 'pill' }, kind),
    h('input', { class: 'source-name', placeholder: 'name (optional)', value: name }),
    input,
    h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, 'Remove'));
  return row;
}

async function readFiles(input, sources) {
  // Files are read in the browser and sent as text sources: the API never reads files.
  for (const file of input.files) sources.append(sourceRow('text', await file.text(), file.name));
  input.value = '';
}

function requestOf(form, sources) {
  const v = (name) => form.elements[name].value.trim();
  const body = {
    topic: v('topic'),
    priority: v('priority'),
    depth: v('depth'),
    language: v('language') || undefined,
    hosts: Cast.map((_, i) => ({ name: v(`host${i}`), voice: v(`voice${i}`), style: v(`style${i}`) || undefined })).filter((host) => host.name !== ''),
    requireApproval: form.elements.requireApproval.checked,
    sources: [...sources.querySelectorAll('.source')].map((row) => ({
      kind: row.dataset.kind,
      value: row.querySelector('.source-value').value,
      name: row.querySelector('.source-name').value.trim() || undefined,
    })).filter((s) => s.value.trim() !== ''),
  };
  if (v('id')) body.id = v('id');
  if (v('show')) {
    body.show = v('show');
    const touched = (name) => form.elements[name].dataset.touched === 'true';
    if (!HostFields.some(touched)) delete body.hosts;
    if (!touched('language')) delete body.language;
    if (!touched('targetMinutes')) form.elements.targetMinutes.dataset.skip = 'true';
  }
  if (v('targetMinutes') && form.elements.targetMinutes.dataset.skip !== 'true') body.targetMinutes = Number(v('targetMinutes'));
  delete form.elements.targetMinutes.dataset.skip;
  if (v('budgetUsd')) body.budgetUsd = Number(v('budgetUsd'));
  if (v('format')) body.format = v('format');
  if (v('instructions')) body.instructions = v('instructions');
  if (body.sources.length === 0) delete body.sources;
  return body;
}

export function clearErrors(form, errors) {
  replace(errors);
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
}

export function showErrors(form, errors, error) {
  const fieldErrors = error instanceof ApiError ? error.problem.errors ?? {} : {};
  const unplaced = [];
  for (const [name, messages] of Object.entries(fieldErrors)) {
    const label = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (label) {
      label.classList.add('invalid');
      label.querySelector('.field-error').textContent = messages.join(' ');
    } else {
      unplaced.push(`${name}: ${messages.join(' ')}`);
    }
  }
  replace(errors, notice('error', h('strong', {}, error.problem?.title ?? error.message), unplaced.length ? h('ul', {}, unplaced.map((m) => h('li', {}, m))) : null,
    Object.keys(fieldErrors).length === 0 ? h('div', {}, error.message) : null));
}
