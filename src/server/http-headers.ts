// The headers every answer of the server carries: a Content-Security-Policy that lets the built pages use only this
// server (scripts, styles, images and sounds from it; data: and blob: images, for the QR code and Phaser's
// textures; ws:/wss: back to it), no sniffing, no framing, no referrer. The built pages' inline <style> and <script>
// blocks are allowed by their hashes, read from dist/ at start.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

/** The sha256 sources of the inline blocks of the built pages (none when the game is not built). */
export function inlineHashes(distDir: string): { styles: string[]; scripts: string[] } {
  const styles = new Set<string>();
  const scripts = new Set<string>();
  let names: string[] = [];
  try {
    names = readdirSync(distDir).filter((n) => n.endsWith('.html'));
  } catch {
    return { styles: [], scripts: [] };
  }
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  for (const name of names) {
    let html: string;
    try {
      html = readFileSync(join(distDir, name), 'utf8');
    } catch {
      continue;
    }
    for (const m of html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)) styles.add(hash(m[1]!));
    for (const m of html.matchAll(/<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/gi)) {
      if (!/\ssrc\s*=/i.test(m[1]!) && m[2]!.trim() !== '') scripts.add(hash(m[2]!));
    }
  }
  return { styles: [...styles], scripts: [...scripts] };
}

/** A Host header that names a host (and port), nothing else: it goes into the policy. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function securityHeaders(
  distDir: string,
  siblings: readonly string[] = [],
): (req: IncomingMessage) => Record<string, string> {
  const { styles, scripts } = inlineHashes(distDir);
  const fixed = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  // Built once per Host (a few at most: the addresses the server answers on), not once per request.
  const byHost = new Map<string, Record<string, string>>();
  return (req) => {
    const host = req.headers.host;
    const known = byHost.get(host ?? '');
    if (known) return known;
    const made = build(host);
    if (byHost.size < 16) byHost.set(host ?? '', made);
    return made;
  };
  function build(host: string | undefined): Record<string, string> {
    // 'self' covers ws:/wss: to the same host in current browsers; the explicit sources cover older ones.
    // The launcher's other processes (--processes) hold rooms too: the page's sockets may go to them.
    const others = siblings.filter((s) => HOST.test(s) && s !== host);
    const sockets = [...(host && HOST.test(host) ? [host] : []), ...others]
      .map((h) => ` ws://${h} wss://${h}`)
      .join('');
    const csp = [
      "default-src 'self'",
      `script-src 'self'${scripts.map((s) => ` ${s}`).join('')}`,
      `style-src 'self'${styles.map((s) => ` ${s}`).join('')}`,
      "img-src 'self' data: blob:",
      "media-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src 'self' data: blob:${sockets}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    return { ...fixed, 'Content-Security-Policy': csp };
  }
}

/** The policy of an exported after-action report: a document of its own, with its own inline styles, no script. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Colyseus's CORS, narrowed to this server's own origin: its pages are served from here and need none, so a
 * foreign origin gets no Access-Control-Allow-Origin (and never credentials).
 */
export function sameOriginCors(headers: Headers): Record<string, string> {
  const origin = headers.get('origin');
  const host = headers.get('host');
  if (origin && host && (origin === `http://${host}` || origin === `https://${host}`)) {
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }
  return { Vary: 'Origin' };
}
