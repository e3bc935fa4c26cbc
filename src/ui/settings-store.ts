/**
 * Player settings, remembered in IndexedDB (read asynchronously, so that no start waits on storage; issue 18), taken
 * over once from the localStorage record of the builds before. Loading never throws: a missing, damaged or partly
 * outdated record keeps whatever fields are still valid and takes defaults for the rest, because a
 * broken settings record must never stop the game from starting.
 */
import { isLanguage, type Language } from '../present/i18n/i18n.ts';

export type MotionSetting = 'system' | 'reduced' | 'full';

export interface Settings {
  /** master volume, 0..1 */
  volume: number;
  /** music and effects levels, 0..1: together they are the music/effects balance */
  music: number;
  effects: number;
  muted: boolean;
  captions: boolean;
  /** multiplies the base text size of the DOM layer and canvas labels */
  textScale: number;
  motion: MotionSetting;
  /** the language chosen on this device; null: none chosen yet, so the browser's languages decide */
  language: Language | null;
}

export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  volume: 0.8,
  music: 0.6,
  effects: 0.9,
  muted: false,
  captions: true,
  textScale: 1,
  motion: 'system',
  language: null,
};

const STORAGE_KEY = 'crisis-table.settings.v1';

function unit(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : fallback;
}

export function sanitizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    volume: unit(r.volume, d.volume),
    music: unit(r.music, d.music),
    effects: unit(r.effects, d.effects),
    muted: typeof r.muted === 'boolean' ? r.muted : d.muted,
    captions: typeof r.captions === 'boolean' ? r.captions : d.captions,
    textScale: TEXT_SCALES.includes(r.textScale as 1) ? (r.textScale as number) : d.textScale,
    motion: r.motion === 'reduced' || r.motion === 'full' || r.motion === 'system' ? r.motion : d.motion,
    language: isLanguage(r.language) ? r.language : d.language,
  };
}

type Listener = (settings: Readonly<Settings>) => void;

/**
 * Where the settings are kept. Reading is asynchronous on purpose (issue 18): the page must not wait on storage before
 * its first screen, and localStorage, the only synchronous store, blocks the main thread on its first access (117 ms
 * measured under load).
 */
export interface SettingsBackend {
  /** The stored record, or undefined when there is none or it cannot be read; never rejects. */
  read(): Promise<unknown>;
  /** Stores the record; what it returns settles once it is stored, or could not be (never rejects). */
  write(settings: Readonly<Settings>): Promise<void> | void;
  /**
   * The record of the builds before this one, in localStorage (synchronous): read only when `read` found nothing, and
   * only after the first screen is drawn (SettingsStore.adoptEarlier).
   */
  earlier(): unknown;
}

export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS };
  private readonly listeners = new Set<Listener>();
  /**
   * Every change made on this page: made before the stored record arrived, they win over it (and are written once it
   * has); a record taken over later (adoptEarlier) does not undo them either.
   */
  private changed: Partial<Settings> = {};
  private arrived = false;
  /** Whether the backend had a record: when not, adoptEarlier looks for the record of the builds before. */
  private found = false;
  /** Resolves once the stored settings are in `value` (defaults when none, or unreadable); never rejects. */
  readonly ready: Promise<void>;
  /** The last write, settled once it is stored (or could not be). */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly backend: SettingsBackend = browserSettings()) {
    this.ready = backend.read().then(
      (stored) => this.arrive(stored),
      () => this.arrive(undefined),
    );
  }

  get value(): Readonly<Settings> {
    return this.current;
  }

  update(patch: Partial<Settings>): void {
    this.current = sanitizeSettings({ ...this.current, ...patch });
    this.changed = { ...this.changed, ...patch };
    if (this.arrived) this.write();
    this.tell();
  }

  /**
   * Settles once every change made so far is stored: a page about to reload (a new language) waits for it, or the
   * reload could start before the record is written and come back in the old settings.
   */
  saved(): Promise<void> {
    return this.ready.then(() => this.writing);
  }

  private write(): void {
    this.writing = Promise.resolve(this.backend.write(this.current));
  }

  /** Calls the listener now and on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /**
   * Once the first screen is drawn: a device with no stored record may have one from the builds before this one, in
   * localStorage; it is taken over (and applied, as a change) and stored here. Where there is none, the defaults are
   * stored, so that no later start reads localStorage. Returns the settings adopted, or null when nothing changed.
   */
  async adoptEarlier(): Promise<Readonly<Settings> | null> {
    await this.ready;
    if (this.found) return null;
    this.found = true;
    const earlier = this.backend.earlier();
    if (earlier === undefined) {
      this.write();
      return null;
    }
    this.update({ ...sanitizeSettings(earlier), ...this.changed });
    return this.current;
  }

  private arrive(stored: unknown): void {
    this.found = stored !== undefined;
    this.arrived = true;
    this.current = sanitizeSettings({ ...(stored as object), ...this.changed });
    if (Object.keys(this.changed).length > 0) this.write();
    this.tell();
  }

  private tell(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}

/** Where the settings are kept in IndexedDB: index.html's inline script opens the same database (SETTINGS_DB). */
export const SETTINGS_DB = { name: 'crisis-table', version: 1, table: 'settings' } as const;

/**
 * The database as index.html opened it before the modules came (issue 18: the title's language waits for the stored
 * settings), taken once: a second store, or a page without that script (the class page), opens its own.
 */
function earlyDatabase(): Promise<IDBDatabase> | undefined {
  const page = globalThis as { crisisTableSettingsDb?: Promise<IDBDatabase> };
  const early = page.crisisTableSettingsDb;
  delete page.crisisTableSettingsDb;
  return early;
}

/** The browser's store: one record in IndexedDB (asynchronous); nothing is kept where IndexedDB is unavailable. */
export function browserSettings(): SettingsBackend {
  const { name, version, table } = SETTINGS_DB;
  const db =
    earlyDatabase() ??
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, version);
      request.onupgradeneeded = () => request.result.createObjectStore(table);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const records = (mode: IDBTransactionMode) => db.then((d) => d.transaction(table, mode).objectStore(table));
  return {
    read: () =>
      Promise.race([
        // A store that never answers (blocked by another tab, say) must not hold the title: the defaults, after a
        // while, and nothing taken over from localStorage (null is not "no record": it may be there, unread).
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000)),
        records('readonly')
          .then(
            (store) =>
              new Promise((resolve) => {
                const request = store.get(STORAGE_KEY);
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => resolve(undefined);
              }),
          )
          .catch(() => undefined), // IndexedDB disabled (some private modes): the defaults, for this session
      ]),
    write: (settings) =>
      // Stored once the transaction completes (not when put is called). Storage full or denied: the setting still
      // applies for this session.
      records('readwrite')
        .then(
          (store) =>
            new Promise<void>((resolve) => {
              const done = () => resolve();
              store.transaction.oncomplete = done;
              store.transaction.onerror = done;
              store.transaction.onabort = done;
              store.put({ ...settings }, STORAGE_KEY);
            }),
        )
        .catch(() => {}),
    earlier: () => readJson(safeLocalStorage(), STORAGE_KEY),
  };
}

export function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // some browsers throw on access when storage is disabled
  }
}

function readJson(storage: Storage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Reduced motion: the player's choice, or the system preference when left to the system. */
export function prefersReducedMotion(settings: Readonly<Settings>): boolean {
  if (settings.motion !== 'system') return settings.motion === 'reduced';
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
