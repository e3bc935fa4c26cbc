/**
 * The autosave slots in localStorage: one game per scenario, as the game's record (JSON). This module only
 * stores text; the engine checks it (a damaged or outdated save is refused there, in one sentence). The key
 * carries the scenario's id, so the slot of a game saved before is found under the same name.
 */

const PREFIX = 'crisis-table.save.';

export interface SaveSlot {
  read(): string | null;
  /** Returns false when the browser refused (storage full or disabled): the game goes on unsaved. */
  write(json: string): boolean;
  clear(): void;
}

/** The ids of the scenarios that have a saved game in this storage, as their slots name them. */
export function savedScenarioIds(storage: Storage | undefined): string[] {
  try {
    const ids: string[] = [];
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const key = storage?.key(i);
      if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
    }
    return ids.sort();
  } catch {
    return [];
  }
}

/**
 * The slot of one scenario in the given storage (main.ts hands in localStorage where the browser allows it), asked
 * for only when the slot is used: even reaching localStorage may wait on the browser, and nothing before the title
 * may (issue 18).
 */
export function saveSlotFor(scenarioId: string, store: () => Storage | undefined): SaveSlot {
  const key = PREFIX + scenarioId;
  return {
    read() {
      try {
        return store()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write(json) {
      try {
        store()?.setItem(key, json);
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        store()?.removeItem(key);
      } catch {
        // nothing to do: an unreadable slot is an empty one
      }
    },
  };
}
