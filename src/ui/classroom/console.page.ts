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
import { isolate, language, t } from '../../present/i18n/i18n.ts';
import { talkModelOf } from '../../present/talk-wire.ts';
import type { Command, DeviceMessage } from '../../session/classroom-protocol.ts';
import { memoQr } from './qr.ts';
import { rulingsBlock } from './rulings.part.ts';
import { saidItem, talkRuleLine } from './talk.part.ts';

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

// Functions, not constants: each word is read in the language of the moment.
const statusWords = () => ({
  deciding: t('console.status.deciding'),
  submitted: t('console.status.decided'),
  waiting: t('console.status.waiting'),
  ended: t('console.status.ended'),
});
const holderWords = () => ({
  person: t('console.holder.team'),
  computer: t('console.holder.computer'),
  vacant: t('console.holder.nobody'),
});
const handOver = () => ({
  person: t('console.handOver.team'),
  computer: t('console.handOver.computer'),
  vacant: t('console.handOver.vacant'),
});

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
  const turnText = t('console.turn', {
    turn: v.turn.index + 1,
    total: v.turn.count,
    date: isolate(turnDate(v.turn)),
  });
  const button = (text: string, command: Command, primary = false, disabled = false) =>
    html`<button class=${`button${primary ? ' button--primary' : ''}`} type="button" ?disabled=${disabled}
      @click=${() => act(command)}>${text}</button>`;
  const { joinUrl } = state;
  return html`<main class="class-page class-console">
    <header class="console-head">
      <div>
        <p class="eyebrow">${t('console.facilitator')}</p>
        <h1>${t('class.roomLabel', { code: isolate(view.code) })}</h1>
        <p data-join-url=${joinUrl}>${t('console.studentsOpen', { url: isolate(joinUrl) })}</p>
        <a class="button button--quiet" href=${`/class/${view.code}?projector`} target="_blank" rel="noopener">${t('console.openProjector')}</a>
        <a class="button button--quiet" href="/class.html?pack" target="_blank" rel="noopener">${t('console.pack')}</a>
      </div>
      <div class="console-qr">${memoQr(joinUrl, t('console.qr', { url: isolate(joinUrl) }))}</div>
    </header>
    ${state.warning ? html`<p class="notice class-loopback" role="note">${state.warning}</p>` : nothing}
    <section class="block" aria-labelledby="console-game">
      <h2 id="console-game">${phase === 'setup' ? t('console.beforeGame') : turnText}</h2>
      <p>${gameLine(view)}</p>
      <p class="notice" role="status" aria-live="polite" ?hidden=${!state.said}>${state.said ?? ''}</p>
      <div class="console-actions">
        ${phase === 'setup' ? button(t('console.start'), { type: 'game.start' }, true) : nothing}
        ${live && !v.paused ? button(t('console.pause'), { type: 'game.pause' }) : nothing}
        ${live && v.paused ? button(t('console.resume'), { type: 'game.resume' }, true) : nothing}
        ${
          phase === 'deciding' || phase === 'ready'
            ? button(t('console.resolveNow'), resolveNow(view), false, v.paused)
            : nothing
        }
        ${live ? endButton(act) : nothing}
      </div>
    </section>
    ${view.besideOrigin ? besideOrigin(view.besideOrigin) : nothing}
    ${seatTable(view, act, actions, joinUrl)}
    ${deviceBlock(view, actions)}
    ${talkBlock(view, act, actions)}
    ${rulingsBlock(view.deals, act, (line) => actions.say(Promise.resolve(line)))}
    ${clockBlock(view, act)}
    ${injectBlock(view, act)}
    ${overrideBlock(view, act)}
    ${exportBlock(actions)}
  </main>`;
}

function gameLine(view: ConsoleClientView): string {
  const v = view.view;
  if (v.status === 'setup') return t('console.line.setup');
  if (v.status === 'ended')
    return v.outcome ? t('console.line.endedIn', { ending: v.outcome.title.text }) : t('console.line.ended');
  const waiting = view.seats.filter((s) => s.status === 'deciding').map((s) => isolate(s.label));
  const parts = [v.paused ? t('console.line.paused') : ''];
  parts.push(
    waiting.length
      ? t('console.line.stillDeciding', { seats: waiting.join(t('seat.nameSeparator')) })
      : t('console.line.allDecided'),
  );
  // English keeps the browser's own time format, as before; another language writes the time its own way.
  const locale = language() === 'en' ? undefined : language();
  if (view.deadlineAt)
    parts.push(
      t('console.line.clockAt', { time: isolate(new Date(view.deadlineAt).toLocaleTimeString(locale)) }),
    );
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
    if (confirm(t('console.endConfirm'))) act({ type: 'game.end' });
  };
  return html`<button class="button" type="button" @click=${end}>${t('console.end')}</button>`;
}

