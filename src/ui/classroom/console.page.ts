// The facilitator's console (teacher, White Cell): who is at which seat and whether each has decided (never what),
// the clock, pause and resume, injects from the scenario's events, overrides with a reason, seats handed to the
// computer or back to a team, resolving the turn now, and ending the game. Every action is a command the engine
// checks and the record keeps. Beside the game, the room's devices: each team's link and seat code, the devices
// waiting to be admitted, removing a device, locking a complete team's seat (the room's state, not the record's).

import { turnDate } from '../../present/cite.ts';
import type { ConsoleClientView } from '../../present/classroom-screens.ts';
import type { Command, DeviceMessage } from '../../session/classroom-protocol.ts';
import { h } from '../dom.ts';
import { qrSvg } from './qr.ts';

export type SendCommand = (command: Command) => Promise<string | null>;

const STATUS_WORDS = {
  deciding: 'deciding',
  submitted: 'decided',
  waiting: 'no decision now',
  ended: 'ended',
};
const HOLDER_WORDS = { person: 'a team', computer: 'the computer', vacant: 'nobody' };

export type Download = (format: 'json' | 'csv' | 'html') => Promise<string | null>;
export type ManageDevices = (message: DeviceMessage) => Promise<string | null>;

/** A team's own link: the join page with its seat and seat code, after a `#` so it never reaches a server log. */
export function teamLink(joinUrl: string, seat: string, code: string): string {
  return `${joinUrl}#${new URLSearchParams({ seat, code }).toString()}`;
}

/** A seat code as the console shows it, in two groups of four to read aloud; typed either way. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

export function consolePage(
  view: ConsoleClientView,
  send: SendCommand,
  joinUrl: string,
  download: Download,
  replay: () => Promise<string | null>,
  compare: () => Promise<string | null>,
  manage: ManageDevices,
): HTMLElement {
  const outcome = h('p', { class: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  outcome.hidden = true;
  const said = (refused: string | null) => {
    outcome.textContent = refused ?? '';
    outcome.hidden = !refused;
  };
  const act = (command: Command) => void send(command).then(said);
  const device = (message: DeviceMessage) => void manage(message).then(said);
  const button = (text: string, command: Command, primary = false, disabled = false) =>
    h('button', {
      class: `button${primary ? ' button--primary' : ''}`,
      attrs: { type: 'button', disabled },
      text,
      on: { click: () => act(command) },
    });
  const v = view.view;
  const phase = v.status;
  const turnText = `Turn ${v.turn.index + 1} of ${v.turn.count}: ${turnDate(v.turn)}`;
  return h(
    'main',
    { class: 'class-page class-console' },
    h(
      'header',
      { class: 'console-head' },
      h(
        'div',
        {},
        h('p', { class: 'eyebrow', text: 'Facilitator' }),
        h('h1', { text: `Room ${view.code}` }),
        h('p', { dataset: { joinUrl }, text: `Students open ${joinUrl} or scan the code.` }),
        h('a', {
          class: 'button button--quiet',
          attrs: { href: `/class/${view.code}?projector`, target: '_blank', rel: 'noopener' },
          text: 'Open the projector view',
        }),
        h('a', {
          class: 'button button--quiet',
          attrs: { href: '/class.html?pack', target: '_blank', rel: 'noopener' },
          text: 'The teacher’s pack: plans, role cards, questions',
        }),
      ),
      h('div', { class: 'console-qr' }, qrSvg(joinUrl, `QR code for ${joinUrl}`)),
    ),
    h(
      'section',
      { class: 'block', attrs: { 'aria-labelledby': 'console-game' } },
      h('h2', { id: 'console-game', text: phase === 'setup' ? 'Before the game' : turnText }),
      h('p', { text: gameLine(view) }),
      outcome,
      h(
        'div',
        { class: 'console-actions' },
        phase === 'setup' && button('Start the game', { type: 'game.start' }, true),
        phase !== 'setup' && phase !== 'ended' && !v.paused && button('Pause', { type: 'game.pause' }),
        phase !== 'setup' && phase !== 'ended' && v.paused && button('Resume', { type: 'game.resume' }, true),
        (phase === 'deciding' || phase === 'ready') &&
          button('Resolve the turn now', resolveNow(view), false, v.paused),
        phase !== 'ended' && phase !== 'setup' && endButton(act),
      ),
    ),
    view.besideOrigin &&
      h(
        'section',
        { class: 'block', attrs: { 'aria-labelledby': 'console-origin', 'data-beside-origin': '' } },
        h('h2', { id: 'console-origin', text: 'Beside the original game' }),
        h('p', {
          text: `The original game ended in: ${view.besideOrigin.was ?? 'no ending'}. This room: ${view.besideOrigin.now ?? 'no ending'}.`,
        }),
        h('p', {
          text:
            view.besideOrigin.parted === null
              ? 'The two games took the same decisions.'
              : `Their decisions parted in turn ${view.besideOrigin.parted + 1}.`,
        }),
      ),
    seatTable(view, act, device, joinUrl),
    deviceBlock(view, device),
    clockBlock(view, act),
    injectBlock(view, act),
    overrideBlock(view, act),
    exportBlock(download, replay, compare, outcome),
  );
}

function gameLine(view: ConsoleClientView): string {
  const v = view.view;
  if (v.status === 'setup') return 'Seat the teams, then start the game. Students can join at any time.';
  if (v.status === 'ended')
    return v.outcome ? `The game has ended: ${v.outcome.title.text}.` : 'The game has ended.';
  const waiting = view.seats.filter((s) => s.status === 'deciding').map((s) => s.label);
  const parts = [v.paused ? 'Paused.' : ''];
  parts.push(waiting.length ? `Still deciding: ${waiting.join(', ')}.` : 'Every seat has decided.');
  if (view.deadlineAt) parts.push(`The clock runs out at ${new Date(view.deadlineAt).toLocaleTimeString()}.`);
  return parts.filter(Boolean).join(' ');
}

/**
 * One click, one command: resolving now gives the seats still deciding what the clock would give them and resolves
 * the turn (the engine's `turn.resolve` with `now`); with every seat decided it is a plain resolve.
 */
