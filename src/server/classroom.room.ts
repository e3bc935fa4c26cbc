// One classroom game: the authority for its record. Clients send commands and proposals; the room fills in who
// issued them (a client never says so itself), asks the game session, writes what was accepted to the store, and
// only then sends each client the changes to its own view. Nothing a seat may not see ever leaves the room.
import { randomBytes, randomInt } from 'node:crypto';
import { type Client, getMessageBytes, Protocol, Room, ServerError } from '@colyseus/core';
import { Packr } from 'msgpackr';
import { type Actor, createActor } from 'xstate';
import type { ClientView, DeviceLine, RoomPresence } from '../present/classroom-screens.ts';
import { isLanguage, type Language, withLanguage } from '../present/i18n/i18n.ts';
import { Lookup } from '../present/lookup.ts';
import { type RefusalNames, saidText } from '../present/refusal-text.ts';
import { localizeWords } from '../scenario/localize.ts';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  CommandMessageSchema,
  type DeviceMessage,
  DeviceMessageSchema,
  ProposalMessageSchema,
  type Reply,
  type ROOM_LANGUAGES,
  SeatMessageSchema,
  TextsMessageSchema,
  type Welcome,
} from '../session/classroom-protocol.ts';
import { type SessionSnapshot, sessionMachine } from '../session/session.machine.ts';
import { diffView } from '../session/view-patch.ts';
import { encodePatch, encodeWhole, type TextBase, type TextTable } from '../session/view-texts.ts';
import { type Command, cleanCommand, type Entry, type Issuer } from '../sim/commands.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import { type HistoricalPath, historicalPath } from '../sim/history.ts';
import {
  FACILITATOR_RESERVE_BYTES,
  FACILITATOR_RESERVE_ENTRIES,
  MAX_RECORD_BYTES,
  MAX_RECORD_ENTRIES,
  SEAT_RESERVE_BYTES,
  SEAT_RESERVE_ENTRIES,
} from '../sim/limits.ts';
import { type GameRecord, replay } from '../sim/record.ts';
import { saveJson } from '../sim/save.ts';
import type { GameState } from '../sim/state.ts';
import {
  consoleClientView,
  lobbyClientView,
  projectorClientView,
  SeatViewMemo,
  seatClientView,
  seatStatus,
  viewsChangedBy,
} from './classroom-views.ts';
import { hashSecret, originOf, type RecordStore, type RoomSettings, StoreError } from './record-store.ts';
import { openingOf, openRefused } from './room-open.ts';
import { isRoomSaid, roomSaidText } from './room-refusals.ts';
import {
  type Identity,
  issuerOf,
  joinLanguage,
  oneLine,
  parseJoin,
  proposalCommand,
  REMOVED,
  type Refused,
  type RoomKeys,
  refuse,
  SEAT_CODE_SHAPE,
  seatCode,
  seatOfCode,
  seatRefusal,
  TokenBucket,
} from './room-rules.ts';
import { textBaseOf } from './scenario-texts.ts';
import type { ScenarioInLanguage, ScenarioLanguages } from './scenarios.ts';

/**
 * The room's settings as it stores them: the store's, and each seat's code hashed (like the facilitator's key). The
 * codes themselves are derived from the key (room-rules.ts seatCode), so only the facilitator can be given them.
 */
type ClassSettings = RoomSettings & {
  seatKeys?: Record<string, string>;
  /** The room's language, the projector's (the facilitator chose it); English for a room opened before. */
  language?: Language;
};

/** The protocol's languages are the interface's: each list names every language of the other. */
const SAME_LANGUAGES: [Language, (typeof ROOM_LANGUAGES)[number]] extends [
  (typeof ROOM_LANGUAGES)[number],
  Language,
]
  ? true
  : never = true;
void SAME_LANGUAGES;

/**
 * Which seats the facilitator locked is kept beside the devices, under keys no token hash has (a hash has no
 * colon): `lock:SEAT` -> SEAT while locked, null once unlocked. Device management is the room's state, never a
 * command in the game's record.
 */
const LOCK = 'lock:';
/** Muted devices are kept the same way: `mute:TOKENHASH` -> 'muted' while muted, null once unmuted. */
const MUTE = 'mute:';
/** A muted device's refusal, for each statement or message it sends. */
export const MUTED = 'The facilitator has muted this device: it cannot publish statements or send messages.';

/** How often a room's Colyseus clock ticks. */
const ROOM_TICK_MS = 250;

/**
 * How long the views that a seat's own decision, withdrawal or proposal changes may wait for the next change: the
 * seats of a class decide within moments of each other, and each decision alone made its seat's view, the console
 * and the projector again and sent them (four times a turn, then once more for the turn's resolution, which goes at
 * once and takes what waits with it). Short enough that a team and the facilitator see a decision as it is made.
 */
export const SEAT_CHANGE_WAIT_MS = 100;

/** The close code a removed device is sent away with: its client does not try to come back. */
export const REMOVED_CLOSE = 4401;

export interface ClassroomDeps {
  scenarios: ReadonlyMap<string, CompiledScenario>;
  /** Each scenario in the other languages it is translated into, for the views of the devices that read them. */
  languages?: ScenarioLanguages;
  store: RecordStore;
  /** One line per refusal or fault; never a student's name. */
  log: (line: string) => void;
  /** A secret of this process: only the server itself may ask a room to come back from the store. */
  restoreKey: string;
  now: () => number;
  /** How long a room with no device stays in memory. */
  idleMs: number;
  /** Each client's allowance: a burst, a refill per second, and a rate past which it is disconnected. */
  rate: { burst: number; perSecond: number; disconnectAbove: number };
}

export const CLASSROOM_RATE = { burst: 20, perSecond: 10, disconnectAbove: 100 };

/**
 * What this process's rooms have done to send views, counted for the health figures (the class bench prints them per
 * room-turn, to tell where a turn's work goes): publishes that sent something, views built, frames encoded (once per
 * audience), frames written to a socket, and their bytes.
 */
export const viewWork = { publishes: 0, views: 0, frames: 0, writes: 0, bytes: 0 };

