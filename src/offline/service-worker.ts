// The service worker (bundled by scripts/service-worker-plugin.ts into the build's sw.js): after one visit, the
// whole build (both pages, every script including the lazy ones, the styles, the scenario's chunk, the sounds, the
// manifest and icons) is in one cache named after the build, so the solo game, pass-and-play, the replay and the
// teacher's pack start with no network.
//
// Cache first, for the pages too. A phone on a train with a dying connection starts at once instead of waiting for
// a network that may never answer, and a page and its scripts always come from the same build. A teacher's update
// is still seen promptly: the browser checks sw.js (never cached: updateViaCache 'none') on every navigation, the
// page asks again when it comes back into view, and the new build installs beside the old one; the page then offers
// "A new version is ready", and a reload brings the whole new build at once.
//
// Typed against the DOM library, which the rest of the page's code uses: the few worker types it lacks are declared
// here (tsconfig.worker.json checks the file against the real WebWorker library as well).
import { cacheName, pageFor, pathInScope, SKIP_WAITING, staleCaches } from './offline-routes.ts';

/** Written by the plugin at build time: the build's version and every file it precaches, with its SHA-256. */
declare const __PRECACHE__: { version: string; files: { path: string; sha256: string }[] };

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const { version, files } = __PRECACHE__;
const CACHE = cacheName(version);
const PRECACHED = new Set(files.map((f) => f.path));
const scope = () => worker.registration.scope;

async function sha256(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One file of the build, checked against the hash the build wrote. A copy from the browser's HTTP cache is taken
 * if it matches (the page has just loaded most files); otherwise the server is asked again. A file that still
 * differs means the server now serves another build: the install fails, and the browser tries again later with
 * that build's own sw.js. So a cache never holds two builds' files.
 */
async function fetchChecked(path: string, expected: string): Promise<Response> {
  const url = new URL(path, scope()).href;
  for (const mode of ['default', 'no-cache'] as const) {
    const response = await fetch(url, { cache: mode, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`offline: ${path} answered ${response.status}`);
    const body = await response.arrayBuffer();
    if ((await sha256(body)) !== expected) continue;
    const type = response.headers.get('Content-Type');
    return new Response(body, { status: 200, headers: type ? { 'Content-Type': type } : {} });
  }
  throw new Error(`offline: ${path} is not the file of build ${version}`);
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const checked = await Promise.all(
        files.map(async (f) => [f.path, await fetchChecked(f.path, f.sha256)] as const),
      );
      // Written only once every file is in hand: a cache is complete or absent.
      const cache = await caches.open(CACHE);
      await Promise.all(checked.map(([path, response]) => cache.put(new URL(path, scope()).href, response)));
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), version).map((name) => caches.delete(name)));
      // The first visit's page is served from now on too (its lazy chunks come from the cache).
      await worker.clients.claim();
    })(),
  );
});

/** This build's copy of a file; the network only if the cache has been evicted. */
async function fromCache(path: string, request: Request): Promise<Response> {
  const hit = await caches.match(new URL(path, scope()).href, { cacheName: CACHE });
  return hit ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const path = pathInScope(request.url, scope());
  if (path === null) return;
  if (request.mode === 'navigate') {
    const page = pageFor(path);
    if (page) event.respondWith(fromCache(page, request));
    return;
  }
  // Only the build's own files; the classroom's API, its sockets and anything else go to the network untouched.
  if (PRECACHED.has(path)) event.respondWith(fromCache(path, request));
});

// The page asks on the player's word only (the notice's Reload button): a new build never replaces a page's code
// under it unasked.
worker.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) event.waitUntil(worker.skipWaiting());
});
