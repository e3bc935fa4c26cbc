// The refusals of what seats say (src/sim/talk.ts), said by key in both languages (issue 20): each key is reached
// by a command the engine refuses, and its words are checked (tests/helpers/refusal-said.ts): English word for word
// the engine's sentence, Arabic an Arabic line with the scenario's Arabic names. And the solo player's refused
// statement or message, as its screen says it, in Arabic.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { withLanguage } from '../../../src/present/i18n/i18n.ts';
import { type RefusalNames, refusalText, saidText } from '../../../src/present/refusal-text.ts';
import { soloMachine } from '../../../src/session/solo.machine.ts';
import type { Entry } from '../../../src/sim/commands.ts';
import type { CompiledScenario } from '../../../src/sim/compile.ts';
import {
  MAX_DECISION_REASON_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_SAID_PER_TURN,
  MAX_STATEMENT_CHARS,
} from '../../../src/sim/limits.ts';
import type { RefusalKey, TalkRefusalKey } from '../../../src/sim/refusal-keys.ts';
import type { GameState } from '../../../src/sim/state.ts';
import { bundledScenario } from '../../helpers/bundled.ts';
import { LiveGame } from '../../helpers/play.ts';
import { after, FACILITATOR, openGame, type Path, person, refusedIn } from '../../helpers/refusal-game.ts';
import { arabicNames, expectSaid, loadBothLanguages } from '../../helpers/refusal-said.ts';

let c: CompiledScenario;
let arabic: RefusalNames;
const states: Record<string, GameState> = {};

const say = (actor: string, more: Record<string, unknown> = {}) => ({
  by: person(actor),
  command: { type: 'statement.publish', actor, text: 'We call for calm.', ...more },
});
const write = (to: readonly string[], text = 'Meet?') => ({
  by: person('pm'),
  command: { type: 'message.send', actor: 'pm', to, text },
});
const facilitator = (command: Record<string, unknown>) => ({ by: FACILITATOR, command });
const talkSet = (level: string, approve = false) => facilitator({ type: 'talk.set', level, approve });

beforeAll(async () => {
  await loadBothLanguages();
  c = await bundledScenario();
  arabic = await arabicNames('scenarios/baghdad-2021', c);
  const setup = new LiveGame(c, 5);
  setup.run({ by: FACILITATOR, command: { type: 'seat.set', actor: 'pm', holder: 'person' } });
  states.setup = setup.state;
  const open = openGame(c);
  states.open = open;
  states.quiet = after(c, open, [talkSet('none') as Entry]);
  states.statementsOnly = after(c, open, [talkSet('statements') as Entry]);
  // 1: a public statement waiting for approval, then hidden; 2: one to a named seat, which never waits.
  states.talked = after(c, open, [
    talkSet('all', true),
    say('pm'),
    say('pm', { to: ['us'] }),
    facilitator({ type: 'said.hide', n: 1, reason: 'Off topic.' }),
  ] as Entry[]);
  states.chatty = after(
    c,
    open,
    Array.from({ length: MAX_SAID_PER_TURN }, () => say('pm') as Entry),
  );
});

const CASES: readonly (readonly [string, unknown, Path?])[] = [
  ['open', write(['pm'])],
  ['open', write(['us', 'us'])],
  // The schema wants an addressee: a message the page made itself meets the engine's own check.
  ['open', write([]), 'made'],
  ['open', write(['nobody'])],
  // Before the start, the residence is not attacked yet: the pm cannot call it a cowardly attack.
  ['setup', say('pm', { claim: 'a-cowardly-attack' })],
  ['open', say('pm', { claim: 'deny-responsibility' })],
  ['open', say('pm', { claim: 'no-such-claim' })],
  [
    'open',
    {
      by: person('pm'),
      command: {
        type: 'decision.submit',
        actor: 'pm',
        option: 'x',
        reason: 'y'.repeat(MAX_DECISION_REASON_CHARS + 1),
      },
    },
    'made',
  ],
  ['quiet', say('pm')],
  ['statementsOnly', write(['us'])],
  // Text the cleaning refuses first, as a record holds it: the engine refuses it in its own words.
  ['open', write(['us'], '\u200b \u202e'), 'record'],
  ['open', write(['us'], 'x'.repeat(MAX_MESSAGE_CHARS + 1)), 'record'],
  ['open', say('pm', { text: ' \u200d ' }), 'record'],
  ['open', say('pm', { text: 'x'.repeat(MAX_STATEMENT_CHARS + 1) }), 'record'],
  ['talked', facilitator({ type: 'statement.approve', n: 9 })],
  ['talked', facilitator({ type: 'statement.approve', n: 1 })],
  ['talked', facilitator({ type: 'statement.approve', n: 2 })],
  ['talked', facilitator({ type: 'said.hide', n: 1, reason: 'Again.' })],
  ['talked', facilitator({ type: 'said.hide', n: 2, reason: '\u200b' }), 'record'],
  ['chatty', say('pm')],
];