interface Member {
  identity: Identity;
  /** The view last sent, to send only what changed; null until the first whole view. */
  sent: ClientView | null;
  /** The texts the device holds (view-texts.ts): what it was sent since its last whole view. */
  texts: TextTable | null;
  /** The scenario's texts the device said it holds (base-texts.ts): its views are numbered after them. */
  base: TextBase | null;
  bucket: TokenBucket;
  connected: boolean;
  /** Messages refused for the rate since the last line about them in the log, and when that line was written. */
  limited: number;
  limitLoggedAt: number;
}

export class ClassroomRoom extends Room {
  static deps: ClassroomDeps;

  private deps!: ClassroomDeps;
  private c!: CompiledScenario;
  /** Names and labels for the seats' screens, built once per room. */
  private lookup!: Lookup;
  private historical: HistoricalPath | null = null;
  private code!: string;
  private keyHash!: string;
  private settings!: ClassSettings;
  private devices!: Map<string, string | null>;
  private readonly lockedSeats = new Set<string>();
  /** The token hashes of the devices the facilitator muted. */
  private readonly mutedDevices = new Set<string>();
  /** Each seat's code, for the console: known once the facilitator's key has been seen (at opening, or a join). */
  private seatCodes: Record<string, string> | null = null;
  private session!: Actor<typeof sessionMachine>;
  private persisted = 0;
  /** The bytes of the record's JSON as written so far (its save, limits.ts), to refuse what would pass the bound. */
  private recordBytes = 0;
  /** Why the room takes no more commands: its store failed (fail-stop); null while it can write. */
  private halted: string | null = null;
  private readonly members = new Map<string, Member>();
  private publishing: Promise<void> = Promise.resolve();
  private writing: Promise<void> = Promise.resolve();
  /** The views last built, by key (a seat, the console, the projector, the lobby), and which to build again. */
  private readonly built = new Map<string, ClientView>();
  /**
   * Each seat's last build in each language, so that a seat's view is built again only in the parts that changed.
   * A language has one only once a device reads the room in it: an English room builds nothing else.
   */
  private readonly seatMemos = new Map<Language, SeatViewMemo>();
  private dirty: Set<string> | 'all' = 'all';
  /** The publish that a seat's own change waits for (SEAT_CHANGE_WAIT_MS), while one is set. */
  private waiting: ReturnType<typeof setTimeout> | null = null;
  /** By view key: the view its devices were last sent and the texts they hold, for a device that joins them. */
  private readonly streams = new Map<string, Stream>();
  private turnClock = { key: '', startedAt: 0 };

  override async onCreate(options: unknown): Promise<void> {
    this.deps = ClassroomRoom.deps;
    this.maxMessagesPerSecond = this.deps.rate.disconnectAbove;
    // The room has no Colyseus state to patch: its clock needs ticking only for the rate counter (the TokenBucket
    // does the fine limiting), so four times a second instead of twenty, in each of a school's rooms.
    this.patchRate = ROOM_TICK_MS;
    this.autoDispose = false;
    const restore = (options as { restore?: unknown; restoreKey?: unknown } | null) ?? {};
    if (typeof restore.restore === 'string' && restore.restoreKey === this.deps.restoreKey) {
      await this.restore(restore.restore);
    } else {
      await this.open(options);
      this.deps.log(
        `room ${this.code}: opened (${this.c.scenario.meta.id}, seed ${this.context().state.seed})`,
      );
    }
    this.roomId = this.code;
    // Only its code enters a class: a private room is never picked by `join` or `joinOrCreate`, only by its id.
    await this.setPrivate(true);
    this.registerMessages();
    // A room nobody is in is let go after a while (its record stays in the store, and it comes back on demand), so
    // that a server running for weeks does not keep every lesson's game in memory. The first wait also covers the
    // seat its creator reserved: a slow first connection must not find the room gone ("seat reservation expired").
    this.idleCheck((this.seatReservationTimeout + 1) * 1000);
    this.session.subscribe({
      // A command a client sent is published after its reply (settle); this catches the others (the clock).
      next: () => setImmediate(() => void this.publish()),
      error: (e) => this.deps.log(`room ${this.code}: the session stopped: ${String(e)}`),
    });
  }

  /** A new room from the facilitator's choices: scenario, seed, and who holds each seat. */
  private async open(options: unknown): Promise<void> {
    const {
      c,
      options: o,
      record,
      forkedAt,
      origin,
    } = openingOf(options, this.deps.scenarios, this.deps.languages);
    this.c = c;
    this.settings = {
      autoResolve: o.autoResolve,
      language: o.language,
      // The origin's first commands are the room's own: only the rest is kept, so the record is written once.
      ...(origin ? { forkedAt, originTail: origin.entries.slice(forkedAt) } : {}),
    };
    this.keyHash = hashSecret(o.key);
    this.devices = new Map();
    for (let tries = 0; ; tries++) {
      const code = Array.from(
        { length: CODE_LENGTH },
        () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
      ).join('');
      const codes = Object.fromEntries(c.playableIds.map((a) => [a, seatCode(o.key, code, a)]));
      const seatKeys = Object.fromEntries(Object.entries(codes).map(([a, k]) => [a, hashSecret(k)]));
      const settings: ClassSettings = { ...this.settings, seatKeys };
      const created = await this.deps.store.create({ code, record, settings, keyHash: this.keyHash });
      if (created) {
        this.code = code;
        this.settings = settings;
        this.seatCodes = codes;
        break;
      }
      if (tries > 50) throw openRefused(503, joinLanguage(options), 'no-code-free');
    }
    this.startSession(record);
  }

  /** A room the store holds, rebuilt at the command it had reached (after a restart, or on another process). */
  private async restore(code: string): Promise<void> {
    const stored = await this.deps.store.load(code);
    if (!stored) throw new ServerError(404, `There is no room ${code}.`);
    const c = this.deps.scenarios.get(stored.record.scenario.id);
    if (!c || c.digest !== stored.record.scenario.digest) {
      throw new ServerError(409, `Room ${code} was played with a scenario this server does not have.`);
    }
    const broken = replayOrRefusal(c, stored.record);
    if (broken) throw new ServerError(409, `Room ${code} does not replay: ${broken}`);
    this.c = c;
    this.code = code;
    this.settings = stored.settings as ClassSettings;
    this.keyHash = stored.keyHash;
    this.devices = new Map();
    for (const [k, seat] of stored.devices) {
      if (k.startsWith(MUTE)) {
        if (seat !== null) this.mutedDevices.add(k.slice(MUTE.length));
      } else if (!k.startsWith(LOCK)) this.devices.set(k, seat);
      else if (seat !== null) this.lockedSeats.add(k.slice(LOCK.length));
    }
    this.startSession(stored.record);
  }

