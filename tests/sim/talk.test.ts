// Statements, private messages, the room's rule on talk and a reason with each decision: commands in the record
// like decisions, seen only by whom they are addressed to, refused in one sentence when not allowed.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanCommand, type Entry, parseEntry } from '../../src/sim/commands.ts';
import { type CompiledScenario, compileScenario } from '../../src/sim/compile.ts';
import { decisionCsv, decisionRows, parseDecisionCsv } from '../../src/sim/decision-log.ts';
import { applyCommand, applyOwned } from '../../src/sim/engine.ts';
import { MAX_MESSAGE_CHARS, MAX_SAID_PER_TURN, MAX_STATEMENT_CHARS } from '../../src/sim/limits.ts';
import { forkAt, replay } from '../../src/sim/record.ts';
import type { GameState } from '../../src/sim/state.ts';
import { saidFor } from '../../src/sim/talk.ts';
import { facilitatorView, publicView, viewFor } from '../../src/sim/view.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { miniScenario } from '../helpers/mini-scenario.ts';
import { entryFor, FACILITATOR, LiveGame, playTurns, resolveEntry, submit } from '../helpers/play.ts';

const c = compileScenario(miniScenario);
const f = (command: Entry['command']): Entry => ({ by: FACILITATOR, command });
const started = (people: string[] = ['gov', 'militia']) => new LiveGame(c, 3).start(people);

const say = (actor: string, text: string, to?: string[], as: 'person' | 'computer' = 'person'): Entry => ({
  by: { seat: actor, as },
  command: { type: 'statement.publish', actor, text, ...(to ? { to } : {}) },
});
const send = (actor: string, to: string[], text: string, as: 'person' | 'computer' = 'person'): Entry => ({
  by: { seat: actor, as },
  command: { type: 'message.send', actor, to, text },
});

/** Refused with this code, the state exactly as it was, copied or in place; returns the sentence. */
function refusedWith(game: LiveGame, entry: Entry, code: string): string {
  const before = structuredClone(game.state);
  const result = applyCommand(c, game.state, entry);
  expect(result).toMatchObject({ ok: false, code });
  expect(game.state).toEqual(before);
  const owned = structuredClone(game.state);
  expect(applyOwned(c, owned, entry)).toMatchObject({ ok: false, code });
  expect(owned).toEqual(before);
  const message = result.ok ? '' : result.message;
  // One sentence: it ends with a full stop and holds no other.
  expect(message).toMatch(/^[^\n]+\.$/);
  return message;
}

const texts = (state: GameState, actor: string) => (viewFor(c, state, actor).said ?? []).map((x) => x.text);

describe('statements', () => {
  it('a public statement reaches the public view and every seat; it moves no belief or indicator', () => {
    const game = started();
    const before = structuredClone(game.state);
    expect(game.run(say('gov', 'We call for calm.'))).toBe(true);
    const s = game.state;
    expect(s.said).toEqual([
      { n: 1, turn: 0, kind: 'statement', from: 'gov', to: 'public', text: 'We call for calm.' },
    ]);
    expect(publicView(c, s).said.map((x) => x.text)).toEqual(['We call for calm.']);
    for (const actor of c.actorIds) expect(texts(s, actor)).toEqual(['We call for calm.']);
    // No rule reads what is said.
    expect(s.world).toEqual(before.world);
    expect(s.beliefs).toEqual(before.beliefs);
    expect(s.postures).toEqual(before.postures);
  });

  it('a statement to named actors reaches them and the speaker, not the public and not the others', () => {
    const game = started();
    expect(game.run(say('gov', 'To the militia: stand down.', ['militia']))).toBe(true);
    expect(texts(game.state, 'militia')).toEqual(['To the militia: stand down.']);
    expect(texts(game.state, 'gov')).toEqual(['To the militia: stand down.']);
    expect(texts(game.state, 'press')).toEqual([]);
    expect(publicView(c, game.state).said).toEqual([]);
  });

  it('keeps markup as text and removes control and invisible characters', () => {
    const game = started();
    expect(game.run(say('gov', '  <b>Calm</b>\u0007 &amp;\u202e now\n\n<script>x</script> '))).toBe(true);
    expect(game.state.said[0]!.text).toBe('<b>Calm</b> &amp; now <script>x</script>');
  });
});

