import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayText } from '../../src/cli/replay.ts';
import type {
  ConsoleClientView,
  ProjectorClientView,
  SeatClientView,
} from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { parseDecisionCsv } from '../../src/sim/decision-log.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'facilitator-key-0123456789';
let t: TestClassroom;

beforeAll(async () => {
  t = await bootClassroom();
});
afterAll(async () => {
  await t.running.close();
});

async function openRoom(seats: Record<string, string> = { pm: 'person', framework: 'person' }) {
  const room = await t.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed: 7,
    seats,
    autoResolve: true,
    key: KEY,
  });
  const inbox = new Inbox(room);
  const view = await inbox.until<ConsoleClientView>((v) => v.kind === 'console', 'the console');
  return { room, inbox, code: view.code };
}

async function join(code: string, options: Record<string, unknown>): Promise<{ room: Room; inbox: Inbox }> {
  const room = await t.harness.sdk.joinById(code, options);
  return { room, inbox: new Inbox(room) };
}

const request = (room: Room, type: string, message: unknown) => room.request(type, message) as Promise<Reply>;

describe('a classroom room', () => {
  it('opens with a join code, seats teams, and plays a turn only through the engine', async () => {
    const f = await openRoom();
    expect(f.code).toMatch(/^[A-HJ-NP-Z]{6}$/);
    const pm = await join(f.code, {
      role: 'student',
      seat: 'pm',
      seatCode: seatCode(KEY, f.code, 'pm'),
      name: 'Ana',
    });
    const pm2 = await join(f.code, { role: 'student', seat: 'pm', seatCode: seatCode(KEY, f.code, 'pm') });
    const fw = await join(f.code, {
      role: 'student',
      seat: 'framework',
      seatCode: seatCode(KEY, f.code, 'framework'),
    });
    const projector = await join(f.code, { role: 'projector' });
    await pm.inbox.until<SeatClientView>((v) => v.kind === 'seat');
    expect(pm.inbox.welcome?.token).toMatch(/^[\w-]{20,}$/);

    expect(await request(f.room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    const seat = await pm.inbox.until<SeatClientView>((v) => v.situation.decision !== null, 'a decision');
    const option = seat.situation.decision!.options.find((o) => o.open)!.id;

    // One member proposes; the whole team sees it; one confirmation submits.
    expect(await request(pm2.room, 'proposal', { kind: 'set', option })).toMatchObject({ ok: true });
    await pm.inbox.until<SeatClientView>((v) => v.proposal === option, "the team's proposal");
    expect(await request(pm.room, 'proposal', { kind: 'confirm' })).toMatchObject({ ok: true });

    // The console and the projector learn that the seat decided, never what.
    const console_ = await f.inbox.until<ConsoleClientView>(
      (v) => v.seats.find((s) => s.actor === 'pm')?.status === 'submitted',
      'the submitted status',
    );
    // The console lists the options open to each seat (for a default on the clock), never the one taken.
    const withoutMenus = { ...console_, seats: console_.seats.map(({ options: _, ...line }) => line) };
    expect(JSON.stringify(withoutMenus)).not.toContain(`"${option}"`);
    expect(console_.seats.find((s) => s.actor === 'pm')!.options.map((o) => o.id)).toContain(option);
    const shown = await projector.inbox.until<ProjectorClientView>((v) => v.view.decided.includes('pm'));
    expect(JSON.stringify(shown)).not.toContain(`"${option}"`);
    // The other seat never sees it either.
    expect(JSON.stringify(fw.inbox.view)).not.toContain(`"proposal":"${option}`);

    const fwSeat = await fw.inbox.until<SeatClientView>((v) => v.situation.decision !== null);
    const fwOption = fwSeat.situation.decision!.options.find((o) => o.open)!.id;
    expect(
      await request(fw.room, 'command', {
        command: { type: 'decision.submit', actor: 'framework', option: fwOption },
      }),
    ).toMatchObject({ ok: true });
    // Both seats decided and the computer holds the rest: the turn resolves by itself.
    await projector.inbox.until<ProjectorClientView>((v) => v.view.turn.index === 1, 'turn 2');
    for (const c of [pm, pm2, fw, projector, f]) await c.room.leave();
  });

  it('refuses a student acting for another seat or as the facilitator, and changes nothing', async () => {
    const f = await openRoom();
    const pm = await join(f.code, { role: 'student', seat: 'pm', seatCode: seatCode(KEY, f.code, 'pm') });
    await request(f.room, 'command', { command: { type: 'game.start' } });
    const before = await f.inbox.until<ConsoleClientView>((v) => v.view.status === 'deciding');
    const accepted = before.accepted;
    const seat = await pm.inbox.until<SeatClientView>((v) => v.situation.decision !== null);
    const option = seat.situation.decision!.options.find((o) => o.open)!.id;

    const other = await request(pm.room, 'command', {
      command: { type: 'decision.submit', actor: 'framework', option },
    });
    expect(other).toMatchObject({ ok: false, code: 'not-your-seat' });
    const pause = await request(pm.room, 'command', { command: { type: 'game.pause' } });
    expect(pause).toMatchObject({ ok: false, code: 'not-allowed' });
    const forged = await request(pm.room, 'command', {
      by: { facilitator: true },
      command: { type: 'game.end' },
    });
    expect(forged).toMatchObject({ ok: false, code: 'malformed' });
    const projector = await join(f.code, { role: 'projector' });
    expect(await request(projector.room, 'command', { command: { type: 'game.pause' } })).toMatchObject({
      ok: false,
      code: 'not-allowed',
    });

    const after = await request(f.room, 'view.full', {});
    expect(after).toMatchObject({ ok: true, accepted });
    expect(t.log.filter((l) => l.includes(`room ${f.code}: refused`)).length).toBeGreaterThanOrEqual(4);
    for (const c of [pm, projector, f]) await c.room.leave();
  });

  it('refuses a second facilitator without the key, and a stale token', async () => {
    const f = await openRoom();
    await expect(join(f.code, { role: 'facilitator', key: 'not-the-key-0123456789' })).rejects.toThrow(
      /key does not open/,
    );
    await expect(join(f.code, { role: 'student', token: 'a-token-this-room-never-gave' })).rejects.toThrow(
      /not known/,
    );
    const again = await join(f.code, { role: 'facilitator', key: KEY });
    await again.inbox.until<ConsoleClientView>((v) => v.kind === 'console');
    for (const c of [again, f]) await c.room.leave();
  });

  it('brings a device back to its seat with its token', async () => {
    const f = await openRoom();
    const first = await join(f.code, {
      role: 'student',
      seat: 'framework',
      seatCode: seatCode(KEY, f.code, 'framework'),
    });
    await first.inbox.until((v: SeatClientView) => v.kind === 'seat');
    const token = first.inbox.welcome!.token!;
    await first.room.leave();
    const back = await join(f.code, { role: 'student', token });
    const view = await back.inbox.until<SeatClientView>((v) => v.kind === 'seat');
    expect(view.actor).toBe('framework');
    for (const c of [back, f]) await c.room.leave();
  });
});

describe('the facilitator runs the room', () => {
  it('hands a seat to the computer mid-turn, and the clock decides for the seats still deciding', async () => {
    const f = await openRoom({ pm: 'person', framework: 'person' });
    const pm = await join(f.code, { role: 'student', seat: 'pm', seatCode: seatCode(KEY, f.code, 'pm') });
    const ask = (command: unknown) => request(f.room, 'command', { command });
    expect(await ask({ type: 'game.start' })).toMatchObject({ ok: true });
    await pm.inbox.until<SeatClientView>((v) => v.status === 'deciding');
    // The framework's team is absent: its seat goes to the computer, which decides at once.
    expect(await ask({ type: 'seat.set', actor: 'framework', holder: 'computer' })).toMatchObject({
      ok: true,
    });
    const handed = await f.inbox.until<ConsoleClientView>(
      (v) => v.seats.find((s) => s.actor === 'framework')?.holder === 'computer',
    );
    expect(handed.seats.find((s) => s.actor === 'framework')?.status).toBe('submitted');
    // A clock of 5 seconds: when it runs out, the computer decides for the pm's team and the turn resolves.
    expect(await ask({ type: 'deadline.set', seconds: 5, onExpiry: 'computer' })).toMatchObject({ ok: true });
    const clocked = await f.inbox.until<ConsoleClientView>((v) => v.deadlineAt !== null);
    expect(clocked.deadlineAt! - Date.now()).toBeLessThanOrEqual(5_000);
    const next = await pm.inbox.until<SeatClientView>(
      (v) => v.situation.turn.index === 1,
      'the clock',
      10_000,
    );
    expect(next.status).toBe('deciding');
    // What the clock did is in the record, like any command: the console counts it.
    const after = await f.inbox.until<ConsoleClientView>((v) => v.view.turn.index === 1);
    expect(after.accepted).toBeGreaterThan(clocked.accepted + 1);
    for (const c of [pm, f]) await c.room.leave();
  }, 30_000);
});

describe("a room's exports", () => {
  it('give the facilitator the record and the decision log, with no name in them, and nobody else', async () => {
    const f = await openRoom({ pm: 'person' });
    const pm = await join(f.code, {
      role: 'student',
      seat: 'pm',
      seatCode: seatCode(KEY, f.code, 'pm'),
      name: 'Zoë Example',
    });
    await request(f.room, 'command', { command: { type: 'game.start' } });
    const seat = await pm.inbox.until<SeatClientView>((v) => v.situation.decision !== null);
    const option = seat.situation.decision!.options.find((o) => o.open)!.id;
    expect(
      await request(pm.room, 'command', { command: { type: 'decision.submit', actor: 'pm', option } }),
    ).toMatchObject({ ok: true });
    await pm.inbox.until<SeatClientView>((v) => v.situation.turn.index === 1);

    const url = (format: string) =>
      `http://127.0.0.1:${t.running.port}/api/rooms/${f.code}/export?format=${format}`;
    const csv = await fetch(url('csv'), { headers: { 'X-Facilitator-Key': KEY } });
    expect(csv.status).toBe(200);
    const rows = parseDecisionCsv(await csv.text());
    expect(rows.find((r) => r.actor === 'pm')).toMatchObject({ turn: 1, option, by: 'seat' });
    const json = await fetch(url('json'), { headers: { 'X-Facilitator-Key': KEY } });
    const text = await json.text();
    expect(text).not.toContain('Zoë');
    expect(await replayText(text, 'export.json')).toMatchObject({ phase: 'deciding', turns: 1 });
    const html = await (await fetch(url('html'), { headers: { 'X-Facilitator-Key': KEY } })).text();
    expect(html).toContain('After-action report');
    expect(html).not.toContain('Zoë');
    // Without the key, or with another, nothing.
    expect((await fetch(url('csv'))).status).toBe(403);
    expect(
      (await fetch(url('json'), { headers: { 'X-Facilitator-Key': 'not-the-key-0123456789' } })).status,
    ).toBe(403);
    for (const c of [pm, f]) await c.room.leave();
  });
});

describe('what if, as a room', () => {
  it('opens a room at a turn of another game, and refuses a record it cannot read', async () => {
    const { bundledScenario } = await import('../helpers/bundled.ts');
    const { LiveGame, playTurns } = await import('../helpers/play.ts');
    const { saveJson } = await import('../../src/sim/save.ts');
    const c = await bundledScenario();
    const origin = playTurns(new LiveGame(c, 17).start(['pm']), [0, 1]);
    expect(origin.state.world.outcome?.turn).toBeGreaterThan(3);
    const room = await t.harness.sdk.create('classroom', {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 1,
      seats: { pm: 'person', framework: 'person' },
      autoResolve: true,
      key: KEY,
      fork: { record: saveJson(origin.record), turn: 3 },
    });
    const view = await new Inbox(room).until<ConsoleClientView>((v) => v.kind === 'console');
    // The game of the origin up to turn 4's opening, with the seats of the new room: the class plays on from there.
    expect(view.view.turn.index).toBe(3);
    expect(view.view.status).toBe('deciding');
    expect(view.seats.find((s) => s.actor === 'framework')?.holder).toBe('person');
    expect(view.besideOrigin).toBeNull();
    // Ended, the room is set beside the game it forked from.
    expect(await request(room, 'command', { command: { type: 'game.end' } })).toMatchObject({ ok: true });
    const inbox = new Inbox(room);
    await request(room, 'view.full', {});
    const ended = await inbox.until<ConsoleClientView>((v) => v.besideOrigin !== null, 'beside its origin');
    const originTitle =
      c.scenario.outcomes.find((o) => o.id === origin.state.world.outcome?.id)?.title.text ?? null;
    expect(originTitle).not.toBeNull();
    expect(ended.besideOrigin?.was).toBe(originTitle);
    await room.leave();
    await expect(
      t.harness.sdk.create('classroom', {
        role: 'facilitator',
        scenario: 'baghdad-2021',
        seed: 1,
        seats: { pm: 'person' },
        autoResolve: true,
        key: KEY,
        fork: { record: '{"format":"crisis-table/record","version":1}', turn: 2 },
      }),
    ).rejects.toThrow(/cannot be read/);
  });
});