  private startSession(record: GameRecord): void {
    this.lookup = new Lookup(this.c.scenario);
    this.session = createActor(sessionMachine, {
      input: { c: this.c, record, autoResolve: this.settings.autoResolve },
    });
    this.session.start();
    this.persisted = record.entries.length;
    this.recordBytes = Buffer.byteLength(saveJson(record));
  }

  private keys(): RoomKeys {
    return {
      code: this.code,
      keyHash: this.keyHash,
      devices: this.devices,
      seats: this.context().state.seats,
      seatKeys: this.settings.seatKeys ?? null,
      locked: this.lockedSeats,
    };
  }

  override onAuth(_client: Client, options: unknown): Identity {
    const result = parseJoin(options, this.keys());
    if ('refused' in result) {
      this.deps.log(`room ${this.code}: join refused (${result.code}): ${result.message}`);
      // Said in the language the device asked for: the join page shows the sentence as it comes.
      throw new ServerError(4403, this.sayIn(joinLanguage(options), result));
    }
    // After a restart the room knows only the seat codes' hashes: the facilitator's key gives the codes again.
    const seatKeys = this.settings.seatKeys;
    if (result.role === 'facilitator' && this.seatCodes === null && seatKeys) {
      const key = (options as { key: string }).key;
      this.seatCodes = Object.fromEntries(Object.keys(seatKeys).map((a) => [a, seatCode(key, this.code, a)]));
      this.touch('all');
    }
    return result;
  }

  override async onJoin(client: Client, options: unknown, identity: Identity): Promise<void> {
    let token: string | null = null;
    if (identity.role === 'student' && identity.tokenHash === null) {
      token = randomBytes(24).toString('base64url');
      identity.tokenHash = hashSecret(token);
      this.devices.set(identity.tokenHash, identity.seat);
      await this.deps.store.setDevice(this.code, identity.tokenHash, identity.seat);
    }
    // A device that comes back with its token while its old connection still waits to reconnect takes that place:
    // one device is never counted twice at its seat.
    if (identity.role === 'student' && identity.tokenHash !== null) {
      for (const [sessionId, m] of this.members) {
        if (m.identity.role === 'student' && m.identity.tokenHash === identity.tokenHash) {
          this.members.delete(sessionId);
          this.clients.getById(sessionId)?.leave(4000, 'This device joined again.');
        }
      }
    }
    this.members.set(client.sessionId, {
      identity,
      sent: null,
      texts: null,
      base: this.baseHeld(identity, (options as { texts?: unknown } | null)?.texts),
      bucket: new TokenBucket(this.deps.rate.burst, this.deps.rate.perSecond, this.deps.now()),
      connected: true,
      limited: 0,
      limitLoggedAt: Number.NEGATIVE_INFINITY,
    });
    this.idleCheck();
    const seat = identity.role === 'student' ? identity.seat : null;
    const welcome: Welcome = {
      code: this.code,
      role: identity.role,
      seat,
      token,
      language: this.languageOf(identity),
      texts: this.textBase(identity).id,
      ...(this.halted !== null ? { halted: this.haltedIn(this.languageOf(identity)) } : {}),
    };
    client.send('welcome', welcome);
    this.touch('all', { world: false });
    await this.publish();
  }

  override onDrop(client: Client): void {
    const member = this.members.get(client.sessionId);
    this.touch('all', { world: false });
    void this.publish();
    // A removed device has no place to come back to.
    if (!member) return;
    member.connected = false;
    // A locked phone or a lost network: the device keeps its place and its seat for two minutes; after that (or
    // after a restart) it comes back with its token.
    // Not awaited: Colyseus finishes the drop (and closes a socket it cut off) only once onDrop returns.
    this.allowReconnection(client, 120).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (!member) {
      client.leave(REMOVED_CLOSE, 'The facilitator removed this device.');
      return;
    }
    member.connected = true;
    member.sent = null;
    this.touch('all', { world: false });
    void this.publish();
  }

  override onLeave(client: Client): void {
    this.members.delete(client.sessionId);
    this.touch('all', { world: false });
    void this.publish();
    this.idleCheck();
  }

  private idle: ReturnType<typeof setTimeout> | null = null;

