// The facilitator's console (teacher, White Cell): who is at which seat and whether each has decided (never what),
// the clock, pause and resume, injects from the scenario's events, overrides with a reason, seats handed to the
// computer or back to a team, resolving the turn now, and ending the game. Every action is a command the engine
// checks and the record keeps. Beside the game, the room's devices: each team's link and seat code, the devices
// waiting to be admitted, removing a device, locking a complete team's seat (the room's state, not the record's).
//
// The page is a template of the view: each new view patches the DOM in place, so what the facilitator is doing
// (a half-typed reason, an open list, the focus) survives other devices acting. No field's current value is bound:
// a field's `value` attribute is only its default, and an action reads the fields when it is taken.

import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { turnDate } from '../../present/cite.ts';
import type { ConsoleClientView } from '../../present/classroom-screens.ts';
import type { Command, DeviceMessage } from '../../session/classroom-protocol.ts';
import { memoQr } from './qr.ts';

export type SendCommand = (command: Command) => Promise<string | null>;
export type Download = (format: 'json' | 'csv' | 'html') => Promise<string | null>;
export type ManageDevices = (message: DeviceMessage) => Promise<string | null>;

export interface ConsoleActions {
  send: SendCommand;
  manage: ManageDevices;
  download: Download;
  replay(): Promise<string | null>;
  compare(): Promise<string | null>;
  /** Says the answer to any of the above in the console's one status line (a refusal, or nothing). */
  say(answer: Promise<string | null>): void;
}

/** What the console shows beside the room's view: where students join, the status line, the loopback warning. */
export interface ConsoleState {
  joinUrl: string;
  said: string | null;
  warning: string | null;
}

const STATUS_WORDS = {
  deciding: 'deciding',
  submitted: 'decided',
  waiting: 'no decision now',
  ended: 'ended',
};
const HOLDER_WORDS = { person: 'a team', computer: 'the computer', vacant: 'nobody' };
const HAND_OVER = { person: 'Give to a team', computer: 'Give to the computer', vacant: 'Leave vacant' };

/** A team's own link: the join page with its seat and seat code, after a `#` so it never reaches a server log. */
export function teamLink(joinUrl: string, seat: string, code: string): string {
  return `${joinUrl}#${new URLSearchParams({ seat, code }).toString()}`;
}

