/**
 * The autosave slot in localStorage: one game, as the simulation's versioned JSON. This module only
 * stores text; the simulation checks it (a damaged or outdated save is refused there, in one sentence).
 */
import { safeLocalStorage } from '../../ui/settings-store.ts';

const KEY = 'crisis-table.save.baghdad-2021';

export const saveSlot = {
  exists(): boolean {
    try {
      return !!safeLocalStorage()?.getItem(KEY);
    } catch {
      return false;
    }
  },
  read(): string | null {
    try {
      return safeLocalStorage()?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  },
  /** Returns false when the browser refused (storage full or disabled): the game goes on unsaved. */
  write(json: string): boolean {
    try {
      safeLocalStorage()?.setItem(KEY, json);
      return true;
    } catch {
      return false;
    }
  },
  clear(): void {
    try {
      safeLocalStorage()?.removeItem(KEY);
    } catch {
      // nothing to do: an unreadable slot is an empty one
    }
  },
};
