// Agreements between seats and requests for a ruling (issue 19): commands in the record like decisions, seen only
// by the parties (and the facilitator), refused in one sentence with nothing changed, replayed and forked alike;
// the computer answers and proposes by weighing the terms against its own goals and sight.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextCommand } from '../../src/session/session-rules.ts';
import { computerAgreementCommand } from '../../src/sim/agreements.ts';
import { cleanCommand, type Entry, parseEntry } from '../../src/sim/commands.ts';
import type { CompiledScenario } from '../../src/sim/compile.ts';
import { applyCommand, applyOwned } from '../../src/sim/engine.ts';
import { forkAt, replay } from '../../src/sim/record.ts';
import { reportData } from '../../src/sim/report.ts';
import { rulingRoll } from '../../src/sim/rulings.ts';
import { facilitatorView, publicView, viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { FACILITATOR, LiveGame, playTurns, resolveEntry, submit } from '../helpers/play.ts';

let c: CompiledScenario;
beforeAll(async () => {
  c = await bundledScenario();
});

const f = (command: Entry['command']): Entry => ({ by: FACILITATOR, command });
const seat = (actor: string, command: Entry['command'], as: 'person' | 'computer' = 'person'): Entry => ({
  by: { seat: actor, as },
  command,
});
const propose = (actor: string, to: string, agreement: string, as: 'person' | 'computer' = 'person') =>
  seat(actor, { type: 'agreement.propose', actor, to, agreement }, as);
const answer = (actor: string, n: number, accept: boolean, reason?: string) =>
  seat(actor, { type: 'agreement.answer', actor, n, accept, ...(reason ? { reason } : {}) });
const request = (actor: string, text: string, argument: string) =>
  seat(actor, { type: 'ruling.request', actor, text, argument });

const turnOf = (id: string) => c.turnIndexById.get(id)!;

/** A game with these seats held by people, played (people pick their first open option) to the start of a turn. */
function gameAt(turn: string, people: string[], seed = 11): LiveGame {
  const game = new LiveGame(c, seed).start(people);
  playTurns(game, [0], turnOf(turn));
  expect(game.state.world.turn).toBe(turnOf(turn));
  return game;
}

/** Refused with this code, the state exactly as it was, copied or in place; returns the one sentence. */
function refusedWith(game: LiveGame, entry: Entry, code: string): string {
  const before = structuredClone(game.state);
  const result = applyCommand(c, game.state, entry);
  expect(result).toMatchObject({ ok: false, code });
  expect(game.state).toEqual(before);
  const owned = structuredClone(game.state);
  expect(applyOwned(c, owned, entry)).toMatchObject({ ok: false, code });
  expect(owned).toEqual(before);
  const message = result.ok ? '' : result.message;
  expect(message).toMatch(/^[^\n]+\.$/);
  return message;
}

/** What the game does by itself next, applied: the session's rule (a computer answers, proposes, decides). */
function computerActs(game: LiveGame): Entry | null {
  const entry = nextCommand(c, game.state, false);
  if (entry) expect(game.run(entry)).toBe(true);
  return entry;
}

describe('a solo game: the player negotiates with the computer’s actors', () => {
  it('one proposal is accepted and one declined, each for a reason the debrief can give', () => {
    const game = gameAt('statements', ['pm']);
    expect(game.run(propose('pm', 'us', 'joint-investigation'))).toBe(true);
    const yes = computerActs(game)!;
    expect(yes.command).toMatchObject({ type: 'agreement.answer', actor: 'us', n: 1, accept: true });
    expect(game.run(propose('pm', 'framework', 'recount-for-sit-ins'))).toBe(true);
    const no = computerActs(game)!;
    expect(no.command).toMatchObject({ type: 'agreement.answer', actor: 'framework', n: 2, accept: false });
    const [accepted, declined] = game.state.agreements;
    expect(accepted).toMatchObject({ status: 'accepted', answer: { by: 'computer' } });
    expect(accepted!.answer!.reason).toMatch(
      /^Accepted: by its own goals, the terms move .*International backing/,
    );
    expect(declined).toMatchObject({ status: 'declined', answer: { by: 'computer' } });
    expect(declined!.answer!.reason).toMatch(/^Declined: .*Street anger down/);
    // The player's own view has both, with the reasons.
    const mine = viewFor(c, game.state, 'pm').agreements!;
    expect(mine.map((a) => [a.agreement, a.status, a.answer?.reason])).toEqual([
      ['joint-investigation', 'accepted', accepted!.answer!.reason],
      ['recount-for-sit-ins', 'declined', declined!.answer!.reason],
    ]);
    // The accepted agreement takes effect when the turn resolves; the debrief's data has it, with its cause.
    game.computersDecide();
    game.run(submit('pm', game.state.offers.pm!.options[0]!));
    expect(game.run(resolveEntry)).toBe(true);
    const caused = game.state.world.changes.filter((ch) => ch.cause.kind === 'agreement');
    expect(caused.map((ch) => ch.cause)).toEqual([
      { kind: 'agreement', agreement: 'joint-investigation', n: 1, parties: ['pm', 'us'], public: true },
    ]);
    const report = reportData(c, game.state, game.record);
    expect(report.agreements.map((a) => [a.agreement, a.status])).toEqual([
      ['joint-investigation', 'accepted'],
      ['recount-for-sit-ins', 'declined'],
    ]);
    expect(replay(c, game.record)).toEqual(game.state);
  });

  it('a computer seat proposes to the player by its own weighing, once, and never to another computer seat', () => {
    const game = gameAt('qaani-visit', ['pm']);
    const first = computerAgreementCommand(c, game.state);
    expect(first).toMatchObject({
      by: { seat: 'us', as: 'computer' },
      command: { type: 'agreement.propose', actor: 'us', to: 'pm', agreement: 'joint-investigation' },
    });
    game.run(first!);
    const second = computerAgreementCommand(c, game.state)!;
    expect(second.command).toMatchObject({ type: 'agreement.propose', actor: 'iran', to: 'pm' });
    game.run(second);
    // Each is proposed once: nothing more to propose, and no computer seat proposes to another.
    expect(computerAgreementCommand(c, game.state)).toBeNull();
    expect(game.run(answer('pm', 2, true, 'We keep the channel open.'))).toBe(true);
    expect(game.state.agreements[1]).toMatchObject({
      status: 'accepted',
      answer: { by: 'person', reason: 'We keep the channel open.' },
    });
    // All computer seats: no agreement command at all, so the computer's games are as they were.
    const alone = gameAt('qaani-visit', []);
    expect(computerAgreementCommand(c, alone.state)).toBeNull();
  });
});

describe('refusals: one sentence, nothing changed', () => {
  it('refuses a seat acting as another, a wrong pair, an unknown agreement, unmet conditions, a duplicate', () => {
    const game = gameAt('statements', ['pm', 'us', 'framework']);
    refusedWith(
      game,
      seat('us', { type: 'agreement.propose', actor: 'pm', to: 'us', agreement: 'joint-investigation' }),
      'not-your-seat',
    );
    refusedWith(game, propose('pm', 'us', 'joint-investigation', 'computer'), 'not-your-seat');
    refusedWith(
      game,
      f({ type: 'agreement.propose', actor: 'pm', to: 'us', agreement: 'joint-investigation' }),
      'not-allowed',
    );
    expect(refusedWith(game, propose('framework', 'us', 'joint-investigation'), 'not-allowed')).toBe(
      'framework may not propose joint-investigation to us.',
    );
    refusedWith(game, propose('pm', 'us', 'no-such-deal'), 'unknown');
    refusedWith(game, propose('pm', 'pm', 'joint-investigation'), 'not-allowed');
    refusedWith(game, propose('pm', 'press', 'joint-investigation'), 'unknown');
    expect(game.run(propose('pm', 'us', 'joint-investigation'))).toBe(true);
    refusedWith(game, propose('pm', 'us', 'joint-investigation'), 'unchanged');
    refusedWith(game, propose('us', 'pm', 'joint-investigation'), 'unchanged');
    // Before the attack, the investigation's conditions do not hold.
    const early = gameAt('sit-ins', ['pm', 'us']);
    expect(refusedWith(early, propose('pm', 'us', 'joint-investigation'), 'not-offered')).toBe(
      'The conditions of joint-investigation do not hold now.',
    );
  });

  it('refuses answers by a seat the proposal was not made to, a second answer, a withdrawal by another', () => {
    const game = gameAt('statements', ['pm', 'us', 'framework']);
    game.run(propose('pm', 'us', 'joint-investigation'));
    // The same sentence whether or not proposal n exists: a third seat learns nothing of it.
    expect(refusedWith(game, answer('framework', 1, true), 'unknown')).toBe(
      'framework has no proposal numbered 1 to answer.',
    );
    expect(refusedWith(game, answer('framework', 9, true), 'unknown')).toBe(
      'framework has no proposal numbered 9 to answer.',
    );
    refusedWith(game, answer('pm', 1, true), 'unknown');
    refusedWith(game, seat('us', { type: 'agreement.withdraw', actor: 'us', n: 1 }), 'unknown');
    refusedWith(game, answer('us', 1, true, 'x'.repeat(301)), 'malformed');
    expect(game.run(answer('us', 1, false, 'Not now.'))).toBe(true);
    refusedWith(game, answer('us', 1, true), 'wrong-phase');
    refusedWith(game, seat('pm', { type: 'agreement.withdraw', actor: 'pm', n: 1 }), 'wrong-phase');
    // Declined, it may be proposed again.
    expect(game.run(propose('us', 'pm', 'joint-investigation'))).toBe(true);
    expect(game.run(seat('us', { type: 'agreement.withdraw', actor: 'us', n: 2 }))).toBe(true);
    expect(game.state.agreements[1]!.status).toBe('withdrawn');
  });

  it('refuses while paused, after the end, before the start, and where the room allows no proposals', () => {
    const game = gameAt('statements', ['pm', 'us']);
    game.run(f({ type: 'talk.set', level: 'statements', approve: false }));
    refusedWith(game, propose('pm', 'us', 'joint-investigation'), 'not-allowed');
    game.run(f({ type: 'talk.set', level: 'all', approve: false }));
    game.run(f({ type: 'game.pause' }));
    refusedWith(game, propose('pm', 'us', 'joint-investigation'), 'paused');
    refusedWith(game, request('pm', 'Close the airport.', 'It stops the drones.'), 'paused');
    game.run(f({ type: 'game.resume' }));
    game.run(propose('pm', 'us', 'joint-investigation'));
    game.run(f({ type: 'game.end' }));
    // The proposal left waiting lapsed with the game.
    expect(game.state.agreements[0]!.status).toBe('lapsed');
    refusedWith(game, propose('pm', 'us', 'joint-investigation'), 'wrong-phase');
    refusedWith(game, answer('us', 1, true), 'wrong-phase');
    refusedWith(game, request('pm', 'Close the airport.', 'It stops the drones.'), 'wrong-phase');
    const setup = new LiveGame(c, 1);
    refusedWith(setup, request('pm', 'Close the airport.', 'It stops the drones.'), 'not-your-seat');
  });

  it('refuses oversized and hostile text, at the door and in the engine', () => {
    const game = gameAt('statements', ['pm', 'us']);
    const huge = request('pm', 'x'.repeat(10_000), 'y');
    expect(parseEntry(huge)).toMatchObject({ ok: false, code: 'malformed' });
    refusedWith(game, huge, 'malformed');
    refusedWith(game, request('pm', '\u200b\u202e\u0007 ', 'Because.'), 'malformed');
    refusedWith(game, request('pm', 'Act.', '   '), 'malformed');
    expect(cleanCommand(request('pm', '\u200b', 'x').command)).toMatchObject({ ok: false });
    expect(
      parseEntry(seat('pm', { type: 'agreement.answer', actor: 'pm', n: 0, accept: true })),
    ).toMatchObject({
      ok: false,
    });
    // Markup stays text; control and invisible characters go.
    expect(game.run(request('pm', '<b>Close</b>\u202e the\u0007 airport', '<script>x</script>'))).toBe(true);
    expect(game.state.rulings[0]).toMatchObject({
      text: '<b>Close</b> the airport',
      argument: '<script>x</script>',
    });
    for (let i = 0; i < 2; i++) game.run(request('pm', `Act ${i}.`, 'Because.'));
    refusedWith(game, request('pm', 'One too many.', 'Because.'), 'too-many');
  });
});

describe('breaches', () => {
  it('a party’s act breaks a standing agreement at the resolution, with its costs, recorded for the debrief', () => {
    const game = gameAt('sit-ins', ['pm', 'framework']);
    expect(game.run(propose('framework', 'pm', 'recount-for-sit-ins'))).toBe(true);
    expect(game.run(answer('pm', 1, true))).toBe(true);
    const options = game.state.offers.framework!.options;
    const breaking = options.find((o) => o === 'sit-ins' || o === 'storm-green-zone');
    expect(breaking).toBeDefined();
    game.run(submit('framework', breaking!));
    game.run(submit('pm', game.state.offers.pm!.options.find((o) => o !== 'raid-militia-strongholds')!));
    game.computersDecide();
    expect(game.run(resolveEntry)).toBe(true);
    expect(game.state.agreements[0]).toMatchObject({
      status: 'broken',
      broken: { by: 'framework', turn: turnOf('sit-ins') },
    });
    const kinds = game.state.world.changes.map((ch) => ch.cause.kind);
    expect(kinds).toContain('agreement');
    expect(kinds).toContain('breach');
    // A private agreement: a third seat and the public see neither the deal nor its causes.
    const third = viewFor(c, game.state, 'us');
    expect(third.agreements).toEqual([]);
    expect(JSON.stringify(third)).not.toContain('recount-for-sit-ins');
    expect(JSON.stringify(publicView(c, game.state))).not.toContain('recount-for-sit-ins');
    expect(viewFor(c, game.state, 'pm').agreements![0]!.status).toBe('broken');
    expect(replay(c, game.record)).toEqual(game.state);
  });
});

describe('requests for a ruling', () => {
  it('allowed, refused or rolled at stated odds from the seed; seen by the requester and the facilitator only', () => {
    const game = gameAt('statements', ['pm', 'sadrists']);
    game.run(request('pm', 'Close the airport to foreign flights.', 'It keeps drones out.'));
    game.run(request('sadrists', 'March on the commission.', 'Our voters demand it.'));
    game.run(request('sadrists', 'Ask the Marjaiya to speak.', 'It calms the street.'));
    refusedWith(game, f({ type: 'ruling.give', n: 1, verdict: 'allowed', reason: 'Fine.' }), 'malformed');
    refusedWith(
      game,
      f({ type: 'ruling.give', n: 2, verdict: 'allowed', effect: 'security-holds', reason: 'Fine.' }),
      'not-allowed',
    );
    refusedWith(
      game,
      f({ type: 'ruling.give', n: 1, verdict: 'rolled', effect: 'security-holds', reason: 'Maybe.' }),
      'malformed',
    );
    refusedWith(
      game,
      f({ type: 'ruling.give', n: 1, verdict: 'allowed', effect: 'no-such', reason: 'Fine.' }),
      'unknown',
    );
    refusedWith(game, f({ type: 'ruling.give', n: 4, verdict: 'refused', reason: 'No.' }), 'unknown');
    refusedWith(
      game,
      seat('pm', { type: 'ruling.give', n: 1, verdict: 'refused', reason: 'No.' }),
      'not-allowed',
    );
    expect(
      game.run(
        f({ type: 'ruling.give', n: 1, verdict: 'allowed', effect: 'security-holds', reason: 'Plausible.' }),
      ),
    ).toBe(true);
    expect(
      game.run(f({ type: 'ruling.give', n: 2, verdict: 'refused', reason: 'Beyond the sources.' })),
    ).toBe(true);
    expect(
      game.run(
        f({
          type: 'ruling.give',
          n: 3,
          verdict: 'rolled',
          effect: 'quiet-channel',
          reason: 'Uncertain.',
          odds: 0.5,
        }),
      ),
    ).toBe(true);
    refusedWith(game, f({ type: 'ruling.give', n: 1, verdict: 'refused', reason: 'Again.' }), 'unchanged');
    const rolled = game.state.rulings[2]!.ruling!;
    expect(rolled.roll).toBe(rulingRoll(game.state.seed, 3));
    expect(rolled.granted).toBe(rolled.roll! < 0.5);
    // Only the requester and the facilitator see a request and its ruling.
    expect(viewFor(c, game.state, 'pm').rulings!.map((r) => r.n)).toEqual([1]);
    expect(viewFor(c, game.state, 'sadrists').rulings!.map((r) => r.n)).toEqual([2, 3]);
    expect(JSON.stringify(viewFor(c, game.state, 'us'))).not.toContain('airport');
    expect(JSON.stringify(publicView(c, game.state))).not.toContain('airport');
    expect(facilitatorView(c, game.state).rulings).toHaveLength(3);
    // The granted effect applies when the turn resolves.
    game.computersDecide();
    for (const actor of ['pm', 'sadrists']) game.run(submit(actor, game.state.offers[actor]!.options[0]!));
    expect(game.run(resolveEntry)).toBe(true);
    const ruled = game.state.world.changes.filter((ch) => ch.cause.kind === 'ruling').map((ch) => ch.cause);
    expect(ruled).toEqual([
      { kind: 'ruling', n: 1, actor: 'pm', effect: 'security-holds' },
      ...(rolled.granted ? [{ kind: 'ruling', n: 3, actor: 'sadrists', effect: 'quiet-channel' }] : []),
    ]);
    expect(reportData(c, game.state, game.record).rulings).toHaveLength(3);
    expect(replay(c, game.record)).toEqual(game.state);
  });
});

describe('replay and fork', () => {
  it('a record with agreements and rulings replays to the same state, through JSON too; a fork keeps what came before', () => {
    const game = gameAt('statements', ['pm', 'us']);
    game.run(propose('pm', 'us', 'joint-investigation'));
    game.run(answer('us', 1, true, 'Agreed.'));
    game.run(request('pm', 'Close the airport.', 'It keeps drones out.'));
    game.run(
      f({
        type: 'ruling.give',
        n: 1,
        verdict: 'rolled',
        effect: 'heard-abroad',
        reason: 'A chance.',
        odds: 0.3,
      }),
    );
    playTurns(game, [0], 1);
    game.run(propose('us', 'pm', 'joint-investigation'));
    expect(game.refused).toBe(1); // it stands already
    expect(replay(c, game.record)).toEqual(game.state);
    expect(replay(c, JSON.parse(JSON.stringify(game.record)))).toEqual(game.state);
    const fork = replay(c, forkAt(c, game.record, turnOf('statements') + 1));
    expect(fork.agreements).toEqual(game.state.agreements);
    expect(fork.rulings).toEqual(game.state.rulings);
  });
});

describe('no seat sees another’s proposal or request (property)', () => {
  /** An agreement or ruling command from a few numbers: often plausible, often not. */
  function move(game: LiveGame, [kind = 0, a = 0, b = 0, x = 0]: readonly number[]): Entry {
    const seats = c.playableIds;
    const from = seats[a % seats.length]!;
    const voice = x % 7 === 0 ? seats[(a + 1) % seats.length]! : from;
    const as = game.state.seats[voice] === 'computer' ? 'computer' : 'person';
    const to = seats[b % seats.length]!;
    const defs = c.scenario.agreements!;
    const n = 1 + (x % (Math.max(game.state.agreements.length, game.state.rulings.length) + 1));
    switch (kind % 6) {
      case 0:
        return {
          by: { seat: voice, as },
          command: { type: 'agreement.propose', actor: from, to, agreement: defs[x % defs.length]!.id },
        };
      case 1:
        return {
          by: { seat: voice, as },
          command: { type: 'agreement.answer', actor: from, n, accept: x % 2 === 0 },
        };
      case 2:
        return {
          by: { seat: voice, as },
          command: {
            type: 'ruling.request',
            actor: from,
            text: `marker-${game.state.rulings.length + 1}-x`,
            argument: 'Because.',
          },
        };
      case 3:
        return f({
          type: 'ruling.give',
          n,
          verdict: 'rolled',
          effect: 'heard-abroad',
          reason: 'A roll.',
          odds: 0.5,
        });
      case 4:
        return nextCommand(c, game.state, false) ?? resolveEntry;
      default:
        return { by: { seat: voice, as }, command: { type: 'agreement.withdraw', actor: from, n } };
    }
  }

  it('viewFor(actor) holds only its own proposals and requests, and public agreements accepted; replay is identical', () => {
    const seen = { mine: 0, kept: 0 };
    fc.assert(
      fc.property(
        fc.nat(),
        fc.subarray([...c.playableIds]),
        fc.integer({ min: 4, max: 7 }),
        fc.array(fc.array(fc.nat(1 << 12), { minLength: 4, maxLength: 4 }), { maxLength: 40 }),
        (seed, people, at, moves) => {
          const game = new LiveGame(c, seed).start(people);
          playTurns(game, [0], at, { i: 0 }, true);
          for (const m of moves) {
            game.run(move(game, m));
            if (m[3]! % 11 === 0) playTurns(game, m, 1, { i: 0 }, true);
          }
          const s = game.state;
          for (const actor of c.actorIds) {
            const view = viewFor(c, s, actor);
            const shown = new Set(view.agreements!.map((a) => a.n));
            for (const item of s.agreements) {
              const party = item.from === actor || item.to === actor;
              const open =
                (item.status === 'accepted' || item.status === 'broken') &&
                c.agreementById.get(item.agreement)!.public;
              expect(shown.has(item.n)).toBe(party || open);
              seen[party ? 'mine' : 'kept']++;
            }
            const json = JSON.stringify(view);
            for (const r of s.rulings) expect(json.includes(`"${r.text}"`)).toBe(r.actor === actor);
          }
          const pub = publicView(c, s).agreements!;
          expect(pub.every((a) => c.agreementById.get(a.agreement)!.public)).toBe(true);
          expect(replay(c, game.record)).toEqual(s);
        },
      ),
      { numRuns: 40 },
    );
    expect(seen.mine).toBeGreaterThan(5);
    expect(seen.kept).toBeGreaterThan(5);
  });
});
