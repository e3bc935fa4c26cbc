// The built game (dist/), served by the classroom server so that one command on a teacher's laptop hosts a
// class. Only files under the folder are served; anything else is the game's page, which routes by itself.
// The build writes brotli and gzip copies of its text files (scripts/precompress.ts): a browser that accepts one
// gets it as it is, nothing is compressed per request. Hashed assets (assets/name-HASH.js) never change under
// their name and are cached for a year; the pages are revalidated on every load, so a new build is seen at once.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** A file Vite named by its content (dist/assets/name-HASH.ext): the same name always holds the same bytes. */
const HASHED = /^assets\/(?:[^/]+\/)*[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The copies the build wrote, best first, that this request accepts (q=0 refuses a coding). */
export function acceptedEncodings(header: string | string[] | undefined): ('br' | 'gzip')[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const wildcard = q.get('*');
  const ok = (name: string) => (q.get(name) ?? wildcard ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(ok);
}

export function staticFiles(root: string) {
  const base = normalize(root + sep);
  // Where the folder really is: a file is served only if it really is inside (no symbolic link out of it).
  let realBase: string | null = null;
  const inside = (file: string): boolean => {
    try {
      realBase ??= normalize(realpathSync(root) + sep);
      return realpathSync(file).startsWith(realBase);
    } catch {
      return false;
    }
  };
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.statusCode = 400;
      res.end('Bad path');
      return;
    }
    // The classroom's addresses (/class, /class/ABCD, /join/ABCD) are its page, which reads the code from the path.
    if (/^\/(class|join)(\/|$)/.test(path)) path = '/class.html';
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) file = join(base, 'index.html');
    let size = isFile(file);
    if (size !== null && !inside(file)) size = null;
    if (size === null) {
      // A path without a file (a room's link, /room/ABCD) is the game's page.
      file = join(base, 'index.html');
      size = isFile(file);
      if (size === null || !inside(file)) {
        res.statusCode = 404;
        res.end('The game is not built here: run npm run build.');
        return;
      }
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    const name = file.slice(base.length).split(sep).join('/');
    res.setHeader('Cache-Control', HASHED.test(name) ? IMMUTABLE : 'no-cache');
    // A compressed copy beside the file, if the build wrote one (and it too is really inside the folder).
    let sent = file;
    let copies = false;
    for (const coding of ['br', 'gzip'] as const) {
      const copy = `${file}.${coding === 'br' ? 'br' : 'gz'}`;
      const copySize = isFile(copy);
      if (copySize === null || !inside(copy)) continue;
      copies = true;
      if (sent === file && acceptedEncodings(req.headers['accept-encoding']).includes(coding)) {
        sent = copy;
        size = copySize;
        res.setHeader('Content-Encoding', coding);
      }
    }
    if (copies) {
      // Added to what the server varies on already (Origin, for its CORS answers).
      const vary = res.getHeader('Vary');
      const was = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
      if (!/\baccept-encoding\b/i.test(was))
        res.setHeader('Vary', was ? `${was}, Accept-Encoding` : 'Accept-Encoding');
    }
    res.setHeader('Content-Length', size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(sent).pipe(res);
  };
}

function isFile(file: string): number | null {
  try {
    const s = statSync(file);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}