describe('private messages', () => {
  it('only the sender, the recipients and the facilitator see a message', () => {
    const game = started();
    expect(game.run(send('militia', ['gov'], 'A deal: the recount for the sit-ins.'))).toBe(true);
    const s = game.state;
    expect(texts(s, 'gov')).toEqual(['A deal: the recount for the sit-ins.']);
    expect(texts(s, 'militia')).toEqual(['A deal: the recount for the sit-ins.']);
    expect(texts(s, 'press')).toEqual([]);
    expect(JSON.stringify(publicView(c, s))).not.toContain('recount');
    expect(JSON.stringify(viewFor(c, s, 'press'))).not.toContain('recount');
    expect(saidFor(s, { facilitator: true }).map((x) => x.text)).toEqual([
      'A deal: the recount for the sit-ins.',
    ]);
    expect(facilitatorView(c, s).said).toHaveLength(1);
  });
});

describe('identity and hostile input: refused in one sentence, nothing changed', () => {
  it('a seat writing as another seat, from a seat it does not hold, or the facilitator writing as a seat', () => {
    const game = started(['gov']);
    expect(
      refusedWith(game, { ...say('gov', 'x'), by: { seat: 'militia', as: 'person' } }, 'not-your-seat'),
    ).toBe('The seat militia cannot speak for gov.');
    refusedWith(
      game,
      { ...send('gov', ['militia'], 'x'), by: { seat: 'militia', as: 'computer' } },
      'not-your-seat',
    );
    // militia is the computer's seat: a person there cannot speak as it, nor the computer at gov.
    refusedWith(game, send('militia', ['gov'], 'x', 'person'), 'not-your-seat');
    refusedWith(game, say('gov', 'x', undefined, 'computer'), 'not-your-seat');
    refusedWith(game, { ...say('gov', 'x'), by: FACILITATOR }, 'not-allowed');
    // A simulated actor has no seat to speak from.
    refusedWith(game, say('press', 'x', undefined, 'computer'), 'unknown');
    game.run(f({ type: 'seat.set', actor: 'gov', holder: 'vacant' }));
    refusedWith(game, say('gov', 'x'), 'not-your-seat');
  });

  it('to a seat that does not exist, to a simulated actor, to itself, to no one or to the same seat twice', () => {
    const game = started();
    expect(refusedWith(game, send('gov', ['nobody'], 'x'), 'unknown')).toBe(
      "nobody is not a playable actor's seat.",
    );
    refusedWith(game, send('gov', ['__proto__'], 'x'), 'unknown');
    refusedWith(game, send('gov', ['press'], 'x'), 'unknown');
    refusedWith(game, say('gov', 'x', ['constructor']), 'unknown');
    expect(refusedWith(game, send('gov', ['gov'], 'x'), 'malformed')).toBe('gov cannot address itself.');
    refusedWith(game, say('gov', 'x', ['gov']), 'malformed');
    refusedWith(game, send('gov', [], 'x'), 'malformed');
    refusedWith(game, send('gov', ['militia', 'militia'], 'x'), 'malformed');
  });

  it('oversized text, or text with nothing to read', () => {
    const game = started();
    expect(refusedWith(game, say('gov', 'a'.repeat(MAX_STATEMENT_CHARS + 1)), 'malformed')).toBe(
      `A statement may be at most ${MAX_STATEMENT_CHARS} characters; this one has ${MAX_STATEMENT_CHARS + 1}.`,
    );
    refusedWith(game, send('gov', ['militia'], 'a'.repeat(MAX_MESSAGE_CHARS + 1)), 'malformed');
    expect(refusedWith(game, send('gov', ['militia'], ' \u0000\u200b\u202e\t\n '), 'malformed')).toBe(
      'There is nothing to read in this message.',
    );
    refusedWith(game, say('gov', ''), 'malformed');
    // At the bound exactly, it is taken.
    expect(game.run(say('gov', 'a'.repeat(MAX_STATEMENT_CHARS)))).toBe(true);
  });

  it('too many in a turn: refused until the next turn', () => {
    const game = started();
    for (let i = 0; i < MAX_SAID_PER_TURN; i++) {
      expect(game.run(i % 2 ? say('gov', `s${i}`) : send('gov', ['militia'], `m${i}`))).toBe(true);
    }
    expect(refusedWith(game, say('gov', 'one more'), 'too-many')).toBe(
      `gov has sent ${MAX_SAID_PER_TURN} statements and messages this turn; it may send more in the next.`,
    );
    refusedWith(game, send('gov', ['militia'], 'one more'), 'too-many');
    // Another seat's count is its own.
    expect(game.run(send('militia', ['gov'], 'mine'))).toBe(true);
    game.run(submit('gov', 'restraint'));
    game.run(submit('militia', 'wait'));
    expect(game.run(resolveEntry)).toBe(true);
    expect(game.run(say('gov', 'a new turn'))).toBe(true);
  });

  it('the room’s talk level: none refuses both, statements refuses messages', () => {
    const game = started();
    expect(game.run(f({ type: 'talk.set', level: 'none', approve: false }))).toBe(true);
    expect(refusedWith(game, say('gov', 'x'), 'not-allowed')).toBe(
      'The room allows no statements or messages now.',
    );
    refusedWith(game, send('gov', ['militia'], 'x'), 'not-allowed');
    game.run(f({ type: 'talk.set', level: 'statements', approve: false }));
    refusedWith(game, send('gov', ['militia'], 'x'), 'not-allowed');
    expect(game.run(say('gov', 'x'))).toBe(true);
    game.run(f({ type: 'talk.set', level: 'all', approve: false }));
    expect(game.run(send('gov', ['militia'], 'x'))).toBe(true);
  });

  it('not while paused, not after the end, and the room’s rule is the facilitator’s alone', () => {
    const game = started();
    refusedWith(
      game,
      { by: { seat: 'gov', as: 'person' }, command: { type: 'talk.set', level: 'none', approve: false } },
      'not-allowed',
    );
    game.run(say('gov', 'x'));
    refusedWith(
      game,
      { by: { seat: 'gov', as: 'person' }, command: { type: 'said.hide', n: 1, reason: 'mine' } },
      'not-allowed',
    );
    game.run(f({ type: 'game.pause' }));
    expect(refusedWith(game, say('gov', 'x'), 'paused')).toBe('The game is paused.');
    game.run(f({ type: 'game.resume' }));
    game.run(f({ type: 'game.end' }));
    refusedWith(game, send('gov', ['militia'], 'x'), 'wrong-phase');
    refusedWith(game, f({ type: 'talk.set', level: 'none', approve: false }), 'wrong-phase');
  });
});

