/**
 * The situation room in HTML. At first sight (the region marked data-first-sight) only what a lesson has
 * time to read (reading.presenter.ts keeps the count): the turn's situation, the options as their short labels,
 * and what changed. An option's full text, and why a closed one is closed, are one tap away (its "+" button);
 * everything else (the news again, every indicator with its breakdown, what the player believes, the sources)
 * waits behind one disclosure, closed by default. Digits pick an option, Enter confirms.
 *
 * The room is a lit-html template of its model: each new model (a pick, an override's new value, an inject's news)
 * is rendered into the same element, which patches the DOM in place. No <details> has its `open` bound, so what
 * the reader opened stays open; the option buttons stay the same elements, so the focus stays on them.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { emblemDataUri } from '../../present/emblems.ts';
import { t } from '../../present/i18n/i18n.ts';
import type { Intent, Send } from '../../present/intents.ts';
import { mapLegend } from '../../present/places.ts';
import {
  READING_TEXT,
  type SituationFirstSight,
  situationFirstSight,
} from '../../present/reading.presenter.ts';
import type { OptionRow, SituationModel } from '../../present/screens.ts';
import { TALK_LIMITS } from '../../session/talk-limits.ts';
import { TalkPanel, talkPanel } from '../classroom/talk.part.ts';
import type { ScreenView } from '../dom-layer.ts';
import { block, cite, cited } from './cited.ts';
import { dealsPanel } from './deals.part.ts';
import { indicatorList, moveLine, newsList } from './indicators.part.ts';
import { type ReasonState, reasonField, reasonIn } from './reason.part.ts';

/**
 * Where the turn is a team's rather than one player's (a classroom seat): "Confirm" also waits for the team to
 * hold the seat and to have something not yet submitted, and an actor without a decision is told that the turn
 * does not wait for it, instead of being offered "Continue".
 */
export interface SeatTerms {
  canConfirm: boolean;
  noDecision: string;
}

export interface SituationView extends ScreenView {
  /** Renders this model into the same element (and, at a seat, these terms; the last ones otherwise). */
  update: (model: SituationModel, terms?: SeatTerms) => void;
}

/** Only digits 1–9 pick an option (the DOM layer's keys), so a badge above 9 would promise a key that does nothing. */
const MAX_KEY = 9;

/** What one render needs beside the model: how to send, and the state the view itself keeps. */
interface Room {
  send: Send;
  terms: SeatTerms | null;
  /** the options whose full text the reader opened ("+"): the view's own state, kept across models */
  opened: Set<string>;
  redraw: () => void;
  /** The reason field's state, where the room offers one under "More" (the solo game, pass-and-play). */
  reason: ReasonState | null;
  /** The talk panel's own state (what its forms await), where the model has a panel (the solo game). */
  talk: TalkPanel;
  /** The model on screen now: after an intent, the one the session answered with. */
  model: () => SituationModel;
}

/**
 * The solo player's talk panel: its statement or message goes to the session as an intent, and the engine's answer
 * comes back with the model. Where it is there when the intent returns, the form says the refusal and keeps what
 * was typed; otherwise the panel says it, in one sentence, from the model.
 */
function talkBlock(model: SituationModel, room: Room): TemplateResult | typeof nothing {
  if (!model.talk) return nothing;
  const send = (type: 'talk.publish' | 'talk.message') => (text: string, to: string[], claim?: string) => {
    room.send(type === 'talk.publish' && claim ? { type, text, to, claim } : { type, text, to });
    return Promise.resolve(room.model().talkRefused ?? null);
  };
  return talkPanel(
    model.talk,
    room.talk,
    { publish: send('talk.publish'), message: send('talk.message') },
    model.talkRefused ?? null,
  );
}

/** The solo player's agreements: its proposals, answers and withdrawals go to the session as intents. */
function dealsBlock(model: SituationModel, room: Room): TemplateResult | typeof nothing {
  if (!model.deals) return nothing;
  return dealsPanel(model.deals, TALK_LIMITS.reason, {
    propose: (agreement, to) => room.send({ type: 'deal.propose', agreement, to }),
    answer: (n, accept, reason) => room.send({ type: 'deal.answer', n, accept, reason }),
    withdraw: (n) => room.send({ type: 'deal.withdraw', n }),
  });
}

