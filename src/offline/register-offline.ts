// The page's side of play without a network: once the first screen is up, registers the service worker
// (src/offline/service-worker.ts, built as sw.js). Only this scheduling is part of the first download of both pages
// (about a hundred bytes); the registration and the update offer (worker-registration.ts) and the notice
// (update.notice.ts) are lazy chunks, which the worker keeps like every other file of the build.

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
  // Without the network by then (the server stopped, the train in a tunnel), neither this chunk nor sw.js can come:
  // nothing is registered, and the next visit tries again.
  const register = (worker: string) =>
    import('./worker-registration.ts').then(
      (registration) => registration.register(worker),
      () => {},
    );
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