function resolveNow(view: ConsoleClientView): Command {
  const waiting = view.seats.some((s) => s.status === 'deciding');
  return waiting
    ? { type: 'turn.resolve', turn: view.view.turn.index, now: true }
    : { type: 'turn.resolve', turn: view.view.turn.index };
}

function endButton(act: (c: Command) => void): HTMLElement {
  return h('button', {
    class: 'button',
    attrs: { type: 'button' },
    text: 'End the game and open the debrief',
    on: {
      click: () => {
        if (confirm('End the game for every screen now?')) act({ type: 'game.end' });
      },
    },
  });
}

function seatTable(
  view: ConsoleClientView,
  act: (c: Command) => void,
  device: (m: DeviceMessage) => void,
  joinUrl: string,
): HTMLElement {
  const rows = view.seats.map((s) => {
    const code = view.seatCodes?.[s.actor];
    return h(
      'tr',
      { dataset: { seat: s.actor } },
      h('th', { attrs: { scope: 'row' }, text: s.label }),
      h(
        'td',
        {},
        HOLDER_WORDS[s.holder],
        // Each team gets its own link (or types its seat code): only with it does a device take the team's seat.
        s.holder === 'person' &&
          code &&
          h('a', {
            class: 'hint console-seat-link',
            attrs: { href: teamLink(joinUrl, s.actor, code), 'data-seat-link': s.actor },
            text: ' (link for this team)',
          }),
        s.holder === 'person' &&
          code &&
          h('p', { class: 'hint', dataset: { seatCode: s.actor }, text: `Seat code: ${spacedCode(code)}` }),
        s.holder === 'person' &&
          h('button', {
            class: 'button button--quiet',
            attrs: { type: 'button', 'data-lock-seat': s.actor, 'aria-pressed': String(s.locked) },
            text: s.locked ? 'Locked: unlock' : 'Lock (team complete)',
            on: { click: () => device({ action: 'lock', seat: s.actor, locked: !s.locked }) },
          }),
      ),
      h('td', { dataset: { status: s.status }, text: STATUS_WORDS[s.status] }),
      h('td', {
        text:
          s.holder === 'person'
            ? `${s.devices} device${s.devices === 1 ? '' : 's'}${s.names.length ? `: ${s.names.join(', ')}` : ''}`
            : '—',
      }),
      h(
        'td',
        {},
        ...(['person', 'computer', 'vacant'] as const)
          .filter((holder) => holder !== s.holder)
          .map((holder) =>
            h('button', {
              class: 'button button--quiet',
              attrs: { type: 'button' },
              text:
                holder === 'person'
                  ? 'Give to a team'
                  : holder === 'computer'
                    ? 'Give to the computer'
                    : 'Leave vacant',
              on: { click: () => act({ type: 'seat.set', actor: s.actor, holder }) },
            }),
          ),
      ),
    );
  });
  return h(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'console-seats' } },
    h('h2', { id: 'console-seats', text: 'Seats' }),
    h(
      'table',
      { class: 'console-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Actor', 'Held by', 'This turn', 'Connected', 'Hand over'].map((t) =>
            h('th', { attrs: { scope: 'col' }, text: t }),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

/** Every student device the room knows: where it sits or what it asks for, admit, remove. */
function deviceBlock(view: ConsoleClientView, device: (m: DeviceMessage) => void): HTMLElement {
  const label = (actor: string | null) =>
    actor === null ? 'lobby' : (view.seats.find((s) => s.actor === actor)?.label ?? actor);
  const rows = view.devices.map((d) =>
    h(
      'tr',
      { dataset: { device: d.id } },
      h('td', { text: d.name ?? '(no name)' }),
      h('td', { text: d.asking ? `lobby, asks for ${label(d.asking)}` : label(d.seat) }),
      h('td', { text: d.connected ? 'connected' : 'not connected' }),
      h(
        'td',
        {},
        d.asking &&
          d.connected &&
          h('button', {
            class: 'button',
            attrs: { type: 'button', 'data-admit': d.id },
            text: `Admit to ${label(d.asking)}`,
            on: { click: () => device({ action: 'admit', device: d.id }) },
          }),
        h('button', {
          class: 'button button--quiet',
          attrs: { type: 'button', 'data-remove': d.id },
          text: 'Remove',
          on: {
            click: () => {
              if (confirm('Remove this device? It cannot come back with its place.'))
                device({ action: 'remove', device: d.id });
            },
          },
        }),
      ),
    ),
  );
  return h(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'console-devices' } },
    h('h2', { id: 'console-devices', text: 'Devices' }),
    rows.length === 0
      ? h('p', { text: 'No student device has joined yet.' })
      : h(
          'table',
          { class: 'console-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Name', 'Seat', 'Connection', 'Manage'].map((t) =>
                h('th', { attrs: { scope: 'col' }, text: t }),
              ),
            ),
          ),
          h('tbody', {}, ...rows),
        ),
  );
}