const TALK_KEYS: readonly TalkRefusalKey[] = [
  'talk.address-self',
  'talk.addressee-twice',
  'talk.already-hidden',
  'talk.approve-hidden',
  'talk.approve-not-waiting',
  'talk.by-facilitator',
  'talk.claim-not-now',
  'talk.claim-not-speaker',
  'talk.claim-unknown',
  'talk.decision-reason-too-long',
  'talk.level-none',
  'talk.level-statements',
  'talk.message-empty',
  'talk.message-too-long',
  'talk.no-addressee',
  'talk.no-number',
  'talk.statement-empty',
  'talk.statement-too-long',
  'talk.too-many',
];

describe('the refusals of what seats say, by key', () => {
  it('reach every key, each said in English word for word and in Arabic', () => {
    const reached = new Set<RefusalKey>();
    for (const [state, raw, path] of CASES)
      reached.add(expectSaid(refusedIn(c, states[state]!, raw, path), arabic));
    // A seat's command from the facilitator is refused by the module's own check, in its words (engine.ts).
    const byFacilitator = facilitator({ type: 'statement.publish', actor: 'pm', text: 'We call for calm.' });
    reached.add(expectSaid(refusedIn(c, states.open!, byFacilitator), arabic));
    expect([...reached].filter((k) => k.startsWith('talk.')).sort()).toEqual([...TALK_KEYS].sort());
    // The addressee no seat holds, and a hiding without a reason, say the sentences they share with others.
    expect(reached).toContain('seat.not-playable');
    expect(reached).toContain('command.hide-reason-empty');
  });

  it('name the seats and the claims by the scenario names in Arabic, and numbers in Arabic digits', () => {
    const r = refusedIn(c, states.open!, say('pm', { claim: 'deny-responsibility' }));
    expect(expectSaid(r, arabic)).toBe('talk.claim-not-speaker');
    const inArabic = withLanguage('ar-IQ', () => saidText(r.said!, arabic));
    expect(arabic.actorName('pm')).not.toBe('pm');
    expect(arabic.claimLabel('deny-responsibility')).not.toBe('deny-responsibility');
    expect(inArabic).toContain(arabic.actorName('pm'));
    expect(inArabic).toContain(arabic.claimLabel('deny-responsibility'));
    expect(inArabic).not.toMatch(/\bpm\b|deny-responsibility/);
    // A length past a thousand: the engine's digits in English (no grouping), the viewer's in Arabic.
    const long = refusedIn(c, states.open!, write(['us'], 'x'.repeat(MAX_MESSAGE_CHARS + 1)), 'record');
    expect(long.message).toContain(`${MAX_MESSAGE_CHARS + 1}.`);
    const number = new Intl.NumberFormat('ar-IQ', { useGrouping: false });
    const arabicLine = withLanguage('ar-IQ', () => saidText(long.said!, arabic));
    expect(arabicLine).toContain(number.format(MAX_MESSAGE_CHARS));
    expect(arabicLine).toContain(number.format(MAX_MESSAGE_CHARS + 1));
    expect(arabicLine).not.toMatch(/[0-9]/);
  });
});

describe('the solo player refused', () => {
  it('is told why in Arabic, with its seat by its Arabic name, as the solo screen says it', async () => {
    const actor = createActor(
      soloMachine.provide({ actors: { loadScenario: fromPromise(async () => c.scenario) } }),
    );
    actor.start();
    await new Promise((r) => setTimeout(r, 0));
    actor.send({ type: 'game.new' });
    actor.send({ type: 'perspective.pick', actor: 'pm' });
    actor.send({ type: 'game.begin', seed: 4 });
    actor.send({ type: 'screen.next' });
    expect(actor.getSnapshot().hasTag('situation')).toBe(true);
    actor.send({ type: 'talk.say', kind: 'message', text: 'To myself.', to: ['pm'] });
    const { refused, game } = actor.getSnapshot().context;
    expect(refused?.message).toBe('pm cannot address itself.');
    expect(game!.said).toEqual([]);
    // What SoloFlow shows as talkRefused: refusalText with the scenario's names in the player's language.
    const shown = withLanguage('ar-IQ', () => refusalText(refused!, arabic));
    expect(shown).toBe(
      withLanguage('ar-IQ', () => saidText({ key: 'talk.address-self', params: { actor: 'pm' } }, arabic)),
    );
    expect(shown).toContain(arabic.actorName('pm'));
    expect(shown).toMatch(/[\u0621-\u064a]/);
    expect(shown).not.toContain('cannot');
    actor.stop();
  });
});
