// Registers the service worker and offers a new build when one is waiting (loaded by register-offline.ts once the
// page's first screen is up): skipWaiting only on the player's word, then one reload when the new build takes over.
import { SKIP_WAITING } from './offline-routes.ts';

export async function register(url: string): Promise<void> {
  const container = navigator.serviceWorker;
  // updateViaCache 'none': every check for a new build asks the server, never the HTTP cache.
  const registration = await container.register(url, { updateViaCache: 'none' }).catch((e: unknown) => {
    console.warn(`offline: the service worker was not registered (${String(e)}); the game plays online only`);
    return null;
  });
  if (!registration) return;
  const hadController = container.controller !== null;
  let accepted = false;
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  const offer = (accept: () => void) =>
    void import('./update.notice.ts').then((notice) => notice.offerUpdate(accept));
  const offerWaiting = (waiting: ServiceWorker) =>
    offer(() => {
      accepted = true;
      waiting.postMessage(SKIP_WAITING);
    });
  container.addEventListener('controllerchange', () => {
    // The new build has taken over: on this page's word, reload onto it; on another tab's word, offer the reload.
    if (accepted) reload();
    else if (hadController) offer(reload);
  });
  if (registration.waiting && container.controller) offerWaiting(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      // With no controller this is the first install, which takes over by itself: nothing to offer.
      if (installing.state === 'installed' && container.controller) offerWaiting(installing);
    });
  });
  // A page left open (a class's projector, a long game) asks again when it is looked at or the network returns.
  const check = () => void registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  addEventListener('online', check);
}
