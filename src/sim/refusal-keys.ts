// What the engine refuses, by key (issue 20): each refusal carries a key and the ids and numbers it names beside
// its English sentence, so a screen says it in the viewer's language with the scenario's names in it
// (src/present/refusal-text.ts). The sentence stays what programs, logs and the command line read.
//
// One union per module that refuses, each in its own block below, and one table of words per module in the
// presenters (src/present/refusals/). Every refusal has its words (`refusal()` requires them).

/** Parameters by name. The screens read some names as scenario ids and say them by their names:
 * `actor`, `seat`, seats (`seat`, `bySeat`, `to`, `from`, `party`), `actors` (a list), `option` (of `actor`),
 * `event`, `indicator`, `agreement`, `claim`, `effect` (a ruling's). Numbers are said in the viewer's digits;
 * `turn` is 1-based, as people count. `by` describes an issuer: see `issuerParams`. */
export type RefusalParams = Readonly<Record<string, string | number | readonly string[]>>;

/** engine.ts: the decisions, the facilitator's commands, the turn. */
export type EngineRefusalKey =
  | 'engine.already-chosen'
  | 'engine.already-paused'
  | 'engine.already-proposed'
  | 'engine.already-started'
  | 'engine.computer-proposes'
  | 'engine.decision-by-facilitator'
  | 'engine.event-once'
  | 'engine.facilitator-only'
  | 'engine.no-actor'
  | 'engine.no-command'
  | 'engine.no-decision'
  | 'engine.no-event'
  | 'engine.no-indicator'
  | 'engine.no-option'
  | 'engine.no-proposal-to-clear'
  | 'engine.not-paused'
  | 'engine.nothing-to-propose'
  | 'engine.nothing-to-withdraw'
  | 'engine.option-not-open'
  | 'engine.out-of-range'
  | 'engine.stale'
  | 'engine.too-many-changes'
  | 'engine.too-many-proposals'
  | 'engine.waiting-for';

/** commands.ts: commands that do not parse, and free text with nothing to read. */
export type CommandRefusalKey =
  | 'command.malformed'
  | 'command.hide-reason-empty'
  | 'command.override-reason-empty'
  | 'command.request-too-long'
  | 'command.request-empty'
  | 'command.ruling-reason-empty'
  | 'command.text-too-long'
  | 'command.text-empty';

/** seat-check.ts: the game's phase, who holds a seat, and whether the issuer may speak or act for it. */
export type SeatRefusalKey =
  | 'game.ended'
  | 'game.not-started'
  | 'game.paused'
  | 'seat.not-playable'
  | 'seat.other-act'
  | 'seat.other-speak'
  | 'seat.wrong-holder-act'
  | 'seat.wrong-holder-speak';

/** talk.ts: statements, messages, decision reasons, approvals and hiding. */
export type TalkRefusalKey =
  | 'talk.address-self'
  | 'talk.addressee-twice'
  | 'talk.already-hidden'
  | 'talk.approve-hidden'
  | 'talk.approve-not-waiting'
  | 'talk.by-facilitator'
  | 'talk.claim-not-now'
  | 'talk.claim-not-speaker'
  | 'talk.claim-unknown'
  | 'talk.decision-reason-too-long'
  | 'talk.level-none'
  | 'talk.level-statements'
  | 'talk.message-empty'
  | 'talk.message-too-long'
  | 'talk.no-addressee'
  | 'talk.no-number'
  | 'talk.statement-empty'
  | 'talk.statement-too-long'
  | 'talk.too-many';

/** agreements.ts: proposals, answers, withdrawals and breaches. */
export type AgreementRefusalKey =
  | 'agreement.by-facilitator'
  | 'agreement.closed'
  | 'agreement.conditions'
  | 'agreement.conditions-gone'
  | 'agreement.level'
  | 'agreement.none-to-answer'
  | 'agreement.none-to-withdraw'
  | 'agreement.not-pair'
  | 'agreement.pending'
  | 'agreement.reason-too-long'
  | 'agreement.stands'
  | 'agreement.too-many'
  | 'agreement.unknown'
  | 'agreement.vacant';

/** rulings.ts: requests for a ruling and the facilitator's rulings. */
export type RulingRefusalKey =
  | 'ruling.act-empty'
  | 'ruling.act-too-long'
  | 'ruling.allowed-no-effect'
  | 'ruling.allowed-odds'
  | 'ruling.already-ruled'
  | 'ruling.argument-empty'
  | 'ruling.argument-too-long'
  | 'ruling.by-facilitator'
  | 'ruling.effect-not-for'
  | 'ruling.effect-unknown'
  | 'ruling.no-request'
  | 'ruling.odds-range'
  | 'ruling.refused-grants'
  | 'ruling.rolled-no-effect'
  | 'ruling.too-many';

export type RefusalKey =
  | EngineRefusalKey
  | CommandRefusalKey
  | SeatRefusalKey
  | TalkRefusalKey
  | AgreementRefusalKey
  | RulingRefusalKey;

/** A refusal's words as data: a key, and what it names. */
export interface RefusalSaid {
  key: RefusalKey;
  params: RefusalParams;
}
