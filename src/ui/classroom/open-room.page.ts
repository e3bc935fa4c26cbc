// The facilitator opens a room: the scenario, the seed (drawn, or typed to replay a game), and for each actor a
// team of students or the computer; whether a turn resolves as soon as every team has decided.
import { h } from '../dom.ts';
import { askingForm } from './form.ts';

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
}

export function openRoomPage(
  scenarios: ScenarioChoice[],
  open: (choices: RoomChoices) => Promise<string | null>,
  back: () => void,
): HTMLElement {
  const scenario = scenarios[0];
  if (!scenario) {
    return h('main', { class: 'class-page' }, h('h1', { text: 'No scenario on this server' }));
  }
  const seed = crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000;
  const seedInput = h('input', {
    id: 'room-seed',
    attrs: { type: 'number', min: 0, max: 2147483647, value: seed, required: true },
  });
  const seatSelects = new Map<string, HTMLSelectElement>();
  const seatRows = scenario.actors.map((a, i) => {
    const select = h(
      'select',
      { id: `seat-${a.id}`, attrs: { 'data-seat': a.id } },
      h('option', { attrs: { value: 'person', selected: i < 3 }, text: 'A team of students' }),
      h('option', { attrs: { value: 'computer', selected: i >= 3 }, text: 'The computer' }),
    );
    seatSelects.set(a.id, select);
    return h(
      'div',
      { class: 'seat-choice' },
      h('label', { attrs: { for: `seat-${a.id}` }, text: a.name }),
      select,
    );
  });
  const auto = h('input', { id: 'room-auto', attrs: { type: 'checkbox', checked: true } });
  const ask = () => {
    const seats = Object.fromEntries(
      [...seatSelects].map(([id, s]) => [id, s.value === 'person' ? 'person' : 'computer'] as const),
    );
    return open({ scenario: scenario.id, seed: Number(seedInput.value), seats, autoResolve: auto.checked });
  };
  const { form } = askingForm(
    'Open the room',
    ask,
    h('p', { class: 'eyebrow', text: scenario.title }),
    h('fieldset', { class: 'fieldset' }, h('legend', { text: 'Who plays each actor' }), ...seatRows),
    h('label', { class: 'field', attrs: { for: 'room-seed' } }, h('span', { text: 'Seed' })),
    seedInput,
    h('p', { class: 'hint', text: 'The same seed and the same decisions give the same game.' }),
    h(
      'div',
      { class: 'field--check' },
      auto,
      h('label', {
        attrs: { for: 'room-auto' },
        text: 'Resolve a turn as soon as every team has decided (otherwise you resolve it)',
      }),
    ),
  );
  return h(
    'main',
    { class: 'class-page' },
    h('h1', { text: 'Open a room' }),
    form,
    h('button', {
      class: 'button button--quiet',
      attrs: { type: 'button' },
      text: 'Back',
      on: { click: back },
    }),
  );
}