/** A seat code as the console shows it, in two groups of four to read aloud; typed either way. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

type Act = (command: Command) => void;

export function consolePage(
  view: ConsoleClientView,
  state: ConsoleState,
  actions: ConsoleActions,
): TemplateResult {
  const act: Act = (command) => actions.say(actions.send(command));
  const v = view.view;
  const phase = v.status;
  const live = phase !== 'setup' && phase !== 'ended';
  const turnText = `Turn ${v.turn.index + 1} of ${v.turn.count}: ${turnDate(v.turn)}`;
  const button = (text: string, command: Command, primary = false, disabled = false) =>
    html`<button class=${`button${primary ? ' button--primary' : ''}`} type="button" ?disabled=${disabled}
      @click=${() => act(command)}>${text}</button>`;
  const { joinUrl } = state;
  return html`<main class="class-page class-console">
    <header class="console-head">
      <div>
        <p class="eyebrow">Facilitator</p>
        <h1>Room ${view.code}</h1>
        <p data-join-url=${joinUrl}>Students open ${joinUrl} or scan the code.</p>
        <a class="button button--quiet" href=${`/class/${view.code}?projector`} target="_blank" rel="noopener">Open the projector view</a>
        <a class="button button--quiet" href="/class.html?pack" target="_blank" rel="noopener">The teacher’s pack: plans, role cards, questions</a>
      </div>
      <div class="console-qr">${memoQr(joinUrl, `QR code for ${joinUrl}`)}</div>
    </header>
    ${state.warning ? html`<p class="notice class-loopback" role="note">${state.warning}</p>` : nothing}
    <section class="block" aria-labelledby="console-game">
      <h2 id="console-game">${phase === 'setup' ? 'Before the game' : turnText}</h2>
      <p>${gameLine(view)}</p>
      <p class="notice" role="status" aria-live="polite" ?hidden=${!state.said}>${state.said ?? ''}</p>
      <div class="console-actions">
        ${phase === 'setup' ? button('Start the game', { type: 'game.start' }, true) : nothing}
        ${live && !v.paused ? button('Pause', { type: 'game.pause' }) : nothing}
        ${live && v.paused ? button('Resume', { type: 'game.resume' }, true) : nothing}
        ${
          phase === 'deciding' || phase === 'ready'
            ? button('Resolve the turn now', resolveNow(view), false, v.paused)
            : nothing
        }
        ${live ? endButton(act) : nothing}
      </div>
    </section>
    ${view.besideOrigin ? besideOrigin(view.besideOrigin) : nothing}
    ${seatTable(view, act, actions, joinUrl)}
    ${deviceBlock(view, actions)}
    ${clockBlock(view, act)}
    ${injectBlock(view, act)}
    ${overrideBlock(view, act)}
    ${exportBlock(actions)}
  </main>`;
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

function endButton(act: Act): TemplateResult {
  const end = () => {
    if (confirm('End the game for every screen now?')) act({ type: 'game.end' });
  };
  return html`<button class="button" type="button" @click=${end}>End the game and open the debrief</button>`;
}

function besideOrigin(b: NonNullable<ConsoleClientView['besideOrigin']>): TemplateResult {
  return html`<section class="block" aria-labelledby="console-origin" data-beside-origin="">
    <h2 id="console-origin">Beside the original game</h2>
    <p>The original game ended in: ${b.was ?? 'no ending'}. This room: ${b.now ?? 'no ending'}.</p>
    <p>${
      b.parted === null
        ? 'The two games took the same decisions.'
        : `Their decisions parted in turn ${b.parted + 1}.`
    }</p>
  </section>`;
}

function seatTable(
  view: ConsoleClientView,
  act: Act,
  actions: ConsoleActions,
  joinUrl: string,
): TemplateResult {
  const lock = (actor: string, locked: boolean) =>
    actions.say(actions.manage({ action: 'lock', seat: actor, locked }));
  const row = (s: ConsoleClientView['seats'][number]) => {
    const code = view.seatCodes?.[s.actor];
    const person = s.holder === 'person';
    // Each team gets its own link (or types its seat code): only with it does a device take the team's seat.
    const held = html`${HOLDER_WORDS[s.holder]}${
      person && code
        ? html`<a class="hint console-seat-link" href=${teamLink(joinUrl, s.actor, code)} data-seat-link=${s.actor}> (link for this team)</a><p class="hint" data-seat-code=${s.actor}>Seat code: ${spacedCode(code)}</p>`
        : nothing
    }${
      person
        ? html`<button class="button button--quiet" type="button" data-lock-seat=${s.actor}
            aria-pressed=${String(s.locked)} @click=${() => lock(s.actor, !s.locked)}>${
              s.locked ? 'Locked: unlock' : 'Lock (team complete)'
            }</button>`
        : nothing
    }`;
    const connected = person
      ? `${s.devices} device${s.devices === 1 ? '' : 's'}${s.names.length ? `: ${s.names.join(', ')}` : ''}`
      : '—';
    const others = (['person', 'computer', 'vacant'] as const).filter((holder) => holder !== s.holder);
    return html`<tr data-seat=${s.actor}>
      <th scope="row">${s.label}</th>
      <td>${held}</td>
      <td data-status=${s.status}>${STATUS_WORDS[s.status]}</td>
      <td>${connected}</td>
      <td>${repeat(
        others,
        (holder) => holder,
        (holder) => html`<button class="button button--quiet" type="button"
          @click=${() => act({ type: 'seat.set', actor: s.actor, holder })}>${HAND_OVER[holder]}</button>`,
      )}</td>
    </tr>`;
  };
  return html`<section class="block" aria-labelledby="console-seats">
    <h2 id="console-seats">Seats</h2>
    <table class="console-table">
      <thead><tr>${['Actor', 'Held by', 'This turn', 'Connected', 'Hand over'].map(
        (t) => html`<th scope="col">${t}</th>`,
      )}</tr></thead>
      <tbody>${repeat(view.seats, (s) => s.actor, row)}</tbody>
    </table>
  </section>`;
}

/** Every student device the room knows: where it sits or what it asks for, admit, remove. */
function deviceBlock(view: ConsoleClientView, actions: ConsoleActions): TemplateResult {
  const label = (actor: string | null) =>
    actor === null ? 'lobby' : (view.seats.find((s) => s.actor === actor)?.label ?? actor);
  const device = (message: DeviceMessage) => actions.say(actions.manage(message));
  const remove = (id: string) => {
    if (confirm('Remove this device? It cannot come back with its place.'))
      device({ action: 'remove', device: id });
  };
  const row = (d: ConsoleClientView['devices'][number]) => html`<tr data-device=${d.id}>
    <td>${d.name ?? '(no name)'}</td>
    <td>${d.asking ? `lobby, asks for ${label(d.asking)}` : label(d.seat)}</td>
    <td>${d.connected ? 'connected' : 'not connected'}</td>
    <td>${
      d.asking && d.connected
        ? html`<button class="button" type="button" data-admit=${d.id}
            @click=${() => device({ action: 'admit', device: d.id })}>Admit to ${label(d.asking)}</button>`
        : nothing
    }<button class="button button--quiet" type="button" data-remove=${d.id} @click=${() => remove(d.id)}>Remove</button></td>
  </tr>`;
  return html`<section class="block" aria-labelledby="console-devices">
    <h2 id="console-devices">Devices</h2>
    ${
      view.devices.length === 0
        ? html`<p>No student device has joined yet.</p>`
        : html`<table class="console-table">
          <thead><tr>${['Name', 'Seat', 'Connection', 'Manage'].map((t) => html`<th scope="col">${t}</th>`)}</tr></thead>
          <tbody>${repeat(view.devices, (d) => d.id, row)}</tbody>
        </table>`
    }
  </section>`;
}

