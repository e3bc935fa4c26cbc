// The classroom's first page: a student types the room's code (or arrives with it from the projector's link or
// QR code) and, if they like, a display name that never leaves the room; a teacher opens a room instead.
import { html, nothing, type TemplateResult } from 'lit-html';
import { type Asking, askingForm, fieldValue } from './form.ts';
import { type OfferedRoom, typedCode } from './links.ts';

export interface StartActions {
  join(code: string, name: string, seatCode: string): Promise<string | null>;
  openRoom(): void;
  pass(): void;
  solo(): void;
}

/**
 * A teacher coming back to /class: the rooms this browser runs, each a link to its console (the page reconnects
 * with the key kept here). An ended room is said to be ended; its console can still export it.
 */
function roomsOffered(rooms: readonly OfferedRoom[]): TemplateResult | typeof nothing {
  if (rooms.length === 0) return nothing;
  return html`<section class="class-start__rooms" aria-labelledby="your-rooms">
    <h2 id="your-rooms">Your open rooms</h2>
    <ul class="menu-list">${rooms.map(
      (r) =>
        html`<li><a class="button" href=${`/class/${r.code}`} data-room-offered=${r.code}
          data-room-ended=${String(r.ended)}>${
            r.ended
              ? `Room ${r.code} has ended — Open its console to export it`
              : `Room ${r.code} — Open the console`
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
    <label class="field" for="join-code"><span>The code on the big screen</span></label>
    <input id="join-code" name="code" inputmode="text" autocomplete="off" autocapitalize="characters"
      spellcheck="false" maxlength="7" pattern="[A-Za-z ]{6,7}" required value=${code ?? ''}
      aria-describedby="join-hint">
    <p id="join-hint" class="hint">Six letters, for example KQTWMB.</p>
    <label class="field" for="join-seat-code"><span>Your team's seat code (if the teacher gave you one)</span></label>
    <input id="join-seat-code" name="seat-code" inputmode="text" autocomplete="off" autocapitalize="characters"
      spellcheck="false" maxlength="9" aria-describedby="seat-hint">
    <p id="seat-hint" class="hint">Eight letters. Without it you choose your team's seat and the teacher lets you in.</p>
    <label class="field" for="join-name"><span>Your name (optional)</span></label>
    <input id="join-name" name="name" maxlength="40" autocomplete="nickname" aria-describedby="name-hint">
    <p id="name-hint" class="hint">Shown only to your team and the teacher during the game; it is never saved or exported.</p>`;
  return html`<main class="class-page class-start">
    <h1>Crisis Table: join a class</h1>
    ${roomsOffered(rooms)}
    ${askingForm('Join the class', asking, join, fields)}
    <div class="class-start__other">
      <h2>Running the session, or no server?</h2>
      <button class="button" type="button" @click=${() => actions.openRoom()}>Open a room for a class or a workshop</button>
      <button class="button" type="button" @click=${() => actions.pass()}>Play together on this device (2 to 5 players)</button>
      <button class="button button--quiet" type="button" @click=${() => actions.solo()}>Play alone instead</button>
    </div>
  </main>`;
}