  /** Lets the room go once it has had no device for `idleMs`; a device that joins in the meantime keeps it. */
  private idleCheck(atLeastMs = 0): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.members.size > 0) return;
    const wait = Math.max(this.deps.idleMs, atLeastMs);
    this.idle = setTimeout(() => {
      if (this.members.size > 0) return;
      this.deps.log(
        `room ${this.code}: let go after ${Math.round(this.deps.idleMs / 60_000)} minutes without a device`,
      );
      void this.disconnect();
    }, wait);
  }

  override onUncaughtException(error: Error, method: string): void {
    this.deps.log(`room ${this.code}: ${method} failed: ${error.message.split('\n')[0]}`);
  }

  private registerMessages(): void {
    this.onMessage('command', (client, message) =>
      this.guarded(client, 'command', message, (m) => this.onCommand(client, m)),
    );
    this.onMessage('proposal', (client, message) =>
      this.guarded(client, 'proposal', message, (m) => this.onProposal(client, m)),
    );
    this.onMessage('seat', (client, message) =>
      this.guarded(client, 'seat', message, (m) => this.onSeat(client, m)),
    );
    this.onMessage('device', (client, message) =>
      this.guarded(client, 'device', message, (m) => this.onDevice(client, m)),
    );
    this.onMessage('texts', (client, message) =>
      this.guarded(client, 'texts', message, (m) => this.onTexts(client, m)),
    );
    this.onMessage('view.full', (client, message) =>
      this.guarded(client, 'view.full', message, async () => {
        const member = this.members.get(client.sessionId);
        if (member) member.sent = null;
        await this.publish();
        return { ok: true, accepted: this.persisted };
      }),
    );
    this.onMessage('*', (client, type) => {
      this.logRefusal(
        client,
        refuse('malformed', `There is no message ${String(type).slice(0, 40)}.`, 'room.no-message', {
          type: String(type).slice(0, 40),
        }),
      );
    });
  }

  /** Every message: the client is known, within its rate, and nothing it sends can throw out of the room. */
  private async guarded(
    client: Client,
    type: string,
    message: unknown,
    handle: (message: unknown) => Promise<Reply>,
  ): Promise<Reply> {
    const member = this.members.get(client.sessionId);
    if (!member)
      return this.replyRefused(
        client,
        refuse('not-allowed', 'This device has not joined the room.', 'room.not-joined'),
      );
    const now = this.deps.now();
    if (!member.bucket.take(now)) {
      const r = refuse('rate-limited', `Too many messages (${type}); slow down.`, 'room.rate-limited', {
        type,
      });
      // A flood is one line a second in the log, with how many were refused, not a line per message.
      member.limited++;
      if (now - member.limitLoggedAt >= 1000) {
        this.logRefusal(client, {
          refused: true,
          code: r.code,
          message: `${member.limited} messages over the limit; slow down.`,
        });
        member.limitLoggedAt = now;
        member.limited = 0;
      }
      return { ok: false, code: r.code, message: this.sayRefused(client, r) };
    }
    // Fail-stop: once the store has failed, nothing more is taken (a device may still ask for its whole view).
    if (this.halted !== null && type !== 'view.full') {
      return this.replyRefused(client, refuse('storage', this.halted, 'room.storage'));
    }
    try {
      return await handle(message);
    } catch (e) {
      // A store that fails on anything (a device's seat too) stops the room, as a failed append does.
      if (e instanceof StoreError) {
        this.halt(e);
        return this.replyRefused(client, refuse('storage', this.halted ?? e.message, 'room.storage'));
      }
      this.deps.log(oneLine(`room ${this.code}: ${type} failed: ${String(e)}`));
      // Logged above, as it failed: the device hears only that it was not taken.
      const fault = refuse('fault', 'The server could not take this message.', 'room.fault');
      return { ok: false, code: fault.code, message: this.sayRefused(client, fault) };
    }
  }

  private async onCommand(client: Client, message: unknown): Promise<Reply> {
    const parsed = CommandMessageSchema.safeParse(message);
    if (!parsed.success)
      return this.replyRefused(
        client,
        refuse('malformed', 'This is not a well-formed command.', 'room.command-malformed'),
      );
    const identity = this.members.get(client.sessionId)!.identity;
    const by: Issuer | Refused = issuerOf(identity);
    if ('refused' in by) return this.replyRefused(client, by);
    const type = parsed.data.command.type;
    const talks = type === 'statement.publish' || type === 'message.send';
    if (talks && identity.role === 'student' && this.mutedDevices.has(identity.tokenHash ?? ''))
      return this.replyRefused(client, refuse('muted', MUTED, 'room.muted'));
    return this.apply(client, { by, command: parsed.data.command as Command });
  }

  /**
   * A team's proposal, its confirmation or its withdrawal: each is a command of the seat (room-rules.ts
   * proposalCommand), so it is checked by the engine, written to the record and replayed after a restart.
   */
  private async onProposal(client: Client, message: unknown): Promise<Reply> {
    const parsed = ProposalMessageSchema.safeParse(message);
    if (!parsed.success)
      return this.replyRefused(
        client,
        refuse('malformed', 'This is not a well-formed proposal.', 'room.proposal-malformed'),
      );
    const by = issuerOf(this.members.get(client.sessionId)!.identity);
    if ('refused' in by) return this.replyRefused(client, by);
    if ('facilitator' in by)
      return this.replyRefused(
        client,
        refuse('not-your-seat', 'Only a team at a seat it holds may propose.', 'room.propose-not-seat'),
      );
    const command = proposalCommand(this.context().state, by.seat, parsed.data);
    if ('refused' in command) return this.replyRefused(client, command);
    return this.apply(client, { by, command });
  }

  private async onSeat(client: Client, message: unknown): Promise<Reply> {
    const parsed = SeatMessageSchema.safeParse(message);
    if (!parsed.success) {
      const badSeatCode = parsed.error.issues.some((i) => i.path.includes('seatCode'));
      return this.replyRefused(
        client,
        badSeatCode
          ? refuse('malformed', SEAT_CODE_SHAPE, 'room.seat-code-shape')
          : refuse('malformed', 'This is not a seat.', 'room.seat-malformed'),
      );
    }
    const member = this.members.get(client.sessionId)!;
    const { identity } = member;
    if (identity.role !== 'student')
      return this.replyRefused(
        client,
        refuse('not-allowed', 'Only a student takes a seat.', 'room.seat-student-only'),
      );
    const { seatCode: code } = parsed.data;
    const seat = 'seat' in parsed.data ? parsed.data.seat : seatOfCode(this.keys(), parsed.data.seatCode);
    if (seat === null)
      return this.replyRefused(
        client,
        refuse('wrong-seat-code', `This seat code opens no seat in room ${this.code}.`, 'room.code-no-seat', {
          room: this.code,
        }),
      );
    if (identity.seat === seat) return { ok: true, accepted: this.persisted };
    const refused = seatRefusal(this.keys(), seat, code) ?? this.turnRefusal(identity.seat, seat);
    if (refused) return this.replyRefused(client, refused);
    if (code === undefined) {
      if (identity.seat !== null) {
        return this.replyRefused(
          client,
          refuse(
            'needs-seat-code',
            `The seat of ${seat} needs its seat code; ask the facilitator for it.`,
            'room.needs-seat-code',
            { seat },
          ),
        );
      }
      // Without the code the device waits in the lobby; the console shows it asking, to admit it.
      identity.asking = seat;
      this.touch('all');
      await this.publish();
      const waiting = refuse(
        'waiting',
        `Waiting for the facilitator to admit this device to the seat of ${seat}.`,
        'room.waiting',
        { seat },
      );
      return { ok: false, code: waiting.code, message: this.sayRefused(client, waiting) };
    }
    await this.moveTo(member, seat);
    return { ok: true, accepted: this.persisted };
  }

  /**
   * A device at a seat moves only between turns: not while its own team's or the other team's decision is open or
   * submitted in the turn. A device from the lobby may join its team at any time.
   */
  private turnRefusal(from: string | null, to: string): Refused | null {
    if (from === null) return null;
    const { state } = this.context();
    const open = (actor: string) => ['deciding', 'submitted'].includes(seatStatus(state, actor));
    if (open(from) || open(to)) {
      const seat = open(from) ? from : to;
      return refuse(
        'turn-open',
        `A device changes seats between turns only: ${seat} has a decision open in this turn.`,
        'room.turn-open',
        { seat },
      );
    }
    return null;
  }

  private async moveTo(member: Member, seat: string): Promise<void> {
    const { identity } = member;
    if (identity.role !== 'student') return;
    identity.seat = seat;
    identity.asking = null;
    if (identity.tokenHash) {
      this.devices.set(identity.tokenHash, seat);
      await this.deps.store.setDevice(this.code, identity.tokenHash, seat);
    }
    member.sent = null;
    this.touch('all');
    await this.publish();
  }

  /** The facilitator admits a waiting device, removes one, or locks a seat: the room's state, not the game's. */
  private async onDevice(client: Client, message: unknown): Promise<Reply> {
    const parsed = DeviceMessageSchema.safeParse(message);
    if (!parsed.success)
      return this.replyRefused(
        client,
        refuse('malformed', 'This is not a well-formed device request.', 'room.device-malformed'),
      );
    if (this.members.get(client.sessionId)!.identity.role !== 'facilitator')
      return this.replyRefused(
        client,
        refuse('not-allowed', 'Only the facilitator manages devices.', 'room.devices-facilitator-only'),
      );
    const m: DeviceMessage = parsed.data;
    if (m.action === 'lock') {
      if (!Object.hasOwn(this.context().state.seats, m.seat))
        return this.replyRefused(
          client,
          refuse('not-your-seat', `There is no seat ${m.seat.slice(0, 40)}.`, 'room.no-seat-named', {
            seat: m.seat.slice(0, 40),
          }),
        );
      if (m.locked) this.lockedSeats.add(m.seat);
      else this.lockedSeats.delete(m.seat);
      await this.deps.store.setDevice(this.code, LOCK + m.seat, m.locked ? m.seat : null);
      this.touch('all');
      await this.publish();
      return { ok: true, accepted: this.persisted };
    }
    const tokenHash = [...this.devices.keys()].find((k) => deviceId(k) === m.device);
    if (!tokenHash || this.devices.get(tokenHash) === REMOVED)
      return this.replyRefused(
        client,
        refuse('no-device', `There is no device ${m.device.slice(0, 40)} here.`, 'room.no-device', {
          device: m.device.slice(0, 40),
        }),
      );
    const members = [...this.members].filter(
      ([, x]) => x.identity.role === 'student' && x.identity.tokenHash === tokenHash,
    );
    if (m.action === 'mute') {
      if (m.muted) this.mutedDevices.add(tokenHash);
      else this.mutedDevices.delete(tokenHash);
      await this.deps.store.setDevice(this.code, MUTE + tokenHash, m.muted ? 'muted' : null);
      this.touch('all');
      await this.publish();
      return { ok: true, accepted: this.persisted };
    }
    if (m.action === 'remove') {
      this.devices.set(tokenHash, REMOVED);
      await this.deps.store.setDevice(this.code, tokenHash, REMOVED);
      for (const [sessionId] of members) {
        this.members.delete(sessionId);
        this.clients.getById(sessionId)?.leave(REMOVED_CLOSE, 'The facilitator removed this device.');
      }
      this.deps.log(`room ${this.code}: the facilitator removed device ${m.device}`);
      this.touch('all');
      await this.publish();
      return { ok: true, accepted: this.persisted };
    }
    const waiting = members.find(
      ([, x]) => x.connected && x.identity.role === 'student' && x.identity.asking,
    );
    const seat = waiting && waiting[1].identity.role === 'student' ? waiting[1].identity.asking : null;
    if (!waiting || seat === null)
      return this.replyRefused(
        client,
        refuse('not-waiting', `Device ${m.device} is not waiting for a seat.`, 'room.not-waiting', {
          device: m.device,
        }),
      );
    if (this.context().state.seats[seat] !== 'person')
      return this.replyRefused(
        client,
        refuse('not-your-seat', `The seat of ${seat} is not a team's seat now.`, 'room.not-team-seat', {
          seat,
        }),
      );
    await this.moveTo(waiting[1], seat);
    return { ok: true, accepted: this.persisted };
  }

  private async apply(client: Client, raw: Entry): Promise<Reply> {
    const command = cleanCommand(raw.command);
    if ('ok' in command) return this.replyRefused(client, { refused: true, ...command });
    const entry: Entry = { by: raw.by, command };
    const full = this.fullRefusal(entry);
    if (full) return this.replyRefused(client, full);
    const mark = this.mark();
    this.session.send({ type: 'command.send', entry });
    return this.settle(client, mark);
  }

  /**
   * Whether the record has room for this command (limits.ts): a seat's command leaves room for the facilitator's,
   * and the facilitator's for those the game issues itself, so that the record never passes what its readers take.
   */
  private fullRefusal(entry: Entry): Refused | null {
    if (entry.command.type === 'game.end') return null;
    const seat = !('facilitator' in entry.by);
    const reserveEntries = FACILITATOR_RESERVE_ENTRIES + (seat ? SEAT_RESERVE_ENTRIES : 0);
    const reserveBytes = FACILITATOR_RESERVE_BYTES + (seat ? SEAT_RESERVE_BYTES : 0);
    const entries = this.context().record.entries.length + 1;
    const bytes = this.recordBytes + Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (entries <= MAX_RECORD_ENTRIES - reserveEntries && bytes <= MAX_RECORD_BYTES - reserveBytes)
      return null;
    return seat
      ? refuse(
          'record-full',
          "This game's record is full, so it takes no more decisions; the facilitator can end the game.",
          'room.record-full-seat',
        )
      : refuse('record-full', "This game's record is full; end the game and export it.", 'room.record-full');
  }

  /** Where the record and the last refusal stand, to tell after an event whether it was taken. */
  private mark(): { entries: number; refusal: unknown } {
    const ctx = this.context();
    return { entries: ctx.record.entries.length, refusal: ctx.refusal };
  }

  /**
   * After an event went to the session: the refusal, if the engine refused it; else the reply, once what it added
   * to the record is written. The views follow right after the reply, so the sender hears first.
   */
  private async settle(client: Client, mark: { entries: number; refusal: unknown }): Promise<Reply> {
    const ctx = this.context();
    if (ctx.record.entries.length === mark.entries && ctx.refusal !== mark.refusal && ctx.refusal) {
      const r = ctx.refusal;
      return this.replyRefused(client, {
        refused: true,
        code: r.code,
        message: r.message,
        ...(r.said ? { said: r.said } : {}),
      });
    }
    try {
      await this.persist();
    } catch {
      // halt() has told every device and logged why; nothing of this command was acknowledged.
    }
    // Acknowledged only once written: a room that stopped while this waited answers why.
    if (this.halted !== null)
      return this.replyRefused(client, refuse('storage', this.halted, 'room.storage'));
    setImmediate(() => void this.publish());
    return { ok: true, accepted: this.persisted };
  }

  private replyRefused(client: Client, r: Refused): Reply {
    this.logRefusal(client, r);
    return { ok: false, code: r.code, message: this.sayRefused(client, r) };
  }

  /**
   * A refusal in the device's language, the engine's or the room's own, with the scenario's names in it; the
   * English sentence if it has no key. A device not in the room is answered in English.
   */
  private sayRefused(client: Client, r: Refused): string {
    const identity = this.members.get(client.sessionId)?.identity;
    return this.sayIn(identity ? this.languageOf(identity) : 'en', r);
  }

  /** Why the room stopped, in a device's language (the log keeps the English sentence). */
  private haltedIn(language: Language): string {
    return this.sayIn(language, refuse('storage', this.halted ?? '', 'room.storage'));
  }

  private sayIn(language: Language, r: Refused): string {
    const said = r.said;
    if (!said) return r.message;
    const say = (names: RefusalNames) =>
      isRoomSaid(said) ? roomSaidText(said, names) : saidText(said, names);
    if (language === 'en') return say(this.lookup);
    const words = this.deps.languages?.get(this.c.scenario.meta.id)?.get(language);
    return withLanguage(language, () => say(words?.lookup ?? this.lookup));
  }

  private logRefusal(client: Client, r: Refused): void {
    const identity = this.members.get(client.sessionId)?.identity;
    const who = identity
      ? identity.role === 'student'
        ? `seat ${identity.seat ?? 'none'}`
        : identity.role
      : 'unjoined';
    this.deps.log(
      oneLine(`room ${this.code}: refused ${r.code} from ${who} (${client.sessionId}): ${r.message}`),
    );
  }

  private context(): SessionSnapshot['context'] {
    return this.session.getSnapshot().context;
  }

  /**
   * Marks views to build again at the next publish: some seats' (and the console's and projector's), or all.
   * `world: false`: only who is in the room changed (a device joined, dropped, came back or left), or what was said
   * (classroom-views.ts viewsChangedBy), which no seat's picture of the game depends on, so the memo's world stays and
   * each view is put together again from it; a class of thirty joining then costs thirty quick rebuilds, not thirty
   * whole ones, and so does each message (issue 18).
   */
  private touch(seats: readonly string[] | 'all', { world = true }: { world?: boolean } = {}): void {
    if (world) for (const memo of this.seatMemos.values()) memo.worldChanged();
    if (this.dirty === 'all') return;
    if (seats === 'all') this.dirty = 'all';
    else for (const seat of seats) this.dirty.add(`seat:${seat}`);
  }

  /** Writes what the session has accepted since the last write; chained, so appends never overlap. */
  private persist(): Promise<void> {
    this.writing = this.writing.then(
      () => this.write(),
      () => this.write(),
    );
    return this.writing;
  }

  private async write(): Promise<void> {
    const { record, state } = this.context();
    const n = record.entries.length;
    if (n <= this.persisted) return;
    if (this.halted !== null) return;
    const batch = record.entries.slice(this.persisted, n);
    try {
      await this.deps.store.append(this.code, this.persisted, batch, state.phase === 'ended');
    } catch (e) {
      this.halt(e);
      throw e;
    }
    this.persisted = n;
    for (const e of batch) this.recordBytes += Buffer.byteLength(JSON.stringify(e)) + 1;
    // A decision, a withdrawal or a proposal changes only its own seat's view (and the console and projector), a
    // message its sender's and its addressees'; anything else may change every view (classroom-views.ts).
    for (const { command } of batch) {
      const changed = viewsChangedBy(command);
      this.touch(changed.seats, { world: changed.world });
    }
  }

  /**
   * The store failed: the room stops taking commands for good (fail-stop). Its game goes back to what was
   * written, so that what was answered "storage" is not done and is never written later; every device is told why.
   */
  private halt(e: unknown): void {
    if (this.halted !== null) return;
    this.halted =
      'The game is stopped because the server cannot save it; tell the facilitator (nothing since the last saved move is kept).';
    this.deps.log(
      oneLine(`room ${this.code}: storage failed, the room takes no more commands: ${String(e)}`),
    );
    const { record } = this.context();
    const written: GameRecord = { ...record, entries: record.entries.slice(0, this.persisted) };
    this.session.stop();
    // Not started: no clock and no computer seat runs in a room that cannot save.
    this.session = createActor(sessionMachine, {
      input: { c: this.c, record: written, autoResolve: this.settings.autoResolve },
    });
    this.origin = undefined;
    this.touch('all');
    // Each device is told in its own language.
    for (const client of this.clients) {
      const identity = this.members.get(client.sessionId)?.identity;
      client.send('halted', { message: this.haltedIn(identity ? this.languageOf(identity) : 'en') });
    }
    setImmediate(() => void this.publish());
  }

  /**
   * Writes what the session accepted, then sends each client what changed in its view: in that order, always.
   * `now`: even what only a seat's own move changed goes now (else it may wait a moment for the next change).
   */
  publish(now = false): Promise<void> {
    this.publishing = this.publishing.then(
      () => this.flush(now),
      () => this.flush(now),
    );
    return this.publishing;
  }

  private async flush(now: boolean): Promise<void> {
    await this.persist();
    if (!now && this.mayWait()) {
      this.waiting ??= setTimeout(() => {
        this.waiting = null;
        void this.publish(true);
      }, SEAT_CHANGE_WAIT_MS);
      return;
    }
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = null;
    // Nothing changed and every device holds its view: nothing to build or send. Every accepted command asks twice
    // (its reply's publish, and the session's for what the session did by itself), so the second of them, which
    // walked every device of the room to send nothing, stops here (issue 18).
    if (this.dirty !== 'all' && this.dirty.size === 0 && this.allHoldViews()) return;
    viewWork.publishes++;
    const presence = this.presence_();
    const dirty = this.dirty;
    this.dirty = new Set();
    // Each view is built only when what it shows may have changed, and each change from one view to the next is
    // diffed and encoded once: the members of a team (and every device sent the same view and texts) share both.
    const frames = new Map<ClientView | null, Map<TextTable | null, Map<string, Frame>>>();
    const wholes = new Map<Stream, Frame>();
    const rebuilt = new Set<string>();
    for (const client of this.clients) {
      const member = this.members.get(client.sessionId);
      if (!member?.connected) continue;
      const base = viewKey(member.identity);
      const language = this.languageOf(member.identity);
      // The audience: who sees the view, in which language (a seat's English and Arabic phones are two).
      const key = language === 'en' ? base : `${base}@${language}`;
      let view = this.built.get(key);
      // The console, the projector and the lobby show every seat's status: any seat's change may change them.
      const stale =
        dirty === 'all' ||
        dirty.has(base) ||
        ((base === 'facilitator' || base === 'projector' || base === LOBBY) && dirty.size > 0);
      if (!view || (stale && !rebuilt.has(key))) {
        viewWork.views++;
        view = this.viewIn(language, member.identity, presence);
        this.built.set(key, view);
        rebuilt.add(key);
      }
      // A device that needs its whole view (it joined, came back, or asked) joins its team's stream: the view they
      // were last sent, with the texts they hold; then the same patch as they get, encoded once for all of them.
      // The devices that hold the scenario's texts are a stream of their own, numbered after them.
      const streamKey = member.base ? `${key}#${member.base.id}` : key;
      const stream = this.streams.get(streamKey);
      if (member.sent === null && stream) {
        const whole: Frame = entryOf(wholes, stream, () => {
          const w = encodeWhole(stream.sent, stream.texts);
          return { bytes: frameBytes('view', w.value), texts: w.texts };
        });
        send(client, whole.bytes!);
        member.sent = stream.sent;
        member.texts = whole.texts;
      }
      if (member.sent === view) continue;
      const sent = member.sent === null ? (member.base?.start ?? null) : member.texts;
      const byTexts = entryOf(
        entryOf(frames, member.sent, () => new Map()),
        sent,
        () => new Map(),
      );
      let frame = byTexts.get(key);
      if (frame === undefined) {
        frame = frameOf(member.sent, sent, view);
        byTexts.set(key, frame);
      }
      if (frame.bytes) send(client, frame.bytes);
      member.sent = view;
      member.texts = frame.texts;
      this.streams.set(streamKey, { sent: view, texts: frame.texts });
    }
  }

  /**
   * Whether what changed since the last publish is only seats' own decisions, withdrawals or proposals (their views,
   * the console's and the projector's), and every device holds a view: then the publish may wait for the next change.
   */
  private mayWait(): boolean {
    if (this.dirty === 'all' || this.dirty.size === 0 || this.halted !== null) return false;
    return this.allHoldViews();
  }

  /** Whether every connected device holds a view (none joined, came back or asked for its whole view since). */
  private allHoldViews(): boolean {
    for (const m of this.members.values()) if (m.connected && m.sent === null) return false;
    return true;
  }

  /** The scenario's texts in a device's language: the base its views are numbered after once it holds them. */
  private textBase(identity: Identity): TextBase {
    return textBaseOf(this.c, this.languageOf(identity), this.deps.languages);
  }

  /** The base a device says it holds, if it is its language's; a claim of another is one line, and none. */
  private baseHeld(identity: Identity, claimed: unknown): TextBase | null {
    if (claimed === undefined) return null;
    const base = this.textBase(identity);
    if (claimed === base.id) return base;
    const who = identity.role === 'student' ? `seat ${identity.seat ?? 'none'}` : identity.role;
    this.deps.log(
      oneLine(
        `room ${this.code}: ${who} holds scenario texts ${String(claimed)}, not ${base.id}: its views come with their texts`,
      ),
    );
    return null;
  }

  /** A device has fetched the scenario's texts: from its next whole view on (sent now), they go as numbers. */
  private async onTexts(client: Client, message: unknown): Promise<Reply> {
    const parsed = TextsMessageSchema.safeParse(message);
    if (!parsed.success)
      return this.replyRefused(
        client,
        refuse('malformed', 'This is not the id of scenario texts.', 'room.texts-malformed'),
      );
    const member = this.members.get(client.sessionId)!;
    const base = this.baseHeld(member.identity, parsed.data.base);
    if (!base) {
      const r = refuse(
        'stale',
        `These are not this room's scenario texts in this device's language.`,
        'room.texts-stale',
      );
      return { ok: false, code: r.code, message: this.sayRefused(client, r) };
    }
    if (member.base !== base) {
      member.base = base;
      member.sent = null;
      await this.publish();
    }
    return { ok: true, accepted: this.persisted };
  }

  /** The language a device's view is built in: its own, the room's for the projector. */
  private languageOf(identity: Identity): Language {
    if (identity.role !== 'projector') return identity.language;
    // The room's settings come back from the store: a language this server does not speak reads as English.
    return isLanguage(this.settings.language) ? this.settings.language : 'en';
  }

  /**
   * A device's view in its language: English as the game is played; another language built from the scenario in
   * that language, with the interface's sentences in it (the language switched for this build only, synchronously),
   * and the scenario texts the engine copied into the state from the English scenario put into it as well.
   */
  private viewIn(language: Language, identity: Identity, presence: RoomPresence): ClientView {
    // A memo per language: it keeps built sentences, which must not reach a device of another language.
    const memo = entryOf(this.seatMemos, language, () => new SeatViewMemo());
    const english = { c: this.c, lookup: this.lookup };
    if (language === 'en') return this.viewOf(identity, presence, english, memo);
    // A scenario not translated into the language still has the interface's sentences in it.
    const words = this.deps.languages?.get(this.c.scenario.meta.id)?.get(language);
    const built = withLanguage(language, () => this.viewOf(identity, presence, words ?? english, memo));
    return words ? localizeWords(built, words.words) : built;
  }

  private viewOf(
    identity: Identity,
    presence: RoomPresence,
    { c, lookup }: Pick<ScenarioInLanguage, 'c' | 'lookup'>,
    memo: SeatViewMemo,
  ): ClientView {
    const { state } = this.context();
    if (identity.role === 'facilitator') return consoleClientView(c, lookup, state, presence, memo);
    if (identity.role === 'projector') return projectorClientView(c, state, presence, memo);
    if (identity.seat === null) return lobbyClientView(c, state, presence);
    return seatClientView(
      c,
      lookup,
      state,
      identity.seat,
      presence,
      // The model's historical path, for the debrief's chart: replayed once per room, when first asked for (the
      // English scenario's: the path is numbers and ids).
      () => (this.historical ??= historicalPath(this.c, state.seed)),
      memo,
    );
  }

  private presence_(): RoomPresence {
    const { state } = this.context();
    // The connected members by seat, gathered once per build: every seat line and seat view asks for them.
    let bySeat: Map<string, Member[]> | null = null;
    const seatsOf = (actor: string): Member[] => {
      if (!bySeat) {
        bySeat = new Map();
        for (const m of this.members.values()) {
          if (!m.connected || m.identity.role !== 'student' || m.identity.seat === null) continue;
          const at = bySeat.get(m.identity.seat);
          if (at) at.push(m);
          else bySeat.set(m.identity.seat, [m]);
        }
      }
      return bySeat.get(actor) ?? [];
    };
    const seconds = state.deadline?.seconds ?? null;
    const running = state.phase === 'deciding' && !state.paused && seconds !== null;
    const key = `${state.world.turn}|${state.paused}|${seconds}|${state.phase}`;
    if (key !== this.turnClock.key) this.turnClock = { key, startedAt: this.deps.now() };
    return {
      code: this.code,
      devicesAt: (actor) => seatsOf(actor).length,
      lockedAt: (actor) => this.lockedSeats.has(actor),
      devices: () => this.deviceLines(),
      seatCodes: this.seatCodes,
      namesAt: (actor) =>
        seatsOf(actor).flatMap((m) =>
          m.identity.role === 'student' && m.identity.name ? [m.identity.name] : [],
        ),
      deadlineAt: running ? this.turnClock.startedAt + seconds * 1000 : null,
      autoResolve: this.settings.autoResolve,
      origin: this.originState(),
    };
  }

  /** Every student device the room knows (but the removed), with what its live connection says of it. */
  private deviceLines(): DeviceLine[] {
    const live = new Map<string, Member>();
    for (const m of this.members.values()) {
      if (m.identity.role === 'student' && m.identity.tokenHash) live.set(m.identity.tokenHash, m);
    }
    const lines: DeviceLine[] = [];
    for (const [tokenHash, seat] of this.devices) {
      if (seat === REMOVED) continue;
      const m = live.get(tokenHash);
      const identity = m?.identity.role === 'student' ? m.identity : null;
      lines.push({
        id: deviceId(tokenHash),
        seat,
        asking: identity?.asking ?? null,
        name: identity?.name ?? null,
        connected: m?.connected ?? false,
        muted: this.mutedDevices.has(tokenHash),
      });
    }
    return lines;
  }

  private origin: GameState | null | undefined;

  /** A what-if room's origin, replayed once, when first asked for. */
  private originState(): GameState | null {
    if (this.origin === undefined) {
      const record = originOf(this.settings, this.context().record);
      this.origin = record ? replay(this.c, record) : null;
    }
    return this.origin;
  }

  override onDispose(): void {
    if (this.idle) clearTimeout(this.idle);
    if (this.waiting) clearTimeout(this.waiting);
    this.session?.stop();
  }
}

