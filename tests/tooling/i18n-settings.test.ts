// The language is one of the player's settings (src/ui/settings-store.ts), remembered like the others: a stored
// language the game speaks is kept, anything else falls back to "none chosen", which lets the browser decide.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore, sanitizeSettings } from '../../src/ui/settings-store.ts';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
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

  it('is remembered across a new store on the same storage, like the other settings', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    new SettingsStore(storage).update({ language: 'ar-IQ' });
    expect(new SettingsStore(storage).value.language).toBe('ar-IQ');
  });
});
