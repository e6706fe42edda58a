// Shows: the list (title, cast, defaults, feed), a show's page (edit form with its cast, its episodes, its feed link),
// and the create form. Edits send the ETag read with the show (If-Match), so an edit made elsewhere is never overwritten:
// a 412 says to reload.
import { apiBase, call, get } from '../api.js';
import { h, replace, notice, shownStatus } from '../dom.js';
import { clearErrors, showErrors } from './start.js';
import { voicePreviewButton } from './voicepreview.js';

const Formats = ['deep-dive', 'brief', 'critique', 'debate', 'interview', 'panel', 'solo'];
const Categories = ['Technology', 'Arts', 'Business', 'Comedy', 'Education', 'Fiction', 'Government', 'Health & Fitness', 'History',
  'Kids & Family', 'Leisure', 'Music', 'News', 'Religion & Spirituality', 'Science', 'Society & Culture', 'Sports', 'True Crime', 'TV & Film'];
const MaxHosts = 4;

export function showsView(main) {
  const list = h('div', { id: 'show-list' });
  replace(main, h('section', {},
    h('div', { class: 'section-head' }, h('h1', {}, 'Shows'), h('a', { class: 'button', href: '#/shows/new' }, 'New show')),
    h('p', { class: 'muted' }, 'A show is what listeners subscribe to: its cast and defaults start its episodes, and it has its own feed.'),
    list));
  (async () => {
    try {
      const shows = (await get('/shows')).items ?? [];
      replace(list, shows.length ? shows.map(card) : h('p', { class: 'muted' }, 'No shows yet: episodes go to the default show and the root feed.'));
    } catch (error) {
      replace(list, notice('error', error.message));
    }
  })();
}

function card(s) {
  const show = s.show;
  return h('article', { class: 'show', dataset: { id: show.id } },
    h('h2', {}, h('a', { href: '#/shows/' + encodeURIComponent(show.id), class: 'show-link' }, show.title)),
    h('p', { class: 'small muted' }, `${show.id} · ${show.hosts.map((x) => x.name).join(', ')} · ${show.defaultFormat} · ${show.defaultMinutes} min · ${show.language}`),
    h('a', { class: 'small feed', href: feedHref(show.id), rel: 'noopener noreferrer', target: '_blank' }, 'Feed'));
}

const feedHref = (id) => `${apiBase}/shows/${encodeURIComponent(id)}/feed.xml`;

/** A show's page (id) or the create form (id null). */
export function showView(main, id) {
  const message = h('div', { id: 'show-message' });
  const episodes = h('div', { id: 'show-episodes' });
  const section = h('section', {}, h('h1', {}, id ? 'Show' : 'New show'), message);
  replace(main, section);
  if (!id) {
    section.append(showForm(null, null, message));
    return;
  }

  (async () => {
    try {
      const read = await call('GET', '/shows/' + encodeURIComponent(id));
      const show = read.body.show;
      section.querySelector('h1').textContent = show.title;
      section.append(
        h('p', { class: 'row' }, h('a', { id: 'show-feed', href: feedHref(show.id), rel: 'noopener noreferrer', target: '_blank' }, 'Feed of this show'),
          h('a', { href: '#/new?show=' + encodeURIComponent(show.id) }, 'New episode of this show'),
          read.body.deleted ? h('span', { class: 'pill failed' }, 'deleted') : null),
        read.body.deleted ? null : showForm(show, read.etag, message),
        h('h2', {}, 'Episodes'), episodes);
      loadEpisodes(show.id, episodes);
    } catch (error) {
      replace(message, notice('error', error.message));
    }
  })();
}

async function loadEpisodes(showId, target) {
  try {
    const items = ((await get('/episodes?pageSize=100')).items ?? []).filter((e) => e.show === showId);
    replace(target, items.length
      ? h('ul', { class: 'show-episodes' }, items.map((e) => h('li', { dataset: { id: e.id } },
        h('a', { href: '#/episodes/' + encodeURIComponent(e.id) }, e.title ?? e.topic ?? e.id), ' ', h('span', { class: 'pill status ' + shownStatus(e) }, shownStatus(e)))))
      : h('p', { class: 'muted' }, 'No episodes of this show yet.'));
  } catch (error) {
    replace(target, notice('error', error.message));
  }
}