/** A console field's current value, read when the facilitator acts. */
function fieldNow(id: string): string {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value : '';
}

function clockBlock(view: ConsoleClientView, act: Act): TemplateResult {
  const withOptions = view.seats.filter((s) => s.options.length > 0);
  const set = () => {
    const named = Object.fromEntries(
      withOptions.map((s) => [s.actor, fieldNow(`default-${s.actor}`)]).filter(([, value]) => value),
    );
    act({
      type: 'deadline.set',
      seconds: Number(fieldNow('clock-seconds')),
      onExpiry: fieldNow('clock-expiry') === 'default' ? 'default' : 'computer',
      defaults: named,
    });
  };
  const defaults = repeat(
    withOptions,
    (s) => s.actor,
    (s) => html`<div class="seat-choice">
      <label for=${`default-${s.actor}`}>${s.label}</label>
      <select id=${`default-${s.actor}`}>
        <option value="">the computer’s choice</option>
        ${s.options.map(
          (o) =>
            html`<option value=${o.id} ?selected=${view.deadline?.defaults[s.actor] === o.id}>${o.label}</option>`,
        )}
      </select>
    </div>`,
  );
  return html`<section class="block" aria-labelledby="console-clock">
    <h2 id="console-clock">Turn clock</h2>
    <p>${
      view.deadline?.seconds
        ? `Each turn has ${view.deadline.seconds} seconds.`
        : 'No clock: turns wait for every team.'
    }</p>
    <label class="field" for="clock-seconds"><span>Seconds per turn</span></label>
    <input id="clock-seconds" type="number" min="5" max="86400" step="5" value=${view.deadline?.seconds ?? 300}>
    <label class="field" for="clock-expiry"><span>When it runs out, the seats still deciding</span></label>
    <select id="clock-expiry">
      <option value="computer" ?selected=${view.deadline?.onExpiry !== 'default'}>the computer decides for them</option>
      <option value="default" ?selected=${view.deadline?.onExpiry === 'default'}>they take their default option</option>
    </select>
    ${
      withOptions.length > 0
        ? html`<fieldset class="fieldset"><legend>Default options this turn</legend>${defaults}</fieldset>`
        : nothing
    }
    <div class="console-actions">
      <button class="button" type="button" @click=${set}>Set the clock</button>
      ${
        view.deadline?.seconds != null
          ? html`<button class="button button--quiet" type="button"
              @click=${() => act({ type: 'deadline.set', seconds: null, onExpiry: 'computer' })}>No clock</button>`
          : nothing
      }
    </div>
  </section>`;
}

