/**
 * The autosave slots in localStorage: one game per scenario, as the game's record (JSON). This module only
 * stores text; the engine checks it (a damaged or outdated save is refused there, in one sentence). The key
 * carries the scenario's id, so the slot of a game saved before is found under the same name.
 */
import { safeLocalStorage } from '../../ui/settings-store.ts';

const PREFIX = 'crisis-table.save.';

export interface SaveSlot {
  read(): string | null;
  /** Returns false when the browser refused (storage full or disabled): the game goes on unsaved. */
  write(json: string): boolean;
  clear(): void;
}

/** Whether any scenario has a saved game: the title asks before the scenario has loaded. */
export function anySave(): boolean {
  try {
    const storage = safeLocalStorage();
    if (!storage) return false;
    for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(PREFIX)) return true;
    return false;
  } catch {
    return false;
  }
}

export function saveSlotFor(scenarioId: string): SaveSlot {
  const key = PREFIX + scenarioId;
  return {
    read() {
      try {
        return safeLocalStorage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write(json) {
      try {
        safeLocalStorage()?.setItem(key, json);
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        safeLocalStorage()?.removeItem(key);
      } catch {
        // nothing to do: an unreadable slot is an empty one
      }
    },
  };
}