function showForm(show, etag, message) {
  const errors = h('div', { class: 'form-errors' });
  const cast = h('div', { id: 'show-cast' });
  const field = (label, input, name) => h('label', { class: 'field', dataset: { field: name } }, h('span', {}, label), input, h('span', { class: 'field-error' }));
  const value = (name, fallback = '') => (show?.[name] ?? fallback);
  const select = (name, options, current) => h('select', { name }, options.map((o) => h('option', { value: o, selected: o === current }, o)));
  const addHost = (host) => {
    if (cast.children.length >= MaxHosts) return;
    const i = cast.children.length;
    const row = h('div', { class: 'grid cast-row' },
      field(`Host ${i + 1}`, h('input', { class: 'host-name', value: host?.name ?? '', maxlength: 40 }), `hosts[${i}].name`),
      field('Voice', h('input', { class: 'host-voice', value: host?.voice ?? 'flite:rms', list: 'voices', maxlength: 64 }), `hosts[${i}].voice`),
      field('Persona (optional)', h('input', { class: 'host-persona', value: host?.persona ?? '', maxlength: 300 }), `hosts[${i}].persona`),
      field('Style (optional)', h('input', { class: 'host-style', value: host?.style ?? '', maxlength: 200 }), `hosts[${i}].style`),
      voicePreviewButton({ voice: () => row.querySelector('.host-voice').value, style: () => row.querySelector('.host-style').value, language: () => form.elements.language.value }),
      h('button', { type: 'button', class: 'link', onclick: () => { if (cast.children.length > 1) row.remove(); } }, 'Remove'));
    cast.append(row);
  };
  for (const host of show?.hosts ?? [{ name: 'Alex', voice: 'flite:rms' }, { name: 'Sam', voice: 'flite:slt' }]) addHost(host);

  const form = h('form', { id: 'show-form', class: 'form', novalidate: true },
    h('div', { class: 'grid' },
      field('Id', h('input', { name: 'id', value: value('id'), disabled: !!show, pattern: '[a-z0-9-]{2,48}', placeholder: 'tech-weekly' }), 'id'),
      field('Title', h('input', { name: 'title', value: value('title'), maxlength: 255 }), 'title'),
      field('Author', h('input', { name: 'author', value: value('author'), maxlength: 255 }), 'author'),
      field('Owner e-mail', h('input', { name: 'ownerEmail', type: 'email', value: value('ownerEmail') }), 'ownerEmail')),
    field('Description', h('textarea', { name: 'description', rows: 3, maxlength: 4000 }, value('description')), 'description'),
    h('div', { class: 'grid' },
      field('Language', h('input', { name: 'language', value: value('language', 'en'), maxlength: 16 }), 'language'),
      field('Category', select('category', Categories, value('category', 'Technology')), 'category'),
      field('Default format', select('defaultFormat', Formats, value('defaultFormat', 'deep-dive')), 'defaultFormat'),
      field('Default minutes', h('input', { name: 'defaultMinutes', type: 'number', min: 1, max: 60, value: String(value('defaultMinutes', 5)) }), 'defaultMinutes'),
      field('Artwork URL (optional)', h('input', { name: 'artworkUrl', type: 'url', value: value('artworkUrl') }), 'artworkUrl'),
      show ? field('Upload artwork (PNG or JPEG, square, 1400-3000 px; replaces the URL in the feed)',
        h('span', { class: 'row' }, h('input', { id: 'artwork-file', type: 'file', accept: 'image/png,image/jpeg' }),
          h('button', { type: 'button', id: 'upload-artwork', onclick: () => uploadArtwork() }, 'Upload')), 'artwork') : null),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'explicit', checked: !!show?.explicit }), ' Explicit'),
    field('Standing instructions (optional)', h('textarea', { name: 'instructions', rows: 3, maxlength: 2000 }, value('instructions')), 'instructions'),
    h('fieldset', {}, h('legend', {}, 'Cast (1 to 4 hosts)'), cast,
      h('button', { type: 'button', id: 'add-host', onclick: () => addHost(null) }, 'Add host')),
    errors,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, show ? 'Save show' : 'Create show'),
      show ? h('button', { type: 'button', class: 'link', id: 'delete-show', onclick: () => remove(show.id, message) }, 'Delete show') : null));

  let current = etag;
  // The upload is an edit of the show: it sends the ETag this form holds and keeps the new one it gets back.
  const uploadArtwork = async () => {
    const file = form.querySelector('#artwork-file').files[0];
    if (!file) return;
    clearErrors(form, errors);
    try {
      const saved = await call('PUT', '/shows/' + encodeURIComponent(show.id) + '/artwork', { file, ifMatch: current });
      current = saved.etag;
      replace(message, notice('ok', 'Artwork uploaded: the feed now points at it.'));
    } catch (error) {
      if (error.status === 412) replace(message, notice('error', 'Someone changed this show since you opened it: reload the page and upload again.'));
      else if (error.status === 415) replace(message, notice('error', 'The artwork must be a PNG or JPEG file.'));
      else showErrors(form, errors, error);
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, errors);
    const body = bodyOf(form, cast);
    try {
      if (show) {
        const saved = await call('PUT', '/shows/' + encodeURIComponent(show.id), { json: body, ifMatch: current });
        current = saved.etag;
        replace(message, notice('ok', 'Saved.'));
      } else {
        const created = await call('POST', '/shows', { json: body });
        location.hash = '#/shows/' + encodeURIComponent(created.body.show.id);
      }
    } catch (error) {
      if (error.status === 412) replace(message, notice('error', 'Someone changed this show since you opened it: reload the page and apply your edit again.'));
      else showErrors(form, errors, error);
    }
  });
  return form;
}

function bodyOf(form, cast) {
  const v = (name) => form.elements[name].value.trim();
  const optional = (name) => v(name) || undefined;
  return {
    id: form.elements.id.disabled ? undefined : v('id'),
    title: v('title'),
    author: optional('author'),
    ownerEmail: optional('ownerEmail'),
    description: form.elements.description.value,
    language: v('language'),
    category: v('category'),
    defaultFormat: v('defaultFormat'),
    defaultMinutes: Number(v('defaultMinutes')),
    artworkUrl: optional('artworkUrl'),
    explicit: form.elements.explicit.checked,
    instructions: form.elements.instructions.value.trim() || undefined,
    hosts: [...cast.querySelectorAll('.cast-row')].map((row) => ({
      name: row.querySelector('.host-name').value.trim(),
      voice: row.querySelector('.host-voice').value.trim(),
      persona: row.querySelector('.host-persona').value.trim() || undefined,
      style: row.querySelector('.host-style').value.trim() || undefined,
    })),
  };
}

async function remove(id, message) {
  if (!confirm(`Delete show ${id}? Its episodes and feed stay readable.`)) return;
  try {
    await call('DELETE', '/shows/' + encodeURIComponent(id));
    location.hash = '#/shows';
  } catch (error) {
    replace(message, notice('error', error.message));
  }
}