describe('the facilitator’s rule over talk', () => {
  it('with approval, a public statement waits: only its speaker and the facilitator see it until approved', () => {
    const game = started();
    game.run(f({ type: 'talk.set', level: 'all', approve: true }));
    game.run(say('gov', 'Pending words.'));
    game.run(say('gov', 'To the militia only.', ['militia']));
    const s = game.state;
    expect(s.said[0]!.waiting).toBe(true);
    expect(s.said[1]!.waiting).toBeUndefined();
    expect(publicView(c, s).said).toEqual([]);
    expect(texts(s, 'militia')).toEqual(['To the militia only.']);
    expect(viewFor(c, s, 'gov').said?.map((x) => [x.text, x.waiting])).toEqual([
      ['Pending words.', true],
      ['To the militia only.', false],
    ]);
    expect(facilitatorView(c, s).said.map((x) => x.waiting)).toEqual([true, false]);
    expect(refusedWith(game, f({ type: 'statement.approve', n: 2 }), 'wrong-phase')).toBe(
      'Number 2 is not a statement waiting for approval.',
    );
    refusedWith(game, f({ type: 'statement.approve', n: 3 }), 'unknown');
    expect(game.run(f({ type: 'statement.approve', n: 1 }))).toBe(true);
    expect(publicView(c, game.state).said.map((x) => x.text)).toEqual(['Pending words.']);
    expect(texts(game.state, 'militia')).toEqual(['Pending words.', 'To the militia only.']);
    // The old state is untouched by the copying engine.
    expect(s.said[0]!.waiting).toBe(true);
  });

  it('a hidden statement or message leaves every view but the facilitator’s, and stays in the record', () => {
    const game = started();
    game.run(say('gov', 'Said in public.'));
    game.run(send('militia', ['gov'], 'Said in private.'));
    expect(game.run(f({ type: 'said.hide', n: 2, reason: 'Off topic.' }))).toBe(true);
    expect(game.run(f({ type: 'said.hide', n: 1, reason: 'Insulting.' }))).toBe(true);
    const s = game.state;
    expect(publicView(c, s).said).toEqual([]);
    for (const actor of c.actorIds) expect(texts(s, actor)).toEqual([]);
    expect(facilitatorView(c, s).said.map((x) => x.hidden)).toEqual(['Insulting.', 'Off topic.']);
    expect(game.record.entries.filter((e) => e.command.type === 'message.send')).toHaveLength(1);
    refusedWith(game, f({ type: 'said.hide', n: 1, reason: 'again' }), 'unchanged');
    refusedWith(game, f({ type: 'said.hide', n: 9, reason: 'x' }), 'unknown');
    refusedWith(game, f({ type: 'said.hide', n: 1, reason: '\u200b ' }), 'malformed');
    refusedWith(game, f({ type: 'statement.approve', n: 1 }), 'wrong-phase');
  });
});

