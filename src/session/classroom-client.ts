// A device's link to a classroom room, for the browser and for tests: it opens or joins a room, keeps the view the
// server sends (whole, then as changes), sends requests, and comes back by itself after a dropped connection or
// a restarted server: first to its own session, else to its seat with the token (or key) it kept.
import { Client, type Room } from '@colyseus/sdk';
import { type BaseTexts, readBase } from './base-texts.ts';
import type { Reply, Welcome } from './classroom-protocol.ts';
import { ViewReceiver } from './view-texts.ts';

/** What a device keeps to come back: in session storage for a student, in local storage for the facilitator. */
export interface Credentials {
  code: string;
  role: Welcome['role'];
  key?: string;
  token?: string;
  name?: string;
}

/** The close code of a device the facilitator removed (the room's REMOVED_CLOSE). */
export const REMOVED_CLOSE = 4401;

export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ClassroomClientOptions {
  /** The server's address: http(s)://host:port. */
  endpoint: string;
  /** Called with what to keep whenever it changes. */
  keep?: (credentials: Credentials) => void;
  /** How long to keep trying to come back before giving up. */
  giveUpAfterMs?: number;
  fetch?: typeof fetch;
  /** The language this device reads (classroom-protocol.ts ROOM_LANGUAGES): the room builds its views in it. */
  language?: string;
  /** Where a line goes when the scenario's texts cannot be used (the views then come with their texts). */
  log?: (line: string) => void;
}

/** `V`: the screens the room sends (src/present/classroom-screens.ts); this link only keeps them. */
export class ClassroomClient<V = unknown> {
  view: V | null = null;
  welcome: Welcome | null = null;
  /** Why the room takes no more commands (the server cannot save it), in one sentence; null while it can. */
  halted: string | null = null;
  status: LinkStatus = 'connecting';
  /** The facilitator removed this device: its token no longer opens the room. */
  removed = false;
  private room: Room | null = null;
  private credentials: Credentials | null = null;
  private readonly sdk: Client;
  private readonly listeners = new Set<() => void>();
  private closing = false;
  /**
   * The scenario's texts in this device's language (base-texts.ts), once fetched and checked: the room sends each
   * of them as its number. Fetched when the room's welcome names them, while the first view arrives with its texts.
   */
  private base: BaseTexts | null = null;
  private fetchingBase: string | null = null;
  /** The id of the scenario's texts this device holds, or null. */
  get holdsTexts(): string | null {
    return this.base?.id ?? null;
  }

  /** Why this device goes without the scenario's texts (their fetch failed, or the room refused them), or null. */
  textsRefused: string | null = null;

  constructor(private readonly options: ClassroomClientOptions) {
    this.sdk = new Client(options.endpoint);
    // The server's gate refuses some requests before any room knows this device (too many wrong codes, too many
    // rooms): it says why in the language the request asks for.
    if (options.language)
      this.sdk.http.options.headers = {
        ...this.sdk.http.options.headers,
        'Accept-Language': options.language,
      };
  }

  /** The facilitator's key, for what only the facilitator may ask of the server (the room's exports). */
  get key(): string | null {
    return this.credentials?.key ?? null;
  }

  /** Calls `listener` after every change of view or status; returns a function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens a new room as its facilitator. */
  async open(options: Record<string, unknown> & { key: string }): Promise<Welcome> {
    const device = this.options.language ? { deviceLanguage: this.options.language } : {};
    const room = await this.sdk.create('classroom', { ...options, ...device, role: 'facilitator' });
    return this.attach(room, { code: '', role: 'facilitator', key: options.key }, undefined);
  }

  /** Joins a room by its code; with kept credentials, as the same facilitator or at the same seat. */
  async join(code: string, options: Record<string, unknown>, kept?: Credentials): Promise<Welcome> {
    const joinOptions = this.withTexts(
      withLanguage(kept ? credentialOptions(kept) : options, this.options.language),
    );
    const room = await this.sdk.joinById(code, joinOptions);
    const role = (joinOptions as { role: Welcome['role'] }).role;
    return this.attach(
      room,
      {
        ...kept,
        code,
        role,
        ...(typeof options.name === 'string' ? { name: options.name } : {}),
      },
      joinOptions.texts as string | undefined,
    );
  }

  async request(type: string, message: unknown): Promise<Reply> {
    if (!this.room || this.status !== 'connected') {
      return { ok: false, code: 'offline', message: 'Not connected to the room; trying to come back.' };
    }
    return (await this.room.request(type, message)) as Reply;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.setStatus('closed');
    // A room whose server is gone never answers a leave: the link is closed all the same.
    const leave = this.room?.leave(true).catch(() => undefined);
    await Promise.race([leave, new Promise((resolve) => setTimeout(resolve, 1000))]);
  }

  /** Drops the connection as a lost network would, for tests of coming back. */
  dropForTest(): void {
    (this.room?.connection as unknown as { transport: { ws: WebSocket } })?.transport.ws.close(4999);
  }

  /** A join's options with the scenario's texts this device holds, so that its first view is numbered after them. */
  private withTexts(options: Record<string, unknown>): Record<string, unknown> {
    return this.base ? { ...options, texts: this.base.id } : options;
  }

