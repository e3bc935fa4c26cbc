// index.html opens the settings' IndexedDB database before the page's modules have come (issue 18: the title's
// language waits for the stored settings, and the first opening took 70 to 100 ms): it must open the database the
// settings store uses, and the store must take that opening over once rather than open another.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserSettings, SETTINGS_DB } from '../../src/ui/settings-store.ts';

/** An IndexedDB that records what is opened and which stores an upgrade creates. */
function fakeIndexedDb() {
  const opened: [string, number | undefined][] = [];
  const created: string[] = [];
  const db = { createObjectStore: (name: string) => created.push(name) };
  const indexedDB = {
    open(name: string, version?: number) {
      opened.push([name, version]);
      const request: { result: typeof db; onupgradeneeded?: () => void; onsuccess?: () => void } = {
        result: db,
      };
      queueMicrotask(() => {
        request.onupgradeneeded?.();
        request.onsuccess?.();
      });
      return request;
    },
  };
  return { indexedDB, opened, created, db };
}

describe("index.html's early opening of the settings' database", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (globalThis as { crisisTableSettingsDb?: unknown }).crisisTableSettingsDb;
  });

  it('opens the database and store the settings store uses, which takes it over once', async () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    // The inline block that opens the database (the page has another, which picks the first paint's language).
    const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .find((block) => block?.includes('crisisTableSettingsDb'));
    expect(script).toBeDefined();
    const fake = fakeIndexedDb();
    const page: { crisisTableSettingsDb?: Promise<unknown> } = {};
    new Function('window', 'indexedDB', script!)(page, fake.indexedDB);
    expect(fake.opened).toEqual([[SETTINGS_DB.name, SETTINGS_DB.version]]);
    expect(await page.crisisTableSettingsDb).toBe(fake.db);
    expect(fake.created).toEqual([SETTINGS_DB.table]);

    vi.stubGlobal('indexedDB', fake.indexedDB);
    vi.stubGlobal('crisisTableSettingsDb', page.crisisTableSettingsDb);
    browserSettings();
    expect(fake.opened).toHaveLength(1);
    expect((globalThis as { crisisTableSettingsDb?: unknown }).crisisTableSettingsDb).toBeUndefined();
    // A second store (or a page without the script) opens its own.
    browserSettings();
    expect(fake.opened).toEqual([
      [SETTINGS_DB.name, SETTINGS_DB.version],
      [SETTINGS_DB.name, SETTINGS_DB.version],
    ]);
  });
});