describe('a reason with each decision', () => {
  it('is kept cleaned with the choice, logged, written as the CSV’s last column, and read back', () => {
    const game = started();
    const reason = 'The militia <b>will</b> escalate,\u0007 so we "wait".';
    const entry = {
      by: { seat: 'gov', as: 'person' as const },
      command: { type: 'decision.submit' as const, actor: 'gov', option: 'restraint', reason },
    };
    expect(game.run(entry)).toBe(true);
    expect(game.state.pending.gov).toEqual({
      option: 'restraint',
      by: 'person',
      reason: 'The militia <b>will</b> escalate, so we "wait".',
    });
    expect(viewFor(c, game.state, 'gov').decision?.reason).toBe(
      'The militia <b>will</b> escalate, so we "wait".',
    );
    expect(JSON.stringify(viewFor(c, game.state, 'militia'))).not.toContain('escalate');
    // The same choice with the same reason changes nothing; with another reason it is a change.
    refusedWith(game, entry, 'unchanged');
    const other = { ...entry, command: { ...entry.command, reason: 'Because.' } };
    expect(game.run(other)).toBe(true);
    game.run(submit('militia', 'wait'));
    game.run(resolveEntry);
    expect(game.state.world.log.find((d) => d.actor === 'gov')?.reason).toBe('Because.');
    expect(game.state.world.log.find((d) => d.actor === 'militia')).not.toHaveProperty('reason');
    expect(viewFor(c, game.state, 'gov').choices).toEqual([
      { turn: 0, option: 'restraint', reason: 'Because.' },
    ]);
    const rows = decisionRows(c, game.state);
    const csv = decisionCsv(rows);
    expect(csv.split('\r\n')[0]!.endsWith(',by,reason')).toBe(true);
    expect(parseDecisionCsv(csv)).toEqual(rows);
    expect(rows.find((r) => r.actor === 'gov')?.reason).toBe('Because.');
    expect(replay(c, game.record)).toEqual(game.state);
  });

  it('a reason a spreadsheet would take for a formula is written as text, and read back as typed', () => {
    const base = {
      turn: 1,
      date: '2021-10-10',
      dateShown: '2021-10-10',
      turnId: 't1',
      actor: 'gov',
      option: 'raid',
      label: 'Raid',
      asInHistory: 'not reported' as const,
      by: 'seat' as const,
    };
    const rows = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', "'=quoted", "It's fine", 'Plain.'].map(
      (reason) => ({
        ...base,
        reason,
      }),
    );
    const csv = decisionCsv(rows);
    expect(csv).toContain(`,"'=HYPERLINK(""x"")"\r\n`);
    expect(csv).toContain(",''=quoted\r\n");
    expect(csv).toContain(",It's fine\r\n");
    expect(parseDecisionCsv(csv)).toEqual(rows);
  });

  it('a log written before the reason column still parses', () => {
    const game = started();
    game.run(submit('gov', 'restraint'));
    game.run(submit('militia', 'wait'));
    game.run(resolveEntry);
    const rows = decisionRows(c, game.state);
    const old = decisionCsv(rows)
      .split('\r\n')
      .map((line) => line.replace(/,(reason)?$/, ''))
      .join('\r\n');
    expect(old.startsWith('turn,date,date_shown,turn_id,actor,option,label,as_in_history,by\r\n')).toBe(true);
    expect(parseDecisionCsv(old)).toEqual(rows);
  });

  it('too long a reason is refused; one with nothing to read is no reason', () => {
    const game = started();
    const cmd = (reason: string): Entry => ({
      by: { seat: 'gov', as: 'person' },
      command: { type: 'decision.submit', actor: 'gov', option: 'restraint', reason },
    });
    expect(refusedWith(game, cmd('x'.repeat(301)), 'malformed')).toBe(
      "A decision's reason may be at most 300 characters; this one has 301.",
    );
    expect(game.run(cmd(' \u200b\u0000 '))).toBe(true);
    expect(game.state.pending.gov).toEqual({ option: 'restraint', by: 'person' });
  });
});