/**
 * "Confirm", with the reason typed on the page when there is one: under "More" (the solo game, pass-and-play) or
 * beside the room (a classroom seat's page). The replay has no reason field, and confirms nothing.
 */
function confirmIntent(): Intent {
  const reason = reasonIn(document);
  return reason === undefined ? { type: 'confirm-decision' } : { type: 'confirm-decision', reason };
}

/**
 * Where what history records for this date has not (or not yet) happened in this game: said plainly, and the
 * history given as history, behind a disclosure so that the first sight stays short.
 */
function historyBlock(model: SituationModel, sight: SituationFirstSight): TemplateResult | typeof nothing {
  const history = model.turn.history;
  if (!history || !sight.history) return nothing;
  return html`<details class="turn-history"><summary>${sight.history}</summary><p class="turn-title" dir="auto">${history.title.text}</p>${cited(history.summary)}</details>`;
}

/**
 * The warning that the game may end early: the presenter's sentence on the nearest ending checked every turn,
 * shown at first sight because the player has this one decision to step back; any other near ending is under
 * "More" (the first sight has a word limit).
 */
function warningBlock(model: SituationModel): TemplateResult | typeof nothing {
  const [nearest] = model.warnings ?? [];
  if (!nearest) return nothing;
  return html`<div class="notice ending-warning" role="note" aria-label=${t('situation.nearEnding')}><p class="ending-warning__text">${nearest.text}</p></div>`;
}

/**
 * A proposal waiting for this seat's answer: said at first sight (it lapses at the end of the turn), in the
 * presenter's counted sentence; the answer itself is in the agreements panel.
 */
function awaitingBlock(sight: SituationFirstSight): TemplateResult | typeof nothing {
  if (!sight.awaiting) return nothing;
  return html`<div class="notice" role="note" data-awaiting=""><p>${sight.awaiting}</p></div>`;
}

/** What moved in the last turn: the advisers' notes on the largest slips, then the other moves in one line. */
function changeList(sight: SituationFirstSight): TemplateResult {
  if (sight.still) return html`<p>${sight.still}</p>`;
  return html`<div>${
    sight.counsel.length > 0
      ? html`<ul class="counsel-list" aria-label=${t('situation.counsel')}>${sight.counsel.map(
          (c) =>
            html`<li class="change change--bad" data-indicator=${c.indicator}><span class="change__arrow" aria-hidden="true">!</span>${` ${c.text}`}</li>`,
        )}</ul>`
      : nothing
  }${sight.moves.length > 0 ? moveLine(sight.moves) : nothing}</div>`;
}

function selectedOf(model: SituationModel): OptionRow | null {
  return model.decision?.options.find((o) => o.id === model.decision?.selected) ?? null;
}

/** Whether "Confirm" can act: an option picked (or no decision to make), and at a seat, the team's say-so. */
function confirmable(model: SituationModel, room: Room): boolean {
  if (room.terms && !room.terms.canConfirm) return false;
  return !model.decision || selectedOf(model) !== null;
}

/**
 * One option at first sight: its label (a button that picks it, digit badge first), "Closed" when it is, and a "+"
 * that opens its full text, and for a closed one why, in place: one tap, never a cut sentence.
 */
