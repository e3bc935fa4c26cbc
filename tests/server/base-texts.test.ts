// The scenario's texts held before play (issue 18): served once at an address that names them, said held by a
// device, and then never sent to it again; a device without them, with a damaged copy, or with another language's
// is sent its views with their texts, as before, after one line.
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientView, SeatClientView } from '../../src/present/classroom-screens.ts';
import { seatCode } from '../../src/server/room-rules.ts';
import { ensureWebSocketGlobal } from '../../src/server/server.ts';
import type { BaseTexts } from '../../src/session/base-texts.ts';
import type { Reply } from '../../src/session/classroom-protocol.ts';
import { ViewReceiver } from '../../src/session/view-texts.ts';
import { bootClassroom, type TestClassroom, untilLinked } from './support.ts';

const KEY = 'base-texts-facilitator-key-0123456789';
let t: TestClassroom;
let endpoint: string;

beforeAll(async () => {
  await ensureWebSocketGlobal();
  t = await bootClassroom();
  endpoint = `http://127.0.0.1:${t.running.port}`;
});
afterAll(async () => {
  await t.running.close();
});

/** A device on the raw protocol, keeping what came on the wire: the whole views and every text a patch carried. */
class Wire {
  readonly wholes: { base?: string; texts: string[] }[] = [];
  readonly patchTexts: string[] = [];
  welcome: { texts?: string } | null = null;
  private readonly receiver: ViewReceiver<ClientView>;
  view: ClientView | null = null;

  constructor(
    readonly room: Room,
    public base: BaseTexts | null,
  ) {
    this.receiver = new ViewReceiver((id) => (this.base?.id === id ? this.base.texts : undefined));
    room.onMessage('welcome', (w) => {
      this.welcome = w as { texts?: string };
    });
    room.onMessage('view', (w) => {
      this.wholes.push(w as Wire['wholes'][number]);
      this.view = this.receiver.whole(w);
    });
    room.onMessage('patch', (w) => {
      const walk = (v: unknown): void => {
        if (typeof v === 'string') this.patchTexts.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object' && !(v instanceof Uint8Array)) Object.values(v).forEach(walk);
      };
      walk(w);
      if (this.receiver.patch(w) !== 'applied') throw new Error('a patch did not apply');
      this.view = this.receiver.view;
    });
  }
}

