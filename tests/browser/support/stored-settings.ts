/**
 * The player's settings as the game keeps them (IndexedDB, src/ui/settings-store.ts), stored before the game starts:
 * written from a page of the same origin that runs no game (the web manifest), so that no start of the game writes
 * over them; the test then opens the game.
 */
import type { GamePage } from './game-page.ts';

export async function storeSettings(game: GamePage, settings: Record<string, unknown>): Promise<void> {
  // A page that is not HTML makes the browser ask for /favicon.ico, which the build does not have (the game's page
  // names none): answered here, so that its 404 is not taken for the game's.
  const favicon = '**/favicon.ico';
  await game.page.route(favicon, (route) => route.fulfill({ status: 204 }));
  await game.open('/manifest.webmanifest');
  await game.page.evaluate(async (record) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('crisis-table', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('settings');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const write = db.transaction('settings', 'readwrite');
      write.objectStore('settings').put(record, 'crisis-table.settings.v1');
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error);
    });
    db.close();
  }, settings);
  await game.page.unroute(favicon);
}