function optionItem(o: OptionRow, model: SituationModel, room: Room): TemplateResult {
  const aboutId = `option-about-${o.id}`;
  const open = room.opened.has(o.id);
  const pressed = model.decision?.selected === o.id;
  const toggle = () => {
    if (open) room.opened.delete(o.id);
    else room.opened.add(o.id);
    room.redraw();
  };
  // Enter on the option already picked confirms it: picking it again would do nothing.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !pressed || !confirmable(model, room)) return;
    event.preventDefault();
    room.send(confirmIntent());
  };
  return html`<li class=${o.open ? 'option-item' : 'option-item option-item--closed'}>
    <div class="option__row"><button class="button option" type="button" aria-pressed=${String(pressed)}
      ?disabled=${!o.open} data-option=${o.id} @click=${() => room.send({ type: 'select-option', optionId: o.id })}
      @keydown=${onKey}>${o.key <= MAX_KEY ? html`<kbd class="key-badge">${String(o.key)}</kbd>` : nothing}<span
      class="option__label">${o.label}</span></button>${
        !o.open ? html`<span class="option__state">${READING_TEXT.closed}</span>` : nothing
      }<button class="button option__toggle" type="button" aria-expanded=${String(open)} aria-controls=${aboutId}
      aria-label=${t('situation.about', { option: o.label })} @click=${toggle}>${open ? '−' : '+'}</button></div>
    <div id=${aboutId} class="option__about" ?hidden=${!open}>${cited(o.description, 'p', 'option__text')}${
      !o.open
        ? html`<p class="hint option__closed">${t('situation.closedWhy', { why: o.closed ?? '' })}</p>`
        : nothing
    }</div>
  </li>`;
}

/** The decision: the options (keyed, so that the focus stays on the same option) and "Confirm". */
function decisionBlock(model: SituationModel, room: Room): TemplateResult {
  const confirm = (text: string) =>
    html`<button class="button button--primary" type="button" data-intent="confirm-decision"
      ?disabled=${!confirmable(model, room)} @click=${() => room.send(confirmIntent())}>${text}</button>`;
  if (!model.decision) {
    return block(
      READING_TEXT.decisionHeading,
      'decision',
      html`<p>${READING_TEXT.noDecision}</p>`,
      room.terms ? html`<p class="hint">${room.terms.noDecision}</p>` : confirm(READING_TEXT.letItPlay),
    );
  }
  // The prompt ("what does your government do this turn?") only repeats the heading: it is under "More".
  return block(
    READING_TEXT.decisionHeading,
    'decision',
    html`<ol class="option-list">${repeat(
      model.decision.options,
      (o) => o.id,
      (o) => optionItem(o, model, room),
    )}</ol>`,
    confirm(situationFirstSight(model).confirm),
  );
}

function legendBlock(model: SituationModel): TemplateResult | typeof nothing {
  if (model.places.length === 0) return nothing;
  return block(
    t('situation.legend'),
    'map-legend',
    html`<ul class="map-legend">${mapLegend(model.places).map(
      (entry) =>
        html`<li class="map-legend__entry" data-emblem=${entry.emblem}><img src=${emblemDataUri(entry.emblem, 64)}
          alt="" width="28" height="28" decoding="async"><div><strong>${entry.label}</strong>${entry.notes.map(
            (note) => cited(note, 'div', 'map-legend__note'),
          )}</div></li>`,
    )}</ul>`,
  );
}

function actedBlock(model: SituationModel): TemplateResult | typeof nothing {
  const acted = model.mapThisTurn ?? [];
  if (acted.length === 0) return nothing;
  return block(
    t('situation.acted'),
    'map-this-turn',
    html`<ul class="map-acted-list">${acted.map(
      (m) =>
        html`<li class="map-acted">${t('situation.actedLine', { count: m.count, label: m.label, where: m.where })}</li>`,
    )}</ul>`,
  );
}

function beliefsBlock(model: SituationModel): TemplateResult | typeof nothing {
  if (model.beliefs.length === 0) return nothing;
  return block(
    t('situation.beliefs'),
    'beliefs',
    html`<ul class="belief-list">${model.beliefs.map(
      (b) =>
        html`<li>${cited(b.statement, 'div')}<p class="belief__status">${b.status}</p>${
          b.heard.length > 0
            ? html`<ul class="belief__heard" aria-label=${t('situation.heard')}>${b.heard.map(
                (line) => html`<li>${line}</li>`,
              )}</ul>`
            : nothing
        }</li>`,
    )}</ul>`,
  );
}

