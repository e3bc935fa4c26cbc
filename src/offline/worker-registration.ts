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
    void import('./update.notice.ts')
      .then((notice) => notice.offerUpdate(accept))
      .catch((e: unknown) => console.warn(`offline: the new version could not be offered (${String(e)})`));
  const offered = new WeakSet<ServiceWorker>();
  const offerWaiting = (waiting: ServiceWorker) => {
    if (offered.has(waiting)) return;
    offered.add(waiting);
    offer(() => {
      accepted = true;
      // Still waiting: it takes over on this word, and controllerchange reloads. Already taken over (another tab's
      // word came first) or replaced by a newer build: the reload alone brings the page onto the current build.
      if (waiting.state === 'installed') waiting.postMessage(SKIP_WAITING);
      else reload();
    });
  };
  /** A worker being installed: offered once installed, if this page runs an older build (it has a controller). */
  const follow = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const check = () => {
      // With no controller this is the first install, which takes over by itself: nothing to offer.
      if (worker.state === 'installed' && container.controller) offerWaiting(worker);
    };
    check();
    worker.addEventListener('statechange', check);
  };
  container.addEventListener('controllerchange', () => {
    // The new build has taken over: on this page's word, reload onto it; on another tab's word, offer the reload.
    if (accepted) reload();
    else if (hadController) offer(reload);
  });
  // The browser may have found the new build before this page asked (its check on navigation): it is then waiting,
  // or still installing, and 'updatefound' has already fired.
  if (registration.waiting) follow(registration.waiting);
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
  // A page left open (a class's projector, a long game) asks again when it is looked at or the network returns.
  const check = () => void registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  addEventListener('online', check);
}