/** Why a record does not replay, or null when it does. */
function replayOrRefusal(c: CompiledScenario, record: GameRecord): string | null {
  try {
    replay(c, record);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** A device's id on the console: the start of its token's hash, which tells nothing of the token. */
function deviceId(tokenHash: string): string {
  return tokenHash.slice(0, 12);
}

function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

interface Stream {
  sent: ClientView;
  texts: TextTable;
}

/** What one audience is sent: a message's bytes (none when nothing changed), and the texts it then holds. */
interface Frame {
  bytes: Uint8Array | null;
  texts: TextTable;
}

/**
 * Views are packed with msgpack records: each shape of object (a cause, a news item) names its keys once per
 * message, not once per object. Any msgpack reader reads them (the definitions travel in the message).
 */
const packer = new Packr({ useRecords: true });

/** The whole view (numbering its texts afresh), or what changed since `sent`, its texts sent as numbers. */
function frameOf(sent: ClientView | null, texts: TextTable | null, view: ClientView): Frame {
  if (sent === null || texts === null) {
    // Numbered afresh, or after the scenario's texts the device holds (a stream's first table: texts.base.start).
    const whole = encodeWhole(view, texts ?? undefined);
    return { bytes: frameBytes('view', whole.value), texts: whole.texts };
  }
  const ops = diffView(sent, view);
  if (ops.length === 0) return { bytes: null, texts };
  const patch = encodePatch(ops, texts);
  return { bytes: frameBytes('patch', patch.value), texts: patch.texts };
}

function frameBytes(type: 'view' | 'patch', value: unknown): Uint8Array {
  viewWork.frames++;
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, undefined, packer.pack(value));
}

function send(client: Client, bytes: Uint8Array): void {
  viewWork.writes++;
  viewWork.bytes += bytes.byteLength;
  client.enqueueRaw(bytes);
}

function viewKey(identity: Identity): string {
  return identity.role === 'student'
    ? identity.seat === null
      ? LOBBY
      : `seat:${identity.seat}`
    : identity.role;
}

/** The view key of a student without a seat. */
const LOBBY = 'seat:';