describe('the record', () => {
  it('a game with statements, messages and rulings replays to the same state, and a fork keeps what was said', () => {
    const game = started();
    game.run(f({ type: 'talk.set', level: 'all', approve: true }));
    game.run(say('gov', 'Public, waiting.'));
    game.run(send('militia', ['gov'], 'Private.'));
    game.run(f({ type: 'statement.approve', n: 1 }));
    game.run(submit('gov', 'restraint'));
    game.run(submit('militia', 'wait'));
    game.run(resolveEntry);
    game.run(say('militia', 'Turn two.', ['gov']));
    game.run(f({ type: 'said.hide', n: 2, reason: 'A test.' }));
    expect(game.refused).toBe(0);
    expect(replay(c, game.record)).toEqual(game.state);
    const json = JSON.parse(JSON.stringify(game.record));
    expect(replay(c, json)).toEqual(game.state);
    const fork = replay(c, forkAt(c, game.record, 1));
    expect(fork.said.map((x) => x.text)).toEqual(['Public, waiting.', 'Private.']);
    expect(fork.said[0]!.waiting).toBeUndefined();
  });

  it('the record’s schema takes the new commands and refuses malformed ones', () => {
    const good: unknown[] = [
      {
        by: { seat: 'gov', as: 'person' },
        command: { type: 'statement.publish', actor: 'gov', text: 'Hi.' },
      },
      {
        by: { seat: 'gov', as: 'person' },
        command: { type: 'statement.publish', actor: 'gov', text: 'Hi.', to: ['militia'] },
      },
      {
        by: { seat: 'gov', as: 'person' },
        command: { type: 'message.send', actor: 'gov', to: ['militia'], text: 'Hi.' },
      },
      { by: { facilitator: true }, command: { type: 'talk.set', level: 'statements', approve: true } },
      { by: { facilitator: true }, command: { type: 'statement.approve', n: 1 } },
      { by: { facilitator: true }, command: { type: 'said.hide', n: 3, reason: 'Rude.' } },
      {
        by: { seat: 'gov', as: 'person' },
        command: { type: 'decision.submit', actor: 'gov', option: 'raid', reason: 'So.' },
      },
    ];
    for (const raw of good) expect(parseEntry(raw)).toEqual(raw);
    const seat = { seat: 'gov', as: 'person' };
    const bad: unknown[] = [
      { by: seat, command: { type: 'statement.publish', actor: 'gov' } },
      {
        by: seat,
        command: { type: 'statement.publish', actor: 'gov', text: 'x'.repeat(MAX_STATEMENT_CHARS + 1) },
      },
      { by: seat, command: { type: 'statement.publish', actor: 'gov', text: 'x', to: [] } },
      { by: seat, command: { type: 'statement.publish', actor: 'gov', text: 'x', to: 'militia' } },
      { by: seat, command: { type: 'message.send', actor: 'gov', text: 'x' } },
      { by: seat, command: { type: 'message.send', actor: 'gov', to: Array(21).fill('militia'), text: 'x' } },
      {
        by: seat,
        command: {
          type: 'message.send',
          actor: 'gov',
          to: ['militia'],
          text: 'x'.repeat(MAX_MESSAGE_CHARS + 1),
        },
      },
      { by: seat, command: { type: 'message.send', actor: 'gov', to: ['militia'], text: 7 } },
      {
        by: seat,
        command: { type: 'message.send', actor: 'gov', to: ['militia'], text: 'x', from: 'militia' },
      },
      { by: FACILITATOR, command: { type: 'talk.set', level: 'some', approve: false } },
      { by: FACILITATOR, command: { type: 'talk.set', level: 'all' } },
      { by: FACILITATOR, command: { type: 'statement.approve', n: 0 } },
      { by: FACILITATOR, command: { type: 'statement.approve', n: 1.5 } },
      { by: FACILITATOR, command: { type: 'said.hide', n: 1 } },
      { by: FACILITATOR, command: { type: 'said.hide', n: 1, reason: '   ' } },
      {
        by: seat,
        command: { type: 'decision.submit', actor: 'gov', option: 'raid', reason: 'x'.repeat(301) },
      },
    ];
    for (const raw of bad) expect(parseEntry(raw)).toMatchObject({ ok: false, code: 'malformed' });
  });
});