function clockBlock(view: ConsoleClientView, act: (c: Command) => void): HTMLElement {
  const seconds = h('input', {
    id: 'clock-seconds',
    attrs: { type: 'number', min: 5, max: 86400, step: 5, value: view.deadline?.seconds ?? 300 },
  });
  const onExpiry = h(
    'select',
    { id: 'clock-expiry' },
    h('option', {
      attrs: { value: 'computer', selected: view.deadline?.onExpiry !== 'default' },
      text: 'the computer decides for them',
    }),
    h('option', {
      attrs: { value: 'default', selected: view.deadline?.onExpiry === 'default' },
      text: 'they take their default option',
    }),
  );
  const defaults = new Map<string, HTMLSelectElement>();
  const defaultRows = view.seats
    .filter((s) => s.options.length > 0)
    .map((s) => {
      const select = h(
        'select',
        { id: `default-${s.actor}` },
        h('option', { attrs: { value: '' }, text: 'the computer’s choice' }),
        ...s.options.map((o) =>
          h('option', {
            attrs: { value: o.id, selected: view.deadline?.defaults[s.actor] === o.id },
            text: o.label,
          }),
        ),
      );
      defaults.set(s.actor, select);
      return h(
        'div',
        { class: 'seat-choice' },
        h('label', { attrs: { for: `default-${s.actor}` }, text: s.label }),
        select,
      );
    });
  const set = () => {
    const named = Object.fromEntries(
      [...defaults].filter(([, sel]) => sel.value).map(([a, sel]) => [a, sel.value]),
    );
    act({
      type: 'deadline.set',
      seconds: Number(seconds.value),
      onExpiry: onExpiry.value === 'default' ? 'default' : 'computer',
      defaults: named,
    });
  };
  return h(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'console-clock' } },
    h('h2', { id: 'console-clock', text: 'Turn clock' }),
    h('p', {
      text: view.deadline?.seconds
        ? `Each turn has ${view.deadline.seconds} seconds.`
        : 'No clock: turns wait for every team.',
    }),
    h('label', { class: 'field', attrs: { for: 'clock-seconds' } }, h('span', { text: 'Seconds per turn' })),
    seconds,
    h(
      'label',
      { class: 'field', attrs: { for: 'clock-expiry' } },
      h('span', { text: 'When it runs out, the seats still deciding' }),
    ),
    onExpiry,
    defaultRows.length > 0 &&
      h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { text: 'Default options this turn' }),
        ...defaultRows,
      ),
    h(
      'div',
      { class: 'console-actions' },
      h('button', { class: 'button', attrs: { type: 'button' }, text: 'Set the clock', on: { click: set } }),
      view.deadline?.seconds != null &&
        h('button', {
          class: 'button button--quiet',
          attrs: { type: 'button' },
          text: 'No clock',
          on: { click: () => act({ type: 'deadline.set', seconds: null, onExpiry: 'computer' }) },
        }),
    ),
  );
}