function injectBlock(view: ConsoleClientView, act: Act): TemplateResult {
  const item = (e: ConsoleClientView['injects'][number]) => html`<li data-inject=${e.id}>
    <span>${e.headline}</span>
    ${e.counterfactual ? html`<span class="badge">did not happen</span>` : nothing}
    ${
      e.fired
        ? html`<span class="hint"> (has happened)</span>`
        : e.queued
          ? html`<span class="hint"> (at the next resolution)</span>`
          : nothing
    }
    ${
      e.fired
        ? nothing
        : html`<button class="button button--quiet" type="button"
            @click=${() => act({ type: 'inject.fire', event: e.id, at: 'now' })}>Fire now</button>`
    }
    ${
      e.fired || e.queued
        ? nothing
        : html`<button class="button button--quiet" type="button"
            @click=${() => act({ type: 'inject.fire', event: e.id, at: 'next-resolution' })}>At the next resolution</button>`
    }
  </li>`;
  return html`<details class="block more" data-console-injects="">
    <summary>Injects: the scenario's events (${view.injects.length})</summary>
    <ul class="inject-list">${repeat(view.injects, (e) => e.id, item)}</ul>
  </details>`;
}

function overrideBlock(view: ConsoleClientView, act: Act): TemplateResult {
  const set = () =>
    act({
      type: 'indicator.override',
      indicator: fieldNow('override-indicator'),
      value: Number(fieldNow('override-value')),
      reason: fieldNow('override-reason'),
    });
  return html`<details class="block more" data-console-override="">
    <summary>Set an indicator (the reason is shown in the debrief)</summary>
    <label class="field" for="override-indicator"><span>Indicator</span></label>
    <select id="override-indicator">${repeat(
      view.indicators,
      (i) => i.id,
      (i) => html`<option value=${i.id}>${i.label} (now ${i.value})</option>`,
    )}</select>
    <label class="field" for="override-value"><span>New value</span></label>
    <input id="override-value" type="number" min="0" max="100" value=${view.indicators[0]?.value ?? 50}>
    <label class="field" for="override-reason"><span>Why</span></label>
    <input id="override-reason" maxlength="500" required>
    <button class="button" type="button" @click=${set}>Set it</button>
  </details>`;
}

/** The room's exports: no student's name is in either, only seats. */
function exportBlock(actions: ConsoleActions): TemplateResult {
  // Each asks the server something; a refusal is said in the console's one status line.
  const ask = (answer: () => Promise<string | null>) => () => actions.say(answer());
  return html`<section class="block" aria-labelledby="console-export">
    <h2 id="console-export">Exports</h2>
    <p class="hint">Seats and decisions only: no student’s name is in them.</p>
    <div class="console-actions">
      <button class="button" type="button" data-compare-rooms="" @click=${ask(actions.compare)}>Compare the groups (every room run from this browser; a new tab)</button>
      <button class="button" type="button" data-replay-room="" @click=${ask(actions.replay)}>Replay this game, turn by turn (a new tab)</button>
      <button class="button" type="button" data-export="html" @click=${ask(() => actions.download('html'))}>The after-action report (to print or save as PDF)</button>
      <button class="button" type="button" data-export="csv" @click=${ask(() => actions.download('csv'))}>The decisions (CSV, for a spreadsheet)</button>
      <button class="button" type="button" data-export="json" @click=${ask(() => actions.download('json'))}>The game’s record (JSON, for npm run replay)</button>
    </div>
  </section>`;
}
