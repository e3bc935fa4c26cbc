// Where a classroom device keeps what brings it back, and the addresses a class uses. A student's token lives in
// session storage (this tab only: a shared classroom computer forgets it when the tab closes); the facilitator's
// key in local storage, so the console survives a closed browser.
import { isolate, t } from '../../present/i18n/i18n.ts';
import type { Credentials } from '../../session/classroom-client.ts';

const STUDENT = 'crisis-table.class.student.';
const FACILITATOR = 'crisis-table.class.facilitator.';

function read(storage: Storage | undefined, key: string): Credentials | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const c = JSON.parse(raw) as Credentials;
    return typeof c.code === 'string' && typeof c.role === 'string' ? c : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: Credentials & { keptAt?: number }): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing may refuse storage: the device then joins again with the code.
  }
}

export function keptFor(code: string): Credentials | null {
  return read(globalThis.localStorage, FACILITATOR + code) ?? read(globalThis.sessionStorage, STUDENT + code);
}

export function keep(c: Credentials): void {
  // When, so that the class page can offer the rooms last used here first.
  if (c.role === 'facilitator')
    write(globalThis.localStorage, FACILITATOR + c.code, { ...c, keptAt: Date.now() });
  else if (c.role === 'student') write(globalThis.sessionStorage, STUDENT + c.code, c);
}

/** The link on the projector (and in its QR code): the join page with the code filled in, at `base`. */
export function joinLink(code: string, base: string = location.origin): string {
  return `${base.replace(/\/+$/, '')}/join/${code}`;
}

/** 127.0.0.0/8, ::1, `localhost`: an address only this computer can open. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^(::ffff:)?127\./.test(h);
}

/**
 * Where students join: the address this page was opened at, unless that is this computer's own (`localhost`):
 * then the server's first network address (from /api/address, the school network's first).
 */
export function joinBase(origin: string, serverUrls: readonly string[]): string {
  if (!isLoopbackHost(new URL(origin).hostname)) return origin;
  return serverUrls.find((u) => !isLoopbackHost(new URL(u).hostname)) ?? origin;
}

/** The console's one-sentence warning when it was opened at an address students cannot reach; null otherwise. */
export function loopbackWarning(origin: string, base: string): string | null {
  if (base === origin || !isLoopbackHost(new URL(origin).hostname)) return null;
  const host = new URL(origin).hostname;
  return t('console.loopback', { host, base });
}

/**
 * The server's answer to a classroom request, or null when no classroom server answered: a static host (vite
 * preview, any web server) gives the page (HTML) or 404 for /api/…, never JSON.
 */
export async function classroomJson<T>(response: Response | null): Promise<T | null> {
  if (!response || !/^application\/json/i.test(response.headers.get('Content-Type') ?? '')) return null;
  try {
    return (await response.json()) as T;
  } catch {
    return null;
  }
}

/** What a page served without the classroom server says (a static build: vite preview, any web server). */
export function noServer(): string {
  return t('class.noServer', { command: isolate('npm run serve') });
}

/** The code a link names (/join/ABCDEF, /class/ABCDEF), if any. */
export function codeInPath(path: string): string | null {
  const m = /^\/(?:join|class)\/([A-HJ-NP-Z]{6})\/?$/i.exec(path);
  return m ? m[1]!.toUpperCase() : null;
}

/** A team's link carries its seat and seat code after the `#` (/join/ABCDEF#seat=pm&code=ABCDEFGH). */
export function seatInHash(hash: string): { seat?: string; seatCode?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const seat = params.get('seat');
  const code = params.get('code');
  return { ...(seat ? { seat } : {}), ...(code ? { seatCode: typedCode(code) } : {}) };
}

/** A code as a person typed it: capitals, without spaces or dashes. */
export function typedCode(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

/** A secret for the facilitator's key: 24 random bytes, from the browser's cryptographic source. */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The rooms this browser opened as their facilitator, with their keys: the groups it can compare. */
export function roomsRunHere(): Credentials[] {
  const out: Credentials[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(FACILITATOR)) continue;
      const c = read(localStorage, key);
      if (c?.key) out.push(c);
    }
  } catch {
    // No storage: only the room on screen.
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** A room this browser runs, as the class page offers it: still open, or ended (its console can still export it). */
export interface OfferedRoom {
  code: string;
  ended: boolean;
}

/** At most this many rooms are offered: a teacher's rooms of the day, not every room ever opened here. */
const OFFERED = 5;

/**
 * The rooms this browser runs that the server still knows, those last used here first: each asked with `ensure`
 * without its key (an ended room answers 410 to anyone but its facilitator, a room the server does not know 404).
 * A room the server does not know, or no classroom server at all, is left out.
 */
export async function roomsToOffer(): Promise<OfferedRoom[]> {
  let kept: { code: string; at: number }[] = [];
  try {
    kept = roomsRunHere().map((c) => {
      const raw = JSON.parse(localStorage.getItem(FACILITATOR + c.code) ?? '{}') as { keptAt?: unknown };
      return { code: c.code, at: typeof raw.keptAt === 'number' ? raw.keptAt : 0 };
    });
  } catch {
    return [];
  }
  kept.sort((a, b) => b.at - a.at || a.code.localeCompare(b.code));
  const asked = await Promise.all(
    kept.slice(0, OFFERED).map(async ({ code }) => {
      const response = await fetch(`/api/rooms/${code}/ensure`, { method: 'POST' }).catch(() => null);
      if ((await classroomJson(response?.clone() ?? null)) === null) return null;
      if (response?.ok) return { code, ended: false };
      return response?.status === 410 ? { code, ended: true } : null;
    }),
  );
  return asked.filter((r): r is OfferedRoom => r !== null);
}
