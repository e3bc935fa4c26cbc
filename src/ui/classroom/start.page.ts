// The classroom's first page: a student types the room's code (or arrives with it from the projector's link or
// QR code) and, if they like, a display name that never leaves the room; a teacher opens a room instead.
import { h } from '../dom.ts';
import { askingForm } from './form.ts';
import { typedCode } from './links.ts';

export interface StartActions {
  join(code: string, name: string, seatCode: string): Promise<string | null>;
  openRoom(): void;
  pass(): void;
  solo(): void;
}

export function startPage(actions: StartActions, code: string | null, problem: string | null): HTMLElement {
  const codeInput = h('input', {
    id: 'join-code',
    attrs: {
      name: 'code',
      inputmode: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: 7,
      pattern: '[A-Za-z ]{6,7}',
      required: true,
      value: code ?? '',
      'aria-describedby': 'join-hint',
    },
  });
  const seatInput = h('input', {
    id: 'join-seat-code',
    attrs: {
      name: 'seat-code',
      inputmode: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: 9,
      'aria-describedby': 'seat-hint',
    },
  });
  const nameInput = h('input', {
    id: 'join-name',
    attrs: { name: 'name', maxlength: 40, autocomplete: 'nickname', 'aria-describedby': 'name-hint' },
  });
  const { form, status } = askingForm(
    'Join the class',
    () => actions.join(typedCode(codeInput.value), nameInput.value.trim(), typedCode(seatInput.value)),
    h(
      'label',
      { class: 'field', attrs: { for: 'join-code' } },
      h('span', { text: 'The code on the big screen' }),
    ),
    codeInput,
    h('p', { id: 'join-hint', class: 'hint', text: 'Six letters, for example KQTWMB.' }),
    h(
      'label',
      { class: 'field', attrs: { for: 'join-seat-code' } },
      h('span', { text: "Your team's seat code (if the teacher gave you one)" }),
    ),
    seatInput,
    h('p', {
      id: 'seat-hint',
      class: 'hint',
      text: "Eight letters. Without it you choose your team's seat and the teacher lets you in.",
    }),
    h('label', { class: 'field', attrs: { for: 'join-name' } }, h('span', { text: 'Your name (optional)' })),
    nameInput,
    h('p', {
      id: 'name-hint',
      class: 'hint',
      text: 'Shown only to your team and the teacher during the game; it is never saved or exported.',
    }),
  );
  // Why the last try failed (a room that is gone, a refused token), said where the student will look.
  if (problem) {
    status.textContent = problem;
    status.hidden = false;
  }
  return h(
    'main',
    { class: 'class-page class-start' },
    h('h1', { text: 'Crisis Table: join a class' }),
    form,
    h(
      'div',
      { class: 'class-start__other' },
      h('h2', { text: 'Running the session, or no server?' }),
      h('button', {
        class: 'button',
        attrs: { type: 'button' },
        text: 'Open a room for a class or a workshop',
        on: { click: () => actions.openRoom() },
      }),
      h('button', {
        class: 'button',
        attrs: { type: 'button' },
        text: 'Play together on this device (2 to 5 players)',
        on: { click: () => actions.pass() },
      }),
      h('button', {
        class: 'button button--quiet',
        attrs: { type: 'button' },
        text: 'Play alone instead',
        on: { click: () => actions.solo() },
      }),
    ),
  );
}