function besideOrigin(b: NonNullable<ConsoleClientView['besideOrigin']>): TemplateResult {
  return html`<section class="block" aria-labelledby="console-origin" data-beside-origin="">
    <h2 id="console-origin">${t('console.origin')}</h2>
    <p>${t('console.originEndings', { was: b.was ?? t('console.noEnding'), now: b.now ?? t('console.noEnding') })}</p>
    <p>${b.parted === null ? t('console.sameDecisions') : t('console.parted', { turn: b.parted + 1 })}</p>
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
    const held = html`${holderWords()[s.holder]}${
      person && code
        ? html`<a class="hint console-seat-link" href=${teamLink(joinUrl, s.actor, code)} data-seat-link=${s.actor}>${t('console.teamLink')}</a><p class="hint" data-seat-code=${s.actor}>${t('console.seatCode', { code: isolate(spacedCode(code)) })}</p>`
        : nothing
    }${
      person
        ? html`<button class="button button--quiet" type="button" data-lock-seat=${s.actor}
            aria-pressed=${String(s.locked)} @click=${() => lock(s.actor, !s.locked)}>${
              s.locked ? t('console.unlock') : t('console.lock')
            }</button>`
        : nothing
    }`;
    const names = s.names.map(isolate).join(t('seat.nameSeparator'));
    const connected = person
      ? `${t('console.devices', { count: s.devices })}${s.names.length ? t('console.names', { names }) : ''}`
      : '—';
    const others = (['person', 'computer', 'vacant'] as const).filter((holder) => holder !== s.holder);
    return html`<tr data-seat=${s.actor}>
      <th scope="row">${s.label}</th>
      <td>${held}</td>
      <td data-status=${s.status}>${statusWords()[s.status]}</td>
      <td>${connected}</td>
      <td>${repeat(
        others,
        (holder) => holder,
        (holder) => html`<button class="button button--quiet" type="button"
          @click=${() => act({ type: 'seat.set', actor: s.actor, holder })}>${handOver()[holder]}</button>`,
      )}</td>
    </tr>`;
  };
  return html`<section class="block" aria-labelledby="console-seats">
    <h2 id="console-seats">${t('console.seats')}</h2>
    <table class="console-table">
      <thead><tr>${[
        t('console.col.actor'),
        t('console.col.heldBy'),
        t('console.col.thisTurn'),
        t('console.col.connected'),
        t('console.col.handOver'),
      ].map((text) => html`<th scope="col">${text}</th>`)}</tr></thead>
      <tbody>${repeat(view.seats, (s) => s.actor, row)}</tbody>
    </table>
  </section>`;
}

/** Every student device the room knows: where it sits or what it asks for, admit, remove. */
function deviceBlock(view: ConsoleClientView, actions: ConsoleActions): TemplateResult {
  const label = (actor: string | null) =>
    actor === null ? t('console.lobby') : (view.seats.find((s) => s.actor === actor)?.label ?? actor);
  const device = (message: DeviceMessage) => actions.say(actions.manage(message));
  const remove = (id: string) => {
    if (confirm(t('console.removeConfirm'))) device({ action: 'remove', device: id });
  };
  const row = (d: ConsoleClientView['devices'][number]) => html`<tr data-device=${d.id}>
    <td>${d.name ?? t('console.noName')}</td>
    <td>${d.asking ? t('console.asksFor', { seat: label(d.asking) }) : label(d.seat)}</td>
    <td>${d.connected ? t('console.connected') : t('console.notConnected')}</td>
    <td>${muteButton(d, device)}${
      d.asking && d.connected
        ? html`<button class="button" type="button" data-admit=${d.id}
            @click=${() => device({ action: 'admit', device: d.id })}>${t('console.admit', { seat: label(d.asking) })}</button>`
        : nothing
    }<button class="button button--quiet" type="button" data-remove=${d.id} @click=${() => remove(d.id)}>${t('console.remove')}</button></td>
  </tr>`;
  return html`<section class="block" aria-labelledby="console-devices">
    <h2 id="console-devices">${t('console.devicesHeading')}</h2>
    ${
      view.devices.length === 0
        ? html`<p>${t('console.noDevice')}</p>`
        : html`<table class="console-table">
          <thead><tr>${[
            t('console.col.name'),
            t('console.col.seat'),
            t('console.col.connection'),
            t('console.col.manage'),
          ].map((text) => html`<th scope="col">${text}</th>`)}</tr></thead>
          <tbody>${repeat(view.devices, (d) => d.id, row)}</tbody>
        </table>`
    }
  </section>`;
}

/** Mute or unmute a device: its statements and messages are refused while it is muted (the room's state). */
function muteButton(
  d: ConsoleClientView['devices'][number],
  device: (message: DeviceMessage) => void,
): TemplateResult {
  return html`<button class="button button--quiet" type="button" data-mute=${d.id} aria-pressed=${String(d.muted)}
    @click=${() => device({ action: 'mute', device: d.id, muted: !d.muted })}>${
      d.muted ? t('console.unmute') : t('console.mute')
    }</button>`;
}

/**
 * The room's talk: its level and approval (commands in the record), and everything said, newest first, with
 * "Approve" for a statement waiting and "Hide" with a reason for anything still shown.
 */
function talkBlock(view: ConsoleClientView, act: Act, actions: ConsoleActions): TemplateResult {
  const talk = talkModelOf(view.talk);
  const set = () => {
    const level = fieldNow('talk-level');
    const approve = document.getElementById('talk-approve');
    act({
      type: 'talk.set',
      level: level === 'none' || level === 'statements' ? level : 'all',
      approve: approve instanceof HTMLInputElement && approve.checked,
    });
  };
  const hide = (n: number) => {
    const reason = fieldNow(`hide-reason-${n}`).trim();
    if (!reason) actions.say(Promise.resolve(t('console.hideNeedsReason')));
    else act({ type: 'said.hide', n, reason });
  };
  const controls = (n: number, waiting: boolean, hidden: boolean) =>
    hidden
      ? nothing
      : html`<div class="console-actions">${
          waiting
            ? html`<button class="button" type="button" data-approve=${String(n)}
                @click=${() => act({ type: 'statement.approve', n })}>${t('console.approve')}</button>`
            : nothing
        }<label class="field" for=${`hide-reason-${n}`}><span>${t('console.hideWhy')}</span></label>
        <input id=${`hide-reason-${n}`} maxlength="500">
        <button class="button button--quiet" type="button" data-hide=${String(n)}
          @click=${() => hide(n)}>${t('console.hide')}</button></div>`;
  const levels = [
    ['none', t('console.talkNone')],
    ['statements', t('console.talkStatements')],
    ['all', t('console.talkAll')],
  ] as const;
  return html`<section class="block" aria-labelledby="console-talk" data-console-talk="">
    <h2 id="console-talk">${t('console.talk')}</h2>
    <p data-talk-rule="">${talkRuleLine(talk)}</p>
    <label class="field" for="talk-level"><span>${t('console.talkLevel')}</span></label>
    <select id="talk-level">${levels.map(
      ([value, text]) => html`<option value=${value} ?selected=${talk.level === value}>${text}</option>`,
    )}</select>
    <label class="talk-seat" for="talk-approve"><input type="checkbox" id="talk-approve"
      ?checked=${talk.approve}> ${t('console.talkApprove')}</label>
    <button class="button" type="button" data-talk-set="" @click=${set}>${t('console.talkSet')}</button>
    <h3>${t('console.saidHeading')}</h3>
    ${
      talk.said.length === 0
        ? html`<p class="hint">${t('talk.nothing')}</p>`
        : html`<ol class="said-list" data-said-list="">${repeat(
            talk.said,
            (l) => l.n,
            (l) => saidItem(l, controls(l.n, l.waiting, l.hidden !== null)),
          )}</ol>`
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
        <option value="">${t('console.computerChoice')}</option>
        ${s.options.map(
          (o) =>
            html`<option value=${o.id} ?selected=${view.deadline?.defaults[s.actor] === o.id}>${o.label}</option>`,
        )}
      </select>
    </div>`,
  );
  return html`<section class="block" aria-labelledby="console-clock">
    <h2 id="console-clock">${t('console.clock')}</h2>
    <p>${
      view.deadline?.seconds
        ? t('console.clockEach', { count: view.deadline.seconds })
        : t('console.clockNone')
    }</p>
    <label class="field" for="clock-seconds"><span>${t('console.clockSeconds')}</span></label>
    <input id="clock-seconds" type="number" min="5" max="86400" step="5" value=${view.deadline?.seconds ?? 300}>
    <label class="field" for="clock-expiry"><span>${t('console.clockExpiry')}</span></label>
    <select id="clock-expiry">
      <option value="computer" ?selected=${view.deadline?.onExpiry !== 'default'}>${t('console.expiryComputer')}</option>
      <option value="default" ?selected=${view.deadline?.onExpiry === 'default'}>${t('console.expiryDefault')}</option>
    </select>
    ${
      withOptions.length > 0
        ? html`<fieldset class="fieldset"><legend>${t('console.defaults')}</legend>${defaults}</fieldset>`
        : nothing
    }
    <div class="console-actions">
      <button class="button" type="button" @click=${set}>${t('console.setClock')}</button>
      ${
        view.deadline?.seconds != null
          ? html`<button class="button button--quiet" type="button"
              @click=${() => act({ type: 'deadline.set', seconds: null, onExpiry: 'computer' })}>${t('console.noClock')}</button>`
          : nothing
      }
    </div>
  </section>`;
}

function injectBlock(view: ConsoleClientView, act: Act): TemplateResult {
  const item = (e: ConsoleClientView['injects'][number]) => html`<li data-inject=${e.id}>
    <span>${e.headline}</span>
    ${e.counterfactual ? html`<span class="badge">${t('console.didNotHappen')}</span>` : nothing}
    ${
      e.fired
        ? html`<span class="hint">${t('console.happened')}</span>`
        : e.queued
          ? html`<span class="hint">${t('console.queued')}</span>`
          : nothing
    }
    ${
      e.fired
        ? nothing
        : html`<button class="button button--quiet" type="button"
            @click=${() => act({ type: 'inject.fire', event: e.id, at: 'now' })}>${t('console.fireNow')}</button>`
    }
    ${
      e.fired || e.queued
        ? nothing
        : html`<button class="button button--quiet" type="button"
            @click=${() => act({ type: 'inject.fire', event: e.id, at: 'next-resolution' })}>${t('console.fireNext')}</button>`
    }
  </li>`;
  return html`<details class="block more" data-console-injects="">
    <summary>${t('console.injects', { n: view.injects.length })}</summary>
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
    <summary>${t('console.override')}</summary>
    <label class="field" for="override-indicator"><span>${t('console.indicator')}</span></label>
    <select id="override-indicator">${repeat(
      view.indicators,
      (i) => i.id,
      (i) =>
        html`<option value=${i.id}>${t('console.indicatorNow', { label: i.label, value: i.value })}</option>`,
    )}</select>
    <label class="field" for="override-value"><span>${t('console.newValue')}</span></label>
    <input id="override-value" type="number" min="0" max="100" value=${view.indicators[0]?.value ?? 50}>
    <label class="field" for="override-reason"><span>${t('console.why')}</span></label>
    <input id="override-reason" maxlength="500" required>
    <button class="button" type="button" @click=${set}>${t('console.setIt')}</button>
  </details>`;
}

/** The room's exports: no student's name is in either, only seats. */
function exportBlock(actions: ConsoleActions): TemplateResult {
  // Each asks the server something; a refusal is said in the console's one status line.
  const ask = (answer: () => Promise<string | null>) => () => actions.say(answer());
  return html`<section class="block" aria-labelledby="console-export">
    <h2 id="console-export">${t('console.exports')}</h2>
    <p class="hint">${t('console.exportsHint')}</p>
    <div class="console-actions">
      <button class="button" type="button" data-compare-rooms="" @click=${ask(actions.compare)}>${t('console.compare')}</button>
      <button class="button" type="button" data-replay-room="" @click=${ask(actions.replay)}>${t('console.replay')}</button>
      <button class="button" type="button" data-export="html" @click=${ask(() => actions.download('html'))}>${t('console.exportHtml')}</button>
      <button class="button" type="button" data-export="csv" @click=${ask(() => actions.download('csv'))}>${t('console.exportCsv')}</button>
      <button class="button" type="button" data-export="json" @click=${ask(() => actions.download('json'))}>${t('console.exportJson')}</button>
    </div>
  </section>`;
}
