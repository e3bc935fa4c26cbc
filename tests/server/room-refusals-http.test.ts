// The gate's refusals a page shows (issue 20): the gate (src/server/http-guard.ts) answers before any room hears
// the request, so it says its refusal in the language the request asks for (Accept-Language: the classroom client
// sends the device's own), and the page shows it as it comes. Each is reached here through the gate itself, in front
// of a plain server, asked for in English and in Arabic.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/present/i18n/i18n.ts';
import { DEFAULT_LIMITS, type GuardLimits, installGuard } from '../../src/server/http-guard.ts';
import { type GateRefusalKey, gateRefusals, requestLanguage } from '../../src/server/room-refusals.ts';
import { loadBothLanguages } from '../helpers/refusal-said.ts';

const ARABIC = /[\u0621-\u064a]/;
const servers: Server[] = [];
type Answer = { code?: GateRefusalKey; message: string };
/** Every refusal the gates answered, in English and in Arabic. */
const answered: { en: Answer; ar: Answer }[] = [];

beforeAll(loadBothLanguages);
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

interface Gate {
  port: number;
  /** Requests the gate has begun to handle. */
  seen: () => number;
  rooms: { count: number };
}

/** A server that answers 200 to whatever passes, behind a gate with these limits. */
async function gate(
  limits: Partial<GuardLimits>,
  roomExists: (code: string) => Promise<boolean>,
): Promise<Gate> {
  const http = createServer((_req, res) => res.end('{}'));
  let seen = 0;
  const rooms = { count: 0 };
  installGuard(http, {
    limits: { ...DEFAULT_LIMITS, ...limits },
    log: () => undefined,
    roomCount: () => rooms.count,
    roomExists,
    headers: () => {
      seen++;
      return {};
    },
  });
  servers.push(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { port: (http.address() as AddressInfo).port, seen: () => seen, rooms };
}

/** A POST with this body (or, with `hold`, a declared length and only the body's first byte), in `language`. */
function post(
  g: Gate,
  path: string,
  options: { body?: string; hold?: number; language?: string } = {},
): Promise<{ status: number; json: Answer }> {
  const { body = '{}', hold, language } = options;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: g.port,
        method: 'POST',
        path,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(hold ?? Buffer.byteLength(body)),
          ...(language ? { 'Accept-Language': language } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text || '{}') as Answer }),
        );
      },
    );
    req.on('error', reject);
    if (hold === undefined) req.end(body);
    else req.write('{');
  });
}

/** The same refusal asked for by an English device and an Arabic one: kept, and its code returned. */
async function refusedInBoth(g: Gate, path: string, options: { body?: string; hold?: number } = {}) {
  const en = await post(g, path, options);
  const ar = await post(g, path, { ...options, language: 'ar-IQ,ar;q=0.9,en;q=0.5' });
  expect(ar.json.code).toBe(en.json.code);
  answered.push({ en: en.json, ar: ar.json });
  return en.json;
}

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const CREATE = '/matchmake/create/classroom';

describe("the gate's refusals, in the language the request asks for", () => {
  it('answers each with its code, in English and in Arabic', async () => {
    // Wrong room codes: the second guess from this address is one too many.
    const guesses = await gate({ guessesPerMinute: 1 }, async () => false);
    expect((await post(guesses, '/matchmake/joinById/AAAAAA')).status).toBe(200);
    expect(await refusedInBoth(guesses, '/matchmake/joinById/BBBBBB')).toMatchObject({
      code: 'too-many-guesses',
    });

    // Rooms: past the rooms this process runs, the rooms opened of late, and those of one network.
    const rooms = await gate({ maxRooms: 1, roomsPerServer: 1 }, async () => true);
    rooms.rooms.count = 1;
    expect(await refusedInBoth(rooms, CREATE)).toMatchObject({ code: 'rooms-running' });
    rooms.rooms.count = 0;
    expect((await post(rooms, CREATE)).status).toBe(200);
    expect(await refusedInBoth(rooms, CREATE)).toMatchObject({ code: 'rooms-opened' });
    const network = await gate({ roomsPerAddress: 1 }, async () => true);
    expect((await post(network, CREATE)).status).toBe(200);
    expect(await refusedInBoth(network, CREATE)).toMatchObject({
      code: 'rooms-by-network',
      message: 'This network has opened 1 rooms in the last 10 minutes: wait, or reuse a room.',
    });

    // Bodies: too large, a fifth large one while four are read, and too slow.
    const bodies = await gate({ smallBody: 100, forkBody: 1000, readMs: 60_000 }, async () => true);
    expect(
      await refusedInBoth(bodies, '/matchmake/joinById/AAAAAA', { body: 'x'.repeat(200) }),
    ).toMatchObject({
      code: 'too-large',
    });
    const held = [1, 2, 3, 4].map(() => post(bodies, CREATE, { hold: 900 }));
    await until(() => bodies.seen() === 6);
    expect(await refusedInBoth(bodies, CREATE, { hold: 900 })).toMatchObject({ code: 'busy' });
    const slow = await gate({ readMs: 50 }, async () => true);
    expect(await refusedInBoth(slow, CREATE, { hold: 10 })).toMatchObject({ code: 'too-slow' });

    // A gate that fails itself.
    const failing = await gate({}, async () => {
      throw new Error('the store is gone');
    });
    expect(await refusedInBoth(failing, '/matchmake/joinById/AAAAAA')).toMatchObject({ code: 'fault' });
    void Promise.allSettled(held);
  });

  it("says each in English as the gate's sentence, and in Arabic as an Arabic line", () => {
    const codes = new Set<string>();
    for (const { en, ar } of answered) {
      codes.add(en.code!);
      expect(en.message, en.code).not.toMatch(ARABIC);
      expect(ar.message, ar.code).toMatch(ARABIC);
      expect(ar.message, ar.code).not.toContain('{{');
      expect(ar.message, ar.code).not.toContain('refusal.');
    }
    expect([...codes].sort()).toEqual(Object.keys(gateRefusals).sort());
  });

  it("keeps the gate's English sentence in its table, and hears the first language a request asks for", () => {
    // The numbers the gates above named; and a large one, which the gate's English writes without grouping.
    const named: Partial<Record<GateRefusalKey, Record<string, number>>> = {
      'rooms-running': { max: 1 },
      'rooms-by-network': { rooms: 1, minutes: 10 },
      'too-large': { max: 100 },
    };
    for (const { en } of answered) {
      const key = en.code!;
      expect(
        withLanguage('en', () => gateRefusals[key](named[key] ?? {})),
        key,
      ).toBe(en.message);
    }
    expect(withLanguage('en', () => gateRefusals['too-large']({ max: 16384 }))).toBe(
      'That request is too large (at most 16384 bytes here).',
    );
    expect(requestLanguage('ar-IQ,ar;q=0.9')).toBe('ar-IQ');
    expect(requestLanguage('ar')).toBe('ar-IQ');
    expect(requestLanguage('en-GB,ar;q=0.5')).toBe('en');
    expect(requestLanguage('arn')).toBe('en');
    expect(requestLanguage(undefined)).toBe('en');
  });
});