describe('text from a person, as a room takes it (cleanCommand)', () => {
  it('is cleaned, and refused when too long or with nothing to read', () => {
    const statement = {
      type: 'statement.publish' as const,
      actor: 'gov',
      text: ' Calm\u0000 <b>now</b>\u200b ',
    };
    expect(cleanCommand(statement)).toEqual({ ...statement, text: 'Calm <b>now</b>' });
    expect(cleanCommand({ ...statement, text: '\u202e \u0007' })).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    expect(cleanCommand({ ...statement, text: 'a'.repeat(MAX_STATEMENT_CHARS + 1) })).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    const message = {
      type: 'message.send' as const,
      actor: 'gov',
      to: ['militia'],
      text: 'a'.repeat(MAX_MESSAGE_CHARS),
    };
    expect(cleanCommand(message)).toEqual(message);
    expect(cleanCommand({ type: 'said.hide', n: 1, reason: ' \u200b' })).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    const decision = { type: 'decision.submit' as const, actor: 'gov', option: 'raid' };
    expect(cleanCommand({ ...decision, reason: '\u0000 ' })).toEqual(decision);
    expect(cleanCommand({ ...decision, reason: ' Why\tnot. ' })).toEqual({ ...decision, reason: 'Why not.' });
  });
});

describe('no seat ever sees a message not addressed to it or from it (property)', () => {
  let b: CompiledScenario;
  beforeAll(async () => {
    b = await bundledScenario();
  });

  /** A talk command from a few numbers: often plausible, often not (another seat's voice, a wrong addressee). */
  function talkEntry(game: LiveGame, move: readonly number[]): Entry {
    const [kind = 0, a = 0, x = 0, y = 0] = move;
    const seats = b.playableIds;
    const from = seats[a % seats.length]!;
    const voice = y % 7 === 0 ? seats[(a + 1) % seats.length]! : from;
    const as = game.state.seats[voice] === 'computer' ? 'computer' : 'person';
    const to = seats.filter((_, i) => (x >> i) & 1);
    const text = `marker-${game.state.said.length + 1}-${kind}`;
    switch (kind % 6) {
      case 0:
        return { by: { seat: voice, as }, command: { type: 'message.send', actor: from, to, text } };
      case 1:
        return {
          by: { seat: voice, as },
          command: { type: 'statement.publish', actor: from, text, ...(y % 2 ? { to } : {}) },
        };
      case 2:
        return f({
          type: 'talk.set',
          level: (['none', 'statements', 'all'] as const)[y % 3]!,
          approve: x % 2 === 0,
        });
      case 3:
        return f({ type: 'statement.approve', n: 1 + (x % (game.state.said.length + 1)) });
      case 4:
        return f({ type: 'said.hide', n: 1 + (x % (game.state.said.length + 1)), reason: 'A test.' });
      default:
        return entryFor(b, game.state, move);
    }
  }

  it('viewFor(actor) holds only what is public, its own, or addressed to it; the public view only public statements', () => {
    const seen = { heard: 0, kept: 0, messages: 0 };
    fc.assert(
      fc.property(
        fc.nat(),
        fc.subarray([...b.playableIds]),
        fc.array(fc.array(fc.nat(1 << 12), { minLength: 4, maxLength: 4 }), { maxLength: 60 }),
        (seed, people, moves) => {
          const game = new LiveGame(b, seed).start(people);
          for (const move of moves) {
            game.run(talkEntry(game, move));
            if (move[2]! % 9 === 0) playTurns(game, move, 1, { i: 0 }, true);
          }
          const s = game.state;
          for (const actor of b.actorIds) {
            const view = viewFor(b, s, actor);
            const json = JSON.stringify(view);
            for (const said of s.said) {
              const mayHear =
                said.hidden === undefined &&
                (said.from === actor || (said.to === 'public' ? !said.waiting : said.to.includes(actor)));
              // Each text is unique to its item: not even a fragment of another seat's message passes.
              expect(json.includes(`"${said.text}"`)).toBe(mayHear);
              seen[mayHear ? 'heard' : 'kept']++;
              if (said.kind === 'message' && said.hidden === undefined) seen.messages++;
            }
          }
          const shown = publicView(b, s).said;
          expect(shown.every((x) => x.kind === 'statement' && x.to === 'public' && !x.waiting)).toBe(true);
          expect(replay(b, game.record)).toEqual(s);
        },
      ),
      { numRuns: 60 },
    );
    // Not vacuous: messages were sent, and some things were heard and some kept from a seat.
    expect(seen.messages).toBeGreaterThan(20);
    expect(seen.heard).toBeGreaterThan(20);
    expect(seen.kept).toBeGreaterThan(20);
  });
});

describe('copying and in place', () => {
  it('applyOwned and applyCommand agree on every talk command', () => {
    const game = started();
    const entries: Entry[] = [
      f({ type: 'talk.set', level: 'all', approve: true }),
      say('gov', 'a'),
      send('militia', ['gov'], 'b'),
      f({ type: 'statement.approve', n: 1 }),
      f({ type: 'said.hide', n: 2, reason: 'r' }),
    ];
    let owned = structuredClone(game.state);
    for (const entry of entries) {
      const before = structuredClone(game.state);
      const copied = applyCommand(c, game.state, entry);
      if (!copied.ok) throw new Error(copied.message);
      expect(game.state).toEqual(before);
      const inPlace = applyOwned(c, owned, entry);
      if (!inPlace.ok) throw new Error(inPlace.message);
      owned = inPlace.state;
      expect(owned).toEqual(copied.state);
      game.state = copied.state;
    }
  });
});