function injectBlock(view: ConsoleClientView, act: (c: Command) => void): HTMLElement {
  const items = view.injects.map((e) =>
    h(
      'li',
      { dataset: { inject: e.id } },
      h('span', { text: e.headline }),
      e.counterfactual && h('span', { class: 'badge', text: 'did not happen' }),
      e.fired
        ? h('span', { class: 'hint', text: ' (has happened)' })
        : e.queued
          ? h('span', { class: 'hint', text: ' (at the next resolution)' })
          : false,
      !e.fired &&
        h('button', {
          class: 'button button--quiet',
          attrs: { type: 'button' },
          text: 'Fire now',
          on: { click: () => act({ type: 'inject.fire', event: e.id, at: 'now' }) },
        }),
      !e.fired &&
        !e.queued &&
        h('button', {
          class: 'button button--quiet',
          attrs: { type: 'button' },
          text: 'At the next resolution',
          on: { click: () => act({ type: 'inject.fire', event: e.id, at: 'next-resolution' }) },
        }),
    ),
  );
  return h(
    'details',
    { class: 'block more' },
    h('summary', { text: `Injects: the scenario's events (${view.injects.length})` }),
    h('ul', { class: 'inject-list' }, ...items),
  );
}

function overrideBlock(view: ConsoleClientView, act: (c: Command) => void): HTMLElement {
  const which = h(
    'select',
    { id: 'override-indicator' },
    ...view.indicators.map((i) =>
      h('option', { attrs: { value: i.id }, text: `${i.label} (now ${i.value})` }),
    ),
  );
  const value = h('input', {
    id: 'override-value',
    attrs: { type: 'number', min: 0, max: 100, value: view.indicators[0]?.value ?? 50 },
  });
  const reason = h('input', { id: 'override-reason', attrs: { maxlength: 500, required: true } });
  return h(
    'details',
    { class: 'block more' },
    h('summary', { text: 'Set an indicator (the reason is shown in the debrief)' }),
    h('label', { class: 'field', attrs: { for: 'override-indicator' } }, h('span', { text: 'Indicator' })),
    which,
    h('label', { class: 'field', attrs: { for: 'override-value' } }, h('span', { text: 'New value' })),
    value,
    h('label', { class: 'field', attrs: { for: 'override-reason' } }, h('span', { text: 'Why' })),
    reason,
    h('button', {
      class: 'button',
      attrs: { type: 'button' },
      text: 'Set it',
      on: {
        click: () =>
          act({
            type: 'indicator.override',
            indicator: which.value,
            value: Number(value.value),
            reason: reason.value,
          }),
      },
    }),
  );
}

/** The room's exports: no student's name is in either, only seats. */
function exportBlock(
  download: Download,
  replay: () => Promise<string | null>,
  compare: () => Promise<string | null>,
  outcome: HTMLElement,
): HTMLElement {
  // Each asks the server something; a refusal is said in the console's one status line.
  const button = (text: string, data: string, ask: () => Promise<string | null>) => {
    const [name, value = ''] = data.split('=');
    return h('button', {
      class: 'button',
      attrs: { type: 'button', [`data-${name}`]: value },
      text,
      on: {
        click: () =>
          void ask().then((refused) => {
            outcome.textContent = refused ?? '';
            outcome.hidden = !refused;
          }),
      },
    });
  };
  return h(
    'section',
    { class: 'block', attrs: { 'aria-labelledby': 'console-export' } },
    h('h2', { id: 'console-export', text: 'Exports' }),
    h('p', { class: 'hint', text: 'Seats and decisions only: no student’s name is in them.' }),
    h(
      'div',
      { class: 'console-actions' },
      button('Compare the groups (every room run from this browser; a new tab)', 'compare-rooms', compare),
      button('Replay this game, turn by turn (a new tab)', 'replay-room', replay),
      button('The after-action report (to print or save as PDF)', 'export=html', () => download('html')),
      button('The decisions (CSV, for a spreadsheet)', 'export=csv', () => download('csv')),
      button('The game’s record (JSON, for npm run replay)', 'export=json', () => download('json')),
    ),
  );
}
