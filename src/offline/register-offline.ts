// The page's side of play without a network: registers the service worker (src/offline/service-worker.ts, built as
// sw.js) once the first screen is up, and offers a new build when one is waiting. Small on purpose: it is part of
// the first download of both pages; the notice itself is a lazy chunk, loaded only when there is something to offer.
import { SKIP_WAITING } from './offline-routes.ts';

/** The worker's address, defined by scripts/service-worker-plugin.ts in a production build; undeclared under dev. */
declare const __OFFLINE_WORKER__: string | undefined;

/** Registers the worker after the page's load and an idle moment, so the first screen never waits for it. */
export function registerOffline(): void {
  // Not under `vite` (dev): no sw.js there, and a worker would serve stale modules. Not from a file: no worker there.
  if (typeof __OFFLINE_WORKER__ !== 'string') return;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const url = __OFFLINE_WORKER__;
  const idle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => void register(url), { timeout: 5000 })
      : setTimeout(() => void register(url), 1000);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

async function register(url: string): Promise<void> {
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
