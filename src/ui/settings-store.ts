/**
 * Player settings, remembered in localStorage. Loading never throws: a missing, damaged or partly
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

export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | undefined = safeLocalStorage()) {
    this.current = sanitizeSettings(readJson(this.storage, STORAGE_KEY));
  }

  get value(): Readonly<Settings> {
    return this.current;
  }

  update(patch: Partial<Settings>): void {
    this.current = sanitizeSettings({ ...this.current, ...patch });
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.current));
    } catch {
      // Storage full or denied (private mode): the setting still applies for this session.
    }
    for (const listener of this.listeners) listener(this.current);
  }

  /** Calls the listener now and on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }
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
