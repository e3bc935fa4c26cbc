// The built game (dist/), served by the classroom server so that one command on a teacher's laptop hosts a
// class. Only files under the folder are served; anything else is the game's page, which routes by itself.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
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
    res.setHeader('Content-Length', size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
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
