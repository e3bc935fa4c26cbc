// The classroom's first page: a student types the room's code (or arrives with it from the projector's link or
// QR code) and, if they like, a display name that never leaves the room; a teacher opens a room instead.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isolate, LANGUAGE_NAMES, LANGUAGES, type Language, language, t } from '../../present/i18n/i18n.ts';
import { type Asking, askingForm, fieldValue } from './form.ts';
import { type OfferedRoom, typedCode } from './links.ts';

export interface StartActions {
  join(code: string, name: string, seatCode: string): Promise<string | null>;
  openRoom(): void;
  pass(): void;
  solo(): void;
  /** This device's language, chosen here: remembered, and the page drawn again in it. */
  language(chosen: Language): void;
}

/** The choice of language, each under its own name; the page is drawn again in the chosen one. */
function languageChoice(actions: StartActions): TemplateResult {
  const change = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    const chosen = LANGUAGES.find((l) => l === value);
    if (chosen) actions.language(chosen);
  };
  return html`<div class="class-start__language">
    <label for="class-language">${t('start.language')}</label>
    <select id="class-language" @change=${change}>${LANGUAGES.map(
      (l) => html`<option value=${l} lang=${l} ?selected=${l === language()}>${LANGUAGE_NAMES[l]}</option>`,
    )}</select>
  </div>`;
}

/**
 * A teacher coming back to /class: the rooms this browser runs, each a link to its console (the page reconnects
 * with the key kept here). An ended room is said to be ended; its console can still export it.
 */
function roomsOffered(rooms: readonly OfferedRoom[]): TemplateResult | typeof nothing {
  if (rooms.length === 0) return nothing;
  return html`<section class="class-start__rooms" aria-labelledby="your-rooms">
    <h2 id="your-rooms">${t('start.yourRooms')}</h2>
    <ul class="menu-list">${rooms.map(
      (r) =>
        html`<li><a class="button" href=${`/class/${r.code}`} data-room-offered=${r.code}
          data-room-ended=${String(r.ended)}>${
            r.ended
              ? t('start.roomEnded', { code: isolate(r.code) })
              : t('start.roomOpen', { code: isolate(r.code) })
          }</a></li>`,
    )}</ul>
  </section>`;
}

/**
 * `asking` holds the form's state; a refusal from the last try (a room that is gone) starts in it. `rooms`: the
 * rooms this browser runs, once the server has said which it still knows.
 */
export function startPage(
  actions: StartActions,
  code: string | null,
  asking: Asking,
  rooms: readonly OfferedRoom[] = [],
): TemplateResult {
  const join = (form: HTMLFormElement) =>
    actions.join(
      typedCode(fieldValue(form, 'code')),
      fieldValue(form, 'name').trim(),
      typedCode(fieldValue(form, 'seat-code')),
    );
  const fields = html`
    <label class="field" for="join-code"><span>${t('start.code')}</span></label>
    <input id="join-code" name="code" dir="ltr" inputmode="text" autocomplete="off" autocapitalize="characters"
      spellcheck="false" maxlength="7" pattern="[A-Za-z ]{6,7}" required value=${code ?? ''}
      aria-describedby="join-hint">
    <p id="join-hint" class="hint">${t('start.codeHint', { example: isolate('KQTWMB') })}</p>
    <label class="field" for="join-seat-code"><span>${t('start.seatCode')}</span></label>
    <input id="join-seat-code" name="seat-code" dir="ltr" inputmode="text" autocomplete="off" autocapitalize="characters"
      spellcheck="false" maxlength="9" aria-describedby="seat-hint">
    <p id="seat-hint" class="hint">${t('start.seatCodeHint')}</p>
    <label class="field" for="join-name"><span>${t('start.name')}</span></label>
    <input id="join-name" name="name" maxlength="40" autocomplete="nickname" aria-describedby="name-hint">
    <p id="name-hint" class="hint">${t('start.nameHint')}</p>`;
  return html`<main class="class-page class-start">
    <h1>${t('start.heading')}</h1>
    ${languageChoice(actions)}
    ${roomsOffered(rooms)}
    ${askingForm(t('start.join'), asking, join, fields)}
    <div class="class-start__other">
      <h2>${t('start.other')}</h2>
      <button class="button" type="button" @click=${() => actions.openRoom()}>${t('start.openRoom')}</button>
      <button class="button" type="button" @click=${() => actions.pass()}>${t('start.pass')}</button>
      <button class="button button--quiet" type="button" @click=${() => actions.solo()}>${t('start.solo')}</button>
    </div>
  </main>`;
}
