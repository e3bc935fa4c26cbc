// The facilitator opens a room: the scenario, the seed (drawn, or typed to replay a game), and for each actor a
// team of students or the computer; whether a turn resolves as soon as every team has decided; the room's language
// (the projector's: each phone reads its own).
import { html, type TemplateResult } from 'lit-html';
import {
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  language,
  t,
} from '../../present/i18n/i18n.ts';
import { type Asking, askingForm, fieldValue } from './form.ts';

export interface ScenarioChoice {
  id: string;
  title: string;
  actors: { id: string; name: string }[];
}

export interface RoomChoices {
  scenario: string;
  seed: number;
  seats: Record<string, 'person' | 'computer'>;
  autoResolve: boolean;
  language: Language;
}

/** `seed` is drawn once by the caller, so a redraw of the page never changes it under the facilitator. */
export function openRoomPage(
  scenarios: ScenarioChoice[],
  seed: number,
  asking: Asking,
  open: (choices: RoomChoices) => Promise<string | null>,
  back: () => void,
): TemplateResult {
  const scenario = scenarios[0];
  if (!scenario) return html`<main class="class-page"><h1>${t('openRoom.noScenario')}</h1></main>`;
  const ask = (form: HTMLFormElement) => {
    const seats = Object.fromEntries(
      scenario.actors.map(
        (a) => [a.id, fieldValue(form, `seat-${a.id}`) === 'person' ? 'person' : 'computer'] as const,
      ),
    );
    const auto = form.elements.namedItem('room-auto');
    const chosen = fieldValue(form, 'room-language');
    return open({
      scenario: scenario.id,
      seed: Number(fieldValue(form, 'room-seed')),
      seats,
      autoResolve: auto instanceof HTMLInputElement && auto.checked,
      language: isLanguage(chosen) ? chosen : language(),
    });
  };
  const fields = html`
    <p class="eyebrow">${scenario.title}</p>
    <fieldset class="fieldset">
      <legend>${t('openRoom.who')}</legend>
      ${scenario.actors.map(
        (a, i) => html`<div class="seat-choice">
          <label for=${`seat-${a.id}`}>${a.name}</label>
          <select id=${`seat-${a.id}`} name=${`seat-${a.id}`} data-seat=${a.id}>
            <option value="person" ?selected=${i < 3}>${t('openRoom.team')}</option>
            <option value="computer" ?selected=${i >= 3}>${t('openRoom.computer')}</option>
          </select>
        </div>`,
      )}
    </fieldset>
    <label class="field" for="room-seed"><span>${t('openRoom.seed')}</span></label>
    <input id="room-seed" name="room-seed" type="number" dir="ltr" min="0" max="2147483647" value=${seed} required>
    <p class="hint">${t('openRoom.seedHint')}</p>
    <label class="field" for="room-language"><span>${t('openRoom.language')}</span></label>
    <select id="room-language" name="room-language">
      ${LANGUAGES.map(
        (l) => html`<option value=${l} lang=${l} ?selected=${l === language()}>${LANGUAGE_NAMES[l]}</option>`,
      )}
    </select>
    <p class="hint">${t('openRoom.languageHint')}</p>
    <div class="field--check">
      <input id="room-auto" name="room-auto" type="checkbox" checked><label for="room-auto">${t('openRoom.auto')}</label>
    </div>`;
  return html`<main class="class-page">
    <h1>${t('openRoom.heading')}</h1>
    ${askingForm(t('openRoom.open'), asking, ask, fields)}
    <button class="button button--quiet" type="button" @click=${back}>${t('openRoom.back')}</button>
  </main>`;
}
