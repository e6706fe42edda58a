// The "Preview" button beside a voice field: POST /api/voices/preview and play the answer. Shared by every form that
// picks voices (the start form's hosts, a show's cast editor): pass getters, so the button speaks what the fields
// hold when it is clicked.
import { postForBlobUrl, ApiError } from '../api.js';
import { h } from '../dom.js';

/** The sample a preview speaks when the caller gives none (at most 200 characters, the API's cap). */
export const SampleText = 'Hello, and welcome to the show. This is how I sound as one of your hosts.';

/**
 * A button that previews a voice, and a status line beside it (errors name the problem the API answered).
 * @param {{ voice: () => string, style?: () => (string|undefined), language?: () => (string|undefined), text?: () => string }} source
 */
export function voicePreviewButton(source) {
  const status = h('span', { class: 'preview-status', role: 'status' });
  let audio = null;
  const button = h('button', {
    type: 'button',
    class: 'preview',
    onclick: async () => {
      const voice = source.voice().trim();
      if (!voice) {
        status.textContent = 'Choose a voice first.';
        return;
      }
      button.disabled = true;
      status.textContent = 'Synthesizing…';
      try {
        const body = { voice, text: (source.text?.() ?? SampleText).slice(0, 200) };
        const style = source.style?.()?.trim();
        if (style) body.style = style;
        const language = source.language?.()?.trim();
        if (language) body.language = language;
        const url = await postForBlobUrl('/voices/preview', body);
        if (audio) { audio.pause(); URL.revokeObjectURL(audio.src); }
        audio = new Audio(url);
        status.textContent = 'Playing';
        audio.addEventListener('ended', () => { status.textContent = ''; });
        await audio.play().catch(() => { status.textContent = 'Ready: press play again if the browser blocked sound.'; });
      } catch (error) {
        status.textContent = error instanceof ApiError ? previewError(error) : error.message;
      } finally {
        button.disabled = false;
      }
    },
  }, 'Preview');
  return h('span', { class: 'voice-preview' }, button, status);
}

function previewError(error) {
  const errors = error.problem?.errors ?? {};
  const first = Object.entries(errors)[0];
  return first ? `${first[0]}: ${first[1].join(' ')}` : error.message;
}
