// A device reads a room in its own language (issue 20): the room builds each seat's view in each language its
// devices read, with the scenario's translated texts and the interface's sentences in that language, and builds no
// other language for a room that reads only English.
import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConsoleClientView,
  ProjectorClientView,
  SeatClientView,
} from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'facilitator-key-0123456789';
const ARABIC = /[\u0600-\u06FF]/;
let t: TestClassroom;

/** The framework's English name, as the scenario gives it. */
let FRAMEWORK: string;

beforeAll(async () => {
  FRAMEWORK = (await bundledScenario()).actorById.get('framework')!.name.text;
  t = await bootClassroom();
});
afterAll(async () => {
  await t.running.close();
});

async function openRoom(language?: string) {
  const room = await t.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed: 7,
    seats: { pm: 'person', framework: 'person' },
    autoResolve: true,
    key: KEY,
    ...(language ? { language } : {}),
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

/** The languages the room has built views in (its memo of seat builds is made per language, when first needed). */
function builtLanguages(code: string): string[] {
  const room = matchMaker.getLocalRoomById(code) as unknown as { seatMemos: Map<string, unknown> };
  return [...room.seatMemos.keys()].sort();
}

describe('a room in two languages', () => {
  it("gives an Arabic and an English device at one seat each its own language's view", async () => {
    const f = await openRoom();
    const seat = { role: 'student', seat: 'pm', seatCode: seatCode(KEY, f.code, 'pm') };
    const en = await join(f.code, seat);
    const ar = await join(f.code, { ...seat, language: 'ar-IQ' });
    await ar.inbox.until<SeatClientView>((v) => v.kind === 'seat', 'the seat');
    expect(ar.inbox.welcome).toMatchObject({ seat: 'pm', language: 'ar-IQ' });
    expect(await request(f.room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    const enView = await en.inbox.until<SeatClientView>((v) => v.situation?.decision !== null, 'a decision');
    const arView = await ar.inbox.until<SeatClientView>((v) => v.situation?.decision !== null, 'a decision');

    // The scenario's words: the turn's title and the decision's prompt, translated for the Arabic phone only.
    expect(enView.situation.turn.title.text).not.toMatch(ARABIC);
    expect(arView.situation.turn.title.text).toMatch(ARABIC);
    expect(arView.situation.decision!.prompt.text).toMatch(ARABIC);
    expect(arView.situation.actor.name.text).toMatch(ARABIC);
    // The interface's sentences the server builds: the seat's status line, the option rows' words.
    expect(enView.statusLine).not.toMatch(ARABIC);
    expect(arView.statusLine).toMatch(ARABIC);
    expect(arView.statusLine).not.toBe(enView.statusLine);
    // The same game: the same options by id, in the same order.
    expect(arView.situation.decision!.options.map((o) => o.id)).toEqual(
      enView.situation.decision!.options.map((o) => o.id),
    );
    expect(JSON.stringify(enView)).not.toMatch(ARABIC);

    // A decision from the Arabic phone is the team's, seen by the English phone too, each in its words.
    const option = arView.situation.decision!.options.find((o) => o.open)!.id;
    expect(await request(ar.room, 'proposal', { kind: 'set', option })).toMatchObject({ ok: true });
    await en.inbox.until<SeatClientView>((v) => v.proposal === option, "the team's proposal in English");
    const arAfter = await ar.inbox.until<SeatClientView>(
      (v) => v.proposal === option,
      'the proposal in Arabic',
    );
    expect(arAfter.statusLine).toMatch(ARABIC);
    expect(builtLanguages(f.code)).toEqual(['ar-IQ', 'en']);

    // A command the game refuses is refused to each phone in its own language, naming the seats by their names.
    const speakForOther = { command: { type: 'statement.publish', actor: 'framework', text: 'For them.' } };
    const arRefused = await request(ar.room, 'command', speakForOther);
    const enRefused = await request(en.room, 'command', speakForOther);
    expect(arRefused).toMatchObject({ ok: false, code: 'not-your-seat' });
    expect(enRefused).toMatchObject({ ok: false, code: 'not-your-seat' });
    const arText = (arRefused as { message: string }).message;
    const enText = (enRefused as { message: string }).message;
    expect(arText).toMatch(ARABIC);
    expect(arText).toContain(arView.situation.actor.name.text);
    expect(arText).not.toMatch(/framework|\bpm\b/);
    expect(enText).toBe(
      `The seat pm cannot speak for framework.`
        .replace('pm', enView.situation.actor.name.text)
        .replace('framework', FRAMEWORK),
    );
    for (const r of [en.room, ar.room, f.room]) await r.leave();
  });

  it('builds no Arabic view for a room read only in English', async () => {
    const f = await openRoom();
    const seat = { role: 'student', seat: 'pm', seatCode: seatCode(KEY, f.code, 'pm') };
    const en = await join(f.code, seat);
    const projector = await join(f.code, { role: 'projector' });
    expect(await request(f.room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    await en.inbox.until<SeatClientView>((v) => v.situation?.decision !== null, 'a decision');
    const shown = await projector.inbox.until<ProjectorClientView>(
      (v) => v.kind === 'projector',
      'the projector',
    );
    expect(JSON.stringify(shown)).not.toMatch(ARABIC);
    expect(projector.inbox.welcome).toMatchObject({ language: 'en' });
    expect(builtLanguages(f.code)).toEqual(['en']);
    for (const r of [en.room, projector.room, f.room]) await r.leave();
  });

  it("shows the projector in the room's language, whatever the console's", async () => {
    const f = await openRoom('ar-IQ');
    expect(f.inbox.welcome).toMatchObject({ language: 'ar-IQ' });
    const projector = await join(f.code, { role: 'projector' });
    await projector.inbox.until<ProjectorClientView>((v) => v.kind === 'projector', 'the projector');
    expect(projector.inbox.welcome).toMatchObject({ language: 'ar-IQ' });
    expect(await request(f.room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    const shown = await projector.inbox.until<ProjectorClientView>(
      (v) => v.kind === 'projector' && v.view.status === 'deciding',
      'the projector deciding',
    );
    expect(JSON.stringify(shown)).toMatch(ARABIC);
    // A console opened in English on another device reads English: a facilitator's device says its own language.
    const other = await join(f.code, { role: 'facilitator', key: KEY, language: 'en' });
    const console_ = await other.inbox.until<ConsoleClientView>((v) => v.kind === 'console', 'the console');
    expect(JSON.stringify(console_.seats)).not.toMatch(ARABIC);
    for (const r of [projector.room, other.room, f.room]) await r.leave();
  });

  it("gives the console's report in the language it asks for, and the CSV the same in any", async () => {
    const f = await openRoom('ar-IQ');
    expect(await request(f.room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    expect(await request(f.room, 'command', { command: { type: 'game.end' } })).toMatchObject({ ok: true });
    const get = (query: string) =>
      fetch(`http://127.0.0.1:${t.running.port}/api/rooms/${f.code}/export?${query}`, {
        headers: { 'X-Facilitator-Key': KEY },
      });
    const ar = await (await get('format=html&language=ar-IQ')).text();
    const en = await (await get('format=html')).text();
    expect(ar).toContain('<html lang="ar-IQ" dir="rtl">');
    expect(ar).toContain('تقرير ما بعد اللعبة');
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).not.toMatch(ARABIC);
    const csvAr = await (await get('format=csv&language=ar-IQ')).text();
    expect(csvAr).toBe(await (await get('format=csv')).text());
    const refused = await get('format=html&language=fr');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe('Ask for a report in en or ar-IQ.');
    await f.room.leave();
  });

  it('refuses a language the game does not speak, in one sentence', async () => {
    const f = await openRoom();
    await expect(
      t.harness.sdk.joinById(f.code, { role: 'student', seat: 'pm', language: 'fr' }),
    ).rejects.toThrow(/not the options of a device joining room/);
    await f.room.leave();
  });
});