async function fetchBase(id: string): Promise<BaseTexts> {
  const res = await fetch(`${endpoint}/api/texts/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as BaseTexts;
}

async function openRoom(seed: number) {
  const { ClassroomClient } = await import('../../src/session/classroom-client.ts');
  const facilitator = new ClassroomClient<ClientView>({ endpoint, giveUpAfterMs: 30_000 });
  const { code } = await facilitator.open({
    scenario: 'baghdad-2021',
    seed,
    seats: { pm: 'person', framework: 'person' },
    autoResolve: true,
    key: KEY,
  });
  return { facilitator, code };
}

const seatOf = (code: string, seat: string) => ({ role: 'student', seatCode: seatCode(KEY, code, seat) });
const turnOf = (v: ClientView | null) => (v as SeatClientView | null)?.situation?.turn.index ?? -1;

async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the scenario texts held before play', () => {
  it('are served once, cached for a year, compressed; an address that names no texts is 404', async () => {
    const { facilitator } = await openRoom(1);
    const id = facilitator.welcome!.texts!;
    expect(id).toMatch(/^baghdad-2021\.en\.[0-9a-f]{16}$/);
    const res = await fetch(`${endpoint}/api/texts/${id}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = (await res.json()) as BaseTexts;
    expect(body.texts).toContain('Call for calm and condemn violence');
    expect((await fetch(`${endpoint}/api/texts/${id.slice(0, -1)}0`)).status).toBe(404);
    // Brotli once it is made (off the event loop), to a device that accepts it: a fifth smaller.
    let br: Response | null = null;
    for (let i = 0; i < 200 && br?.headers.get('content-encoding') !== 'br'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      br = await fetch(`${endpoint}/api/texts/${id}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    }
    expect(br!.headers.get('content-encoding')).toBe('br');
    expect(Number(br!.headers.get('content-length'))).toBeLessThan(Number(res.headers.get('content-length')));
    expect(((await br!.json()) as BaseTexts).texts).toEqual(body.texts);
    expect((await fetch(`${endpoint}/api/texts/nothing`)).status).toBe(404);
    await facilitator.close();
  });

  it('are never sent again to a device that holds them, and its views are the same as one without', async () => {
    const { facilitator, code } = await openRoom(2);
    const id = facilitator.welcome!.texts!;
    const base = await fetchBase(id);
    const inBase = new Set(base.texts);
    const withBase = new Wire(await t.harness.sdk.joinById(code, { ...seatOf(code, 'pm'), texts: id }), base);
    const without = new Wire(await t.harness.sdk.joinById(code, seatOf(code, 'pm')), null);
    const fw = new Wire(await t.harness.sdk.joinById(code, seatOf(code, 'framework')), null);
    expect(await facilitator.request('command', { command: { type: 'game.start' } })).toMatchObject({
      ok: true,
    });
    for (let turn = 0; turn < 2; turn++) {
      for (const [d, actor] of [
        [withBase, 'pm'],
        [fw, 'framework'],
      ] as const) {
        await until(
          () => (d.view as SeatClientView | null)?.situation?.decision != null,
          `${actor} deciding`,
        );
        const option = (d.view as SeatClientView).situation.decision!.options.find((o) => o.open)!.id;
        const reply = (await d.room.request('command', {
          command: { type: 'decision.submit', actor, option },
        })) as Reply;
        expect(reply).toMatchObject({ ok: true });
      }
      await until(() => turnOf(withBase.view) > turn && turnOf(without.view) > turn, 'the next turn');
    }
    expect(withBase.view).toEqual(without.view);
    // The device with the base was sent none of its texts, whole or patched; the other was sent many.
    expect(withBase.wholes.every((w) => w.base === id && w.texts.every((x) => !inBase.has(x)))).toBe(true);
    expect(withBase.patchTexts.filter((x) => inBase.has(x))).toEqual([]);
    expect(without.wholes.every((w) => w.base === undefined)).toBe(true);
    expect(without.patchTexts.filter((x) => inBase.has(x)).length).toBeGreaterThan(5);
    // Asked for its whole view again, it joins the stream of the devices that hold the base.
    expect(await withBase.room.request('view.full', {})).toMatchObject({ ok: true });
    await until(() => withBase.wholes.length === 2, 'the whole view again');
    expect(withBase.wholes[1]!.base).toBe(id);
    expect(withBase.view).toEqual(without.view);
    for (const d of [withBase, without, fw]) await d.room.leave();
    await facilitator.close();
  });

  it('are fetched by the client when it joins, and said held: its next whole view is numbered after them', async () => {
    const { facilitator, code } = await openRoom(3);
    const { ClassroomClient } = await import('../../src/session/classroom-client.ts');
    const pm = new ClassroomClient<ClientView>({ endpoint, giveUpAfterMs: 30_000 });
    await pm.join(code, seatOf(code, 'pm'));
    const plain = new Wire(await t.harness.sdk.joinById(code, seatOf(code, 'pm')), null);
    await until(() => pm.holdsTexts === pm.welcome?.texts, 'the texts held');
    expect(pm.textsRefused).toBeNull();
    expect(await facilitator.request('command', { command: { type: 'game.start' } })).toMatchObject({
      ok: true,
    });
    await untilLinked<SeatClientView>(pm, (v) => v.situation?.decision != null, 'pm deciding');
    await until(() => (plain.view as SeatClientView | null)?.situation?.decision != null, 'the plain device');
    expect(pm.view).toEqual(plain.view);
    // The facilitator's console fetched and said them too.
    expect(facilitator.holdsTexts).toBe(facilitator.welcome!.texts);
    await plain.room.leave();
    await pm.close();
    await facilitator.close();
  });

  it('damaged, or not fetched, are refused in one line, and the device plays on with its texts sent', async () => {
    const { facilitator, code } = await openRoom(4);
    const { ClassroomClient } = await import('../../src/session/classroom-client.ts');
    const lines: string[] = [];
    const damaging: typeof fetch = async (url) => {
      const res = await fetch(url);
      const body = (await res.json()) as BaseTexts;
      body.texts[3] = `${body.texts[3]}!`;
      return new Response(JSON.stringify(body), { status: 200 });
    };
    const damaged = new ClassroomClient<ClientView>({ endpoint, fetch: damaging, log: (l) => lines.push(l) });
    await damaged.join(code, seatOf(code, 'pm'));
    const failing: typeof fetch = async () => new Response('gone', { status: 503 });
    const offline = new ClassroomClient<ClientView>({ endpoint, fetch: failing, log: (l) => lines.push(l) });
    await offline.join(code, seatOf(code, 'pm'));
    await until(() => lines.length === 2, 'two refusals');
    expect(damaged.textsRefused).toMatch(/came damaged or other than asked/);
    expect(offline.textsRefused).toMatch(/could not be fetched \(503\)/);
    for (const l of lines) expect(l).not.toContain('\n');
    expect(damaged.holdsTexts).toBeNull();
    expect(await facilitator.request('command', { command: { type: 'game.start' } })).toMatchObject({
      ok: true,
    });
    for (const c of [damaged, offline])
      await untilLinked<SeatClientView>(
        c,
        (v) => v.situation?.decision != null,
        'deciding without the texts',
      );
    expect(damaged.view).toEqual(offline.view);
    await damaged.close();
    await offline.close();
    await facilitator.close();
  });

  it("follow the device's language: another language's are refused in one line, its own are taken", async () => {
    const { facilitator, code } = await openRoom(5);
    const enId = facilitator.welcome!.texts!;
    const ar = { ...seatOf(code, 'pm'), language: 'ar-IQ' };
    const before = t.log.length;
    const wrong = new Wire(await t.harness.sdk.joinById(code, { ...ar, texts: enId }), null);
    await until(() => wrong.view !== null, 'the Arabic view');
    const refusals = t.log.slice(before).filter((l) => l.includes('holds scenario texts'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain(enId);
    expect(wrong.wholes[0]!.base).toBeUndefined();
    const arId = wrong.welcome!.texts!;
    expect(arId).toMatch(/^baghdad-2021\.ar-IQ\.[0-9a-f]{16}$/);
    // Said afterwards by message, the wrong one is refused again; the right one is taken and the view sent anew.
    expect(await wrong.room.request('texts', { base: enId })).toMatchObject({ ok: false });
    const arBase = await fetchBase(arId);
    expect(arBase.texts.some((x) => /[\u0600-\u06ff]/.test(x))).toBe(true);
    const right = new Wire(await t.harness.sdk.joinById(code, { ...ar, texts: arId }), arBase);
    await until(() => right.view !== null, 'the Arabic view with its texts');
    expect(right.wholes[0]!.base).toBe(arId);
    expect(right.view).toEqual(wrong.view);
    // The Arabic device that now holds them says so: its next whole view is numbered after them.
    wrong.base = arBase;
    expect(await wrong.room.request('texts', { base: arId })).toMatchObject({ ok: true });
    await until(() => wrong.wholes.length === 2, 'the whole view again');
    expect(wrong.wholes[1]!.base).toBe(arId);
    expect(wrong.view).toEqual(right.view);
    await wrong.room.leave();
    await right.room.leave();
    await facilitator.close();
  });
});
