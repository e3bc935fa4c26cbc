// The language is one of the player's settings (src/ui/settings-store.ts), remembered like the others: a stored
// language the game speaks is kept, anything else falls back to "none chosen", which lets the browser decide.
// The store reads its record asynchronously (issue 18: no storage read before the first screen), and takes over the
// localStorage record of the builds before once, after the first screen.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsBackend,
  SettingsStore,
  sanitizeSettings,
} from '../../src/ui/settings-store.ts';

/** A backend in memory, its read resolved when the test says (the way IndexedDB answers later). */
class MemoryBackend implements SettingsBackend {
  record: unknown;
  earlierReads = 0;
  private answer: (() => void) | null = null;
  constructor(
    record: unknown = undefined,
    private readonly earlierRecord: unknown = undefined,
    private readonly held = false,
  ) {
    this.record = record;
  }
  read(): Promise<unknown> {
    if (!this.held) return Promise.resolve(this.record);
    return new Promise((resolve) => {
      this.answer = () => resolve(this.record);
    });
  }
  release(): void {
    this.answer?.();
  }
  write(settings: Readonly<Settings>): void {
    this.record = { ...settings };
  }
  earlier(): unknown {
    this.earlierReads++;
    return this.earlierRecord;
  }
}

describe('the language setting', () => {
  it('is none chosen by default, so that the browser decides', () => {
    expect(DEFAULT_SETTINGS.language).toBeNull();
    expect(sanitizeSettings({}).language).toBeNull();
  });

  it('keeps a language the game speaks and drops any other', () => {
    expect(sanitizeSettings({ language: 'ar-IQ' }).language).toBe('ar-IQ');
    expect(sanitizeSettings({ language: 'en' }).language).toBe('en');
    expect(sanitizeSettings({ language: 'fr' }).language).toBeNull();
    expect(sanitizeSettings({ language: 7, volume: 0.5 })).toMatchObject({ language: null, volume: 0.5 });
  });

  it('is remembered across a new store on the same storage, like the other settings', async () => {
    const backend = new MemoryBackend();
    const first = new SettingsStore(backend);
    await first.ready;
    first.update({ language: 'ar-IQ' });
    const second = new SettingsStore(backend);
    await second.ready;
    expect(second.value.language).toBe('ar-IQ');
  });
});

describe('the settings read without waiting', () => {
  it('holds the defaults until the record arrives, then the record, telling the listeners', async () => {
    const backend = new MemoryBackend({ textScale: 2, muted: true }, undefined, true);
    const store = new SettingsStore(backend);
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.textScale));
    expect(store.value.textScale).toBe(1);
    backend.release();
    await store.ready;
    expect(store.value).toMatchObject({ textScale: 2, muted: true });
    expect(seen).toEqual([1, 2]);
  });

  it('keeps a change made before the record arrived, over the record, and stores both', async () => {
    const backend = new MemoryBackend({ textScale: 2, language: 'en' }, undefined, true);
    const store = new SettingsStore(backend);
    store.update({ language: 'ar-IQ' });
    backend.release();
    await store.ready;
    expect(store.value).toMatchObject({ textScale: 2, language: 'ar-IQ' });
    expect(backend.record).toMatchObject({ textScale: 2, language: 'ar-IQ' });
  });

  it('takes over the record of the builds before once, keeping this page’s changes', async () => {
    const backend = new MemoryBackend(undefined, { textScale: 1.5, language: 'en', motion: 'reduced' });
    const store = new SettingsStore(backend);
    store.update({ language: 'ar-IQ' });
    expect(await store.adoptEarlier()).toMatchObject({
      textScale: 1.5,
      motion: 'reduced',
      language: 'ar-IQ',
    });
    expect(backend.record).toMatchObject({ textScale: 1.5, language: 'ar-IQ' });
    expect(await store.adoptEarlier()).toBeNull();
    expect(backend.earlierReads).toBe(1);
  });

  it('never reads the earlier record where a record is stored, and stores the defaults where there is none', async () => {
    const kept = new MemoryBackend({ textScale: 2 }, { textScale: 1.5 });
    expect(await new SettingsStore(kept).adoptEarlier()).toBeNull();
    expect(kept.earlierReads).toBe(0);
    const none = new MemoryBackend();
    expect(await new SettingsStore(none).adoptEarlier()).toBeNull();
    expect(none.record).toEqual(DEFAULT_SETTINGS);
    // The next start finds a record, so it never looks in localStorage again.
    expect(await new SettingsStore(none).adoptEarlier()).toBeNull();
    expect(none.earlierReads).toBe(1);
  });
});

describe('a change about to reload the page', () => {
  /** A backend whose writes are stored only when the test says (the way an IndexedDB transaction completes later). */
  class SlowBackend implements SettingsBackend {
    record: unknown;
    private pending: (() => void)[] = [];
    read(): Promise<unknown> {
      return Promise.resolve(this.record);
    }
    write(settings: Readonly<Settings>): Promise<void> {
      return new Promise((resolve) =>
        this.pending.push(() => {
          this.record = { ...settings };
          resolve();
        }),
      );
    }
    complete(): void {
      for (const done of this.pending.splice(0)) done();
    }
    earlier(): unknown {
      return undefined;
    }
  }

  it('is saved only once the store has it: a reload waiting on saved() reads the new language', async () => {
    const backend = new SlowBackend();
    const store = new SettingsStore(backend);
    await store.ready;
    store.update({ language: 'en' });
    let saved = false;
    const waiting = store.saved().then(() => {
      saved = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(saved).toBe(false);
    expect(backend.record).toBeUndefined();
    backend.complete();
    await waiting;
    expect(saved).toBe(true);
    expect(backend.record).toMatchObject({ language: 'en' });
  });
});