  /**
   * The scenario's texts the welcome names: fetched (the browser's cache keeps them: their address never changes)
   * and checked, then said held, unless the join already said so. A failure is one line, and the views keep
   * coming with their texts.
   */
  private async holdTexts(room: Room, id: string | undefined, claimed: string | undefined): Promise<void> {
    if (id === undefined || id === claimed || this.fetchingBase === id) return;
    if (this.base?.id !== id) {
      this.fetchingBase = id;
      const got = await this.fetchTexts(id);
      this.fetchingBase = null;
      if (typeof got === 'string') return this.refuseTexts(got);
      this.base = got;
    }
    if (this.room !== room || this.status !== 'connected') return;
    const reply = (await room.request('texts', { base: id }).catch(() => null)) as Reply | null;
    if (reply && !reply.ok)
      this.refuseTexts(`The room did not take the scenario's texts ${id}: ${reply.message}`);
  }

  private async fetchTexts(id: string): Promise<BaseTexts | string> {
    try {
      const f = this.options.fetch ?? fetch;
      const res = await f(`${this.options.endpoint}/api/texts/${encodeURIComponent(id)}`);
      if (!res.ok)
        return `The scenario's texts ${id} could not be fetched (${res.status}); the views come with their texts.`;
      return readBase(id, await res.json());
    } catch {
      return `The scenario's texts ${id} could not be fetched; the views come with their texts.`;
    }
  }

  private refuseTexts(line: string): void {
    this.textsRefused = line;
    this.options.log?.(line);
  }

  private attach(room: Room, base: Credentials, claimed: string | undefined): Promise<Welcome> {
    this.room = room;
    // The client comes back its own way (below): the SDK's retries do not survive a restarted server.
    room.reconnection.enabled = false;
    const welcomed = new Promise<Welcome>((resolve) => {
      room.onMessage('welcome', (w: Welcome) => {
        this.welcome = w;
        this.halted = w.halted ?? null;
        const creds: Credentials = { ...base, code: w.code, role: w.role };
        if (w.token) creds.token = w.token;
        this.credentials = creds;
        this.options.keep?.(creds);
        void this.holdTexts(room, w.texts, claimed);
        resolve(w);
      });
    });
    room.onMessage('halted', (m: { message: string }) => {
      this.halted = m.message;
      this.emit();
    });
    // The texts a view holds come once per connection: a new connection starts from a whole view.
    const receiver = new ViewReceiver<V>((id) => (this.base?.id === id ? this.base.texts : undefined));
    room.onMessage('view', (wire: unknown) => {
      this.view = receiver.whole(wire);
      this.emit();
    });
    room.onMessage('patch', (wire: unknown) => {
      const got = receiver.patch(wire);
      if (got === 'applied') {
        this.view = receiver.view;
        this.emit();
      } else if (got === 'failed') void room.request('view.full', {}).catch(() => undefined);
    });
    room.onLeave((code) => {
      if (this.room !== room || this.closing) return;
      // The facilitator removed this device: its token no longer opens the room, so it does not try.
      if (code === REMOVED_CLOSE) {
        this.closing = true;
        this.removed = true;
        this.setStatus('closed');
        return;
      }
      void this.comeBack(room);
    });
    this.setStatus('connected');
    return welcomed;
  }

  private async comeBack(lost: Room): Promise<void> {
    this.setStatus('reconnecting');
    const until = Date.now() + (this.options.giveUpAfterMs ?? 10 * 60_000);
    let delay = 250;
    while (!this.closing && Date.now() < until) {
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 4000);
      try {
        // The same session, while the server still holds its place (a short drop).
        const room = await this.sdk.reconnect(lost.reconnectionToken);
        // The room kept this device's place, and the texts it said it held (said again: the room takes it as a no-op).
        await this.attach(room, this.credentials!, undefined);
        return;
      } catch {
        // The server lost the session (it restarted, or another process took the room over).
      }
      try {
        const creds = this.credentials;
        if (!creds) break;
        const f = this.options.fetch ?? fetch;
        await f(`${this.options.endpoint}/api/rooms/${encodeURIComponent(creds.code)}/ensure`, {
          method: 'POST',
          headers: ensureHeaders(creds.key),
        });
        const rejoin = this.withTexts(withLanguage(credentialOptions(creds), this.options.language));
        const room = await this.sdk.joinById(creds.code, rejoin);
        await this.attach(room, creds, rejoin.texts as string | undefined);
        return;
      } catch {
        // Not back yet: try again after a longer wait.
      }
    }
    if (!this.closing) this.setStatus('closed');
  }

  private setStatus(status: LinkStatus): void {
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** An ended room wakes only for its facilitator (the server answers strangers 410): the key goes in a header. */
export function ensureHeaders(key: string | undefined): Record<string, string> {
  return key ? { 'X-Facilitator-Key': key } : {};
}

/** A device's join options with the language it reads; the projector reads the room's, and says none. */
function withLanguage(
  options: Record<string, unknown>,
  language: string | undefined,
): Record<string, unknown> {
  return language && options.role !== 'projector' ? { ...options, language } : options;
}

function credentialOptions(c: Credentials): Record<string, unknown> {
  if (c.role === 'facilitator') return { role: 'facilitator', key: c.key };
  if (c.role === 'projector') return { role: 'projector' };
  return { role: 'student', token: c.token, ...(c.name ? { name: c.name } : {}) };
}
