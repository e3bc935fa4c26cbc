// The classroom room's own refusals (issue 20), each reached through a real room: an Arabic device hears each in
// Arabic, with the seats it names by their Arabic names; an English device hears the English sentence; and the
// log keeps the English sentence, which the keyed English says word for word when ids are said as ids.

import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  ConsoleClientView,
  LobbyClientView,
  SeatClientView,
} from '../../src/present/classroom-screens.ts';
import { withLanguage } from '../../src/present/i18n/i18n.ts';
import { ClassroomRoom } from '../../src/server/classroom.room.ts';
import {
  isRoomSaid,
  type RoomRefusalKey,
  roomRefusals,
  roomSaidText,
} from '../../src/server/room-refusals.ts';
import { type Refused, seatCode, TokenBucket } from '../../src/server/room-rules.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { MAX_RECORD_BYTES } from '../../src/sim/limits.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { IDS_AS_NAMES, loadBothLanguages } from '../helpers/refusal-said.ts';
import { bootClassroom, Inbox, type TestClassroom } from './support.ts';

const KEY = 'facilitator-key-0123456789';
const ARABIC = /[\u0621-\u064a]/;
let t: TestClassroom;
/** The seats' English names, as the scenario gives them. */
let PM: string;

/** Every room refusal the room said to a device, or logged. */
const reached: Refused[] = [];
const proto = ClassroomRoom.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  await loadBothLanguages();
  PM = (await bundledScenario()).actorById.get('pm')!.name.text;
  t = await bootClassroom();
  for (const method of ['sayIn', 'logRefusal']) {
    const original = proto[method]!;
    vi.spyOn(proto, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
      const r = args.find((a): a is Refused => typeof a === 'object' && a !== null && 'refused' in a);
      if (r) reached.push(r);
      return original.apply(this, args);
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.running.close();
});

