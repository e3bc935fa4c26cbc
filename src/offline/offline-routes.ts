// What the service worker answers, as pure functions of a path inside its scope (no leading slash), so that the
// rules can be tested in Node and read in one place. Everything else (the classroom's /api/*, /matchmake/*, the
// Colyseus paths, any file that is not of this build) is left to the network, untouched.

/** The page of this build that a navigation gets, or null when the navigation is not the worker's business. */
export function pageFor(path: string): 'index.html' | 'class.html' | null {
  if (path === '' || path === 'index.html') return 'index.html';
  // The classroom server's addresses for its page (src/server/static-files.ts): /class, /class/CODE, /join/CODE.
  if (path === 'class.html' || /^(class|join)(\/|$)/.test(path)) return 'class.html';
  return null;
}

/** The path of a URL inside the scope, without the leading slash; null when the URL is outside it. */
export function pathInScope(url: string, scope: string): string | null {
  const u = new URL(url);
  const s = new URL(scope);
  if (u.origin !== s.origin || !u.pathname.startsWith(s.pathname)) return null;
  try {
    return decodeURIComponent(u.pathname.slice(s.pathname.length));
  } catch {
    return null; // a malformed escape names no file of the build
  }
}

/** The cache of one build: a new build is a new name, so that no file of one build is ever served beside another's. */
export const CACHE_PREFIX = 'crisis-table-';
export const cacheName = (version: string): string => `${CACHE_PREFIX}${version}`;

/** The caches a worker of `version` deletes when it takes over: every other build's, none of anyone else's. */
export function staleCaches(names: readonly string[], version: string): string[] {
  return names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheName(version));
}

/** What the page and the worker say to each other. */
export const SKIP_WAITING = 'crisis-table:skip-waiting';