/** Everything behind "More": closed by default, and never bound, so it stays as the reader left it. */
function moreBlock(model: SituationModel, room: Room): TemplateResult {
  const { turn } = model;
  const warnings = model.warnings ?? [];
  // The reason and the talk panel first: both are optional, and the first sight has no words to spare for them.
  return html`<details class="more"><summary>${READING_TEXT.more}</summary>${
    room.reason && model.decision ? reasonField(room.reason) : nothing
  }${talkBlock(model, room)}${dealsBlock(model, room)}${block(
    t('situation.news'),
    'news',
    newsList(model.news, t('situation.noNews')),
  )}${
    warnings.length > 1
      ? block(
          t('situation.otherEndings'),
          'other-endings-near',
          warnings.slice(1).map((w) => html`<p class="ending-warning__text">${w.text}</p>`),
        )
      : nothing
  }${legendBlock(model)}${actedBlock(model)}${block(
    READING_TEXT.movesHeading,
    'indicators',
    indicatorList(model.indicators, { showMeaning: true }),
  )}${beliefsBlock(model)}${
    model.decision
      ? block(
          t('situation.optionsFull'),
          'options-full',
          cited(model.decision.prompt, 'p', 'decision__prompt'),
          html`<ol class="option-full-list">${model.decision.options.map(
            (o) =>
              html`<li><h3 class="option__label">${o.label}</h3>${cited(o.description, 'p', 'option__description')}</li>`,
          )}</ol>`,
        )
      : nothing
  }${block(
    t('situation.sources'),
    'turn-sources',
    html`<p>${t('situation.sourceSituation')} ${cite(turn.summary)}</p>`,
    turn.history ? html`<p>${t('situation.sourceHistory')} ${cite(turn.history.summary)}</p>` : nothing,
  )}${
    model.earlier.length > 0
      ? block(
          t('situation.earlier'),
          'earlier-news',
          model.earlier.map(
            (e) =>
              html`<div><h3>${t('situation.turn', { turn: e.turn + 1 })}</h3>${newsList(e.items, '')}</div>`,
          ),
        )
      : nothing
  }</details>`;
}

/** The room's content, a function of its model (and the view's own state in `room`). */
function situationTemplate(model: SituationModel, room: Room): TemplateResult {
  const sight = situationFirstSight(model);
  return html`<div class="first-sight" data-first-sight=""><p class="eyebrow">${model.actor.name.text}</p><h1
    tabindex="-1">${sight.heading}</h1><p class="turn-title" dir="auto">${model.turn.title.text}</p><p
    class="turn-summary" dir="auto">${model.turn.summary.text}</p>${historyBlock(model, sight)}${warningBlock(model)}${awaitingBlock(sight)}${
      // The decision before what changed: on a phone the first option shows without scrolling, and in the solo
      // game the "What happened" screen has just shown the moves.
      decisionBlock(model, room)
    }${block(READING_TEXT.changedHeading, 'changes', changeList(sight))}</div>${moreBlock(model, room)}`;
}

/**
 * `withReason`: the decision takes a reason, in a field under "More" (the solo game, pass-and-play; a classroom seat's
 * page has its own beside the room, and the replay shows a game played, and takes none).
 */
export function situationView(
  model: SituationModel,
  send: Send,
  terms?: SeatTerms,
  withReason = false,
): SituationView {
  const element = document.createElement('section');
  element.className = 'view view--situation';
  let current = model;
  const redraw = () => draw(current);
  const room: Room = {
    send,
    terms: terms ?? null,
    opened: new Set(),
    redraw,
    reason: withReason ? { chars: 0, redraw } : null,
    talk: new TalkPanel(redraw),
    model: () => current,
  };
  function draw(m: SituationModel): void {
    current = m;
    element.dataset.firstSightWords = String(situationFirstSight(m).words);
    render(situationTemplate(m, room), element);
  }
  draw(model);
  const heading = element.querySelector('h1') as HTMLElement;
  return {
    scene: 'situation',
    element,
    heading,
    update: (m, seat) => {
      if (seat) room.terms = seat;
      draw(m);
    },
    onDigit: (digit) => {
      const option = current.decision?.options.find((o) => o.key === digit);
      if (option?.open) send({ type: 'select-option', optionId: option.id });
    },
    onEnter: () => {
      if (!confirmable(current, room)) return false;
      send(confirmIntent());
      return true;
    },
  };
}