async function openRoom() {
  const room = await t.harness.sdk.create('classroom', {
    role: 'facilitator',
    scenario: 'baghdad-2021',
    seed: 7,
    seats: { pm: 'person', framework: 'person' },
    autoResolve: true,
    key: KEY,
    language: 'ar-IQ',
    deviceLanguage: 'ar-IQ',
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

/** The room's instance, for what no device can bring about by itself (a full record, a flood, a failed store). */
const instance = (code: string) => matchMaker.getLocalRoomById(code) as unknown as Record<string, unknown>;

/** A refusal in Arabic: an Arabic line, its placeholders filled, no key left unsaid. */
function expectArabic(text: string, what: string): void {
  expect(text, what).toMatch(ARABIC);
  expect(text, what).not.toContain('{{');
  expect(text, what).not.toContain('refusal.');
}

async function refusedIn(reply: Promise<Reply>, code: string): Promise<string> {
  const r = await reply;
  expect(r).toMatchObject({ ok: false, code });
  const message = (r as { message: string }).message;
  expectArabic(message, code);
  return message;
}

async function joinRefused(code: string, options: Record<string, unknown>): Promise<string> {
  const error = await join(code, { language: 'ar-IQ', ...options }).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, JSON.stringify(options)).not.toBeNull();
  expectArabic(error!.message, JSON.stringify(options));
  return error!.message;
}

describe("the room's own refusals, in the device's language", () => {
  it('says every refusal of joining in the language the device asked for', async () => {
    const f = await openRoom();
    const student = { role: 'student' };
    expect(await joinRefused(f.code, { ...student, seat: 'nosuch' })).toContain('nosuch');
    const wrong = await joinRefused(f.code, {
      ...student,
      seat: 'framework',
      seatCode: seatCode(KEY, f.code, 'pm'),
    });
    expect(wrong).not.toMatch(/framework/);
    await joinRefused(f.code, { ...student, seatCode: 'abc' });
    await joinRefused(f.code, { role: 'nobody' });
    await joinRefused(f.code, { role: 'facilitator', key: 'not-the-key-0123456789' });
    await joinRefused(f.code, { ...student, token: 'not-a-token-0123456789' });
    await joinRefused(f.code, { ...student, seatCode: 'ABCDEFGH' });

    // A locked seat, and a removed device.
    expect(await request(f.room, 'device', { action: 'lock', seat: 'pm', locked: true })).toMatchObject({
      ok: true,
    });
    await joinRefused(f.code, { ...student, seat: 'pm' });
    // An English device hears the English sentence, with the seat's English name.
    await expect(join(f.code, { ...student, seat: 'pm' })).rejects.toThrow(
      `The seat of ${PM} is locked: its team is complete; ask the facilitator.`,
    );
    await request(f.room, 'device', { action: 'lock', seat: 'pm', locked: false });
    const pm = await join(f.code, { ...student, seatCode: seatCode(KEY, f.code, 'pm'), name: 'Eve' });
    await pm.inbox.until<SeatClientView>((v) => v.kind === 'seat');
    const token = pm.inbox.welcome!.token!;
    const line = (
      await f.inbox.until<ConsoleClientView>((v) => v.devices.some((d) => d.name === 'Eve'))
    ).devices.find((d) => d.name === 'Eve')!;
    pm.room.reconnection.enabled = false;
    expect(await request(f.room, 'device', { action: 'remove', device: line.id })).toMatchObject({
      ok: true,
    });
    await joinRefused(f.code, { ...student, token });
    await f.room.leave();
  });

  it('says every refusal of a message in the language of the device that sent it', async () => {
    const f = await openRoom();
    const pmCode = seatCode(KEY, f.code, 'pm');
    const pm = await join(f.code, { role: 'student', seatCode: pmCode, language: 'ar-IQ', name: 'Eve' });
    await pm.inbox.until<SeatClientView>((v) => v.kind === 'seat');
    const lobby = await join(f.code, { role: 'student', language: 'ar-IQ', name: 'Lou' });
    await lobby.inbox.until<LobbyClientView>((v) => v.kind === 'lobby');
    const projector = await join(f.code, { role: 'projector' });
    await projector.inbox.until((v) => (v as { kind: string }).kind === 'projector');

    // Malformed messages of each kind.
    await refusedIn(request(pm.room, 'command', {}), 'malformed');
    await refusedIn(request(pm.room, 'proposal', {}), 'malformed');
    await refusedIn(request(pm.room, 'seat', {}), 'malformed');
    await refusedIn(request(pm.room, 'seat', { seatCode: 'abc' }), 'malformed');
    await refusedIn(request(f.room, 'device', {}), 'malformed');
    await refusedIn(request(pm.room, 'texts', {}), 'malformed');
    // The scenario's texts in English, which are not this Arabic device's.
    const english = await join(f.code, { role: 'student' });
    await english.inbox.until<LobbyClientView>((v) => v.kind === 'lobby');
    const englishTexts = (english.inbox.welcome as unknown as { texts: string }).texts;
    await refusedIn(request(pm.room, 'texts', { base: englishTexts }), 'stale');
    await english.room.leave();
    pm.room.send('nosuch', {});

    // Who may send what.
    const statement = { command: { type: 'statement.publish', actor: 'pm', text: 'We hold.' } };
    await refusedIn(request(projector.room, 'command', statement), 'not-allowed');
    await refusedIn(request(lobby.room, 'command', statement), 'not-your-seat');
    await refusedIn(request(f.room, 'proposal', { kind: 'withdraw' }), 'not-your-seat');
    await refusedIn(request(pm.room, 'proposal', { kind: 'confirm' }), 'not-ready');
    await refusedIn(request(f.room, 'seat', { seat: 'pm' }), 'not-allowed');
    await refusedIn(request(pm.room, 'device', { action: 'lock', seat: 'pm', locked: true }), 'not-allowed');

    // Seats: a code that opens none, a move without the code, waiting to be admitted.
    await refusedIn(request(lobby.room, 'seat', { seatCode: 'ABCDEFGH' }), 'wrong-seat-code');
    const needs = await refusedIn(request(pm.room, 'seat', { seat: 'framework' }), 'needs-seat-code');
    expect(needs).not.toMatch(/framework/);
    await refusedIn(request(lobby.room, 'seat', { seat: 'framework' }), 'waiting');

    // The facilitator's device management.
    await refusedIn(
      request(f.room, 'device', { action: 'lock', seat: 'nosuch', locked: true }),
      'not-your-seat',
    );
    await refusedIn(
      request(f.room, 'device', { action: 'mute', device: 'nosuch', muted: true }),
      'no-device',
    );
    const devices = (await f.inbox.until<ConsoleClientView>((v) => v.devices.some((d) => d.name === 'Lou')))
      .devices;
    const eve = devices.find((d) => d.name === 'Eve')!;
    const lou = devices.find((d) => d.name === 'Lou')!;
    await refusedIn(request(f.room, 'device', { action: 'admit', device: eve.id }), 'not-waiting');
    const toComputer = { command: { type: 'seat.set', actor: 'framework', holder: 'computer' } };
    expect(await request(f.room, 'command', toComputer)).toMatchObject({ ok: true });
    await refusedIn(request(f.room, 'device', { action: 'admit', device: lou.id }), 'not-your-seat');
    expect(await request(f.room, 'device', { action: 'mute', device: eve.id, muted: true })).toMatchObject({
      ok: true,
    });
    await refusedIn(request(pm.room, 'command', statement), 'muted');
    await request(f.room, 'device', { action: 'mute', device: eve.id, muted: false });

    // A seat with its decision open moves only between turns.
    expect(
      await request(f.room, 'command', {
        command: { type: 'seat.set', actor: 'framework', holder: 'person' },
      }),
    ).toMatchObject({ ok: true });
    expect(await request(f.room, 'command', { command: { type: 'game.start' } })).toMatchObject({ ok: true });
    await pm.inbox.until<SeatClientView>((v) => v.situation?.decision !== null, 'a decision');
    const frameworkCode = seatCode(KEY, f.code, 'framework');
    await refusedIn(request(pm.room, 'seat', { seat: 'framework', seatCode: frameworkCode }), 'turn-open');

    // The record full, for a seat and for the facilitator.
    const room = instance(f.code);
    const bytes = room.recordBytes;
    room.recordBytes = MAX_RECORD_BYTES;
    await refusedIn(
      request(pm.room, 'command', {
        command: { type: 'message.send', actor: 'pm', to: ['framework'], text: 'Hi.' },
      }),
      'record-full',
    );
    await refusedIn(request(f.room, 'command', { command: { type: 'game.pause' } }), 'record-full');
    room.recordBytes = bytes;

    // A message the room fails on, and tells the device only that it was not taken.
    room.onTexts = async () => {
      throw new Error('a fault of the room');
    };
    await refusedIn(request(pm.room, 'texts', {}), 'fault');
    delete room.onTexts;

    // A flood, then a store that failed.
    const members = room.members as Map<string, { bucket: TokenBucket; identity: { role: string } }>;
    const member = [...members.values()].find(
      (m) => m.identity.role === 'student' && (m.identity as { name?: string }).name === 'Eve',
    )!;
    const bucket = member.bucket;
    member.bucket = new TokenBucket(0, 0, 0);
    await refusedIn(request(pm.room, 'view.full', {}), 'rate-limited');
    member.bucket = bucket;
    // Every device is told why the room stopped, each in its own language.
    const told = (r: Room) =>
      new Promise<string>((resolve) => r.onMessage('halted', (m: { message: string }) => resolve(m.message)));
    const ann = await join(f.code, { role: 'student', name: 'Ann' });
    await ann.inbox.until<LobbyClientView>((v) => v.kind === 'lobby');
    const [arTold, enTold] = [told(pm.room), told(ann.room)];
    (room.halt as (e: unknown) => void).call(room, new Error('the disk is gone'));
    expect(await arTold).toMatch(ARABIC);
    expect(await enTold).toBe(
      'The game is stopped because the server cannot save it; tell the facilitator (nothing since the last saved move is kept).',
    );
    await refusedIn(request(pm.room, 'command', statement), 'storage');

    // A connection the room does not count as one of its devices is answered in English.
    const guarded = room.guarded as (
      c: unknown,
      type: string,
      m: unknown,
      h: () => Promise<Reply>,
    ) => Promise<Reply>;
    const stranger = await guarded.call(room, { sessionId: 'nobody' }, 'command', {}, async () => ({
      ok: true,
      accepted: 0,
    }));
    expect(stranger).toEqual({
      ok: false,
      code: 'not-allowed',
      message: 'This device has not joined the room.',
    });
    for (const c of [pm, lobby, projector, ann, f]) await c.room.leave();
  });

  it("says a refused opening in the facilitator's device's language, as the open-room page shows it", async () => {
    const options = {
      role: 'facilitator',
      scenario: 'baghdad-2021',
      seed: 7,
      seats: { pm: 'person' },
      autoResolve: true,
      key: KEY,
      language: 'en',
    };
    const opening = (more: Record<string, unknown>) =>
      t.harness.sdk.create('classroom', { ...options, ...more }).then(
        () => {
          throw new Error('the room opened');
        },
        (e: unknown) => (e as Error).message,
      );
    const unknown = await opening({ scenario: 'nowhere', deviceLanguage: 'ar-IQ' });
    expectArabic(unknown, 'no-scenario');
    expect(unknown).toContain('nowhere');
    expect(await opening({ scenario: 'nowhere' })).toBe('There is no scenario nowhere on this server.');
    // Every join code taken: the store refuses each new one.
    const store = (ClassroomRoom as unknown as { deps: { store: { create: () => Promise<boolean> } } }).deps
      .store;
    const taken = vi.spyOn(store, 'create').mockResolvedValue(false);
    try {
      expectArabic(await opening({ deviceLanguage: 'ar-IQ' }), 'no-code-free');
      expect(await opening({})).toBe('No join code is free; try again.');
    } finally {
      taken.mockRestore();
    }
  });

  it('reached every key of the room, each keeping its English sentence word for word', () => {
    const keys = new Set<RoomRefusalKey>();
    for (const r of reached) {
      if (!r.said || !isRoomSaid(r.said)) continue;
      keys.add(r.said.key);
      const said = r.said;
      expect(
        withLanguage('en', () => roomSaidText(said, IDS_AS_NAMES)),
        said.key,
      ).toBe(r.message);
    }
    expect([...keys].sort()).toEqual(Object.keys(roomRefusals).sort());
  });
});
