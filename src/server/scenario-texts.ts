// Each scenario's texts in each language, as a device's first numbering (src/session/base-texts.ts): built once per
// scenario and language, served at an address that names them (cached for a year, gzipped once), and the base
// the room numbers a device's views after once the device says it holds them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompress, constants, gzipSync } from 'node:zlib';
import { isLanguage, type Language } from '../present/i18n/i18n.ts';
import { BASE_ID, type BaseTexts, baseId } from '../session/base-texts.ts';
import { MIN_TEXT, TextBase } from '../session/view-texts.ts';
import type { CompiledScenario } from '../sim/compile.ts';
import type { ScenarioLanguages } from './scenarios.ts';
import { acceptedEncodings, IMMUTABLE } from './static-files.ts';

/**
 * The parts of a scenario no classroom view shows (measured over a whole game: none of their texts reached a
 * device): the facilitator's teaching notes, the glossary and the people, shown by the solo game's own pages. A
 * translation's English originals are kept beside its texts and never shown either.
 */
const NOT_SHOWN = new Set(['teaching', 'glossary', 'people']);
const ORIGINAL = 'original';

/**
 * Every text of the scenario a view can show as it is, in the scenario's order: what the room's views copy from it
 * (headlines, bodies, options, causes, sources, notes). A text a view builds around them is not here, and goes once
 * as before; a text here no view shows costs only its bytes in the download.
 */
export function scenarioTexts(c: CompiledScenario): string[] {
  const seen = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= MIN_TEXT) seen.add(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (k !== ORIGINAL) walk(x);
  };
  for (const [k, v] of Object.entries(c.scenario)) if (!NOT_SHOWN.has(k)) walk(v);
  return [...seen];
}

interface Built {
  body: BaseTexts;
  base: TextBase;
  json: string;
  gzip: Buffer;
  /** A fifth smaller than gzip; made off the event loop (a second or two), served once it is there. */
  br: Buffer | null;
}

const built = new WeakMap<CompiledScenario, Map<Language, Built>>();

/**
 * The base of `c` (the English game) in `language`: built from the scenario in that language when the server has
 * it, from the English one otherwise (the views of such a device show the English texts).
 */
function buildFor(c: CompiledScenario, language: Language, languages: ScenarioLanguages | undefined): Built {
  const byLanguage = built.get(c) ?? new Map<Language, Built>();
  built.set(c, byLanguage);
  const have = byLanguage.get(language);
  if (have) return have;
  const inLanguage = language === 'en' ? c : (languages?.get(c.scenario.meta.id)?.get(language)?.c ?? c);
  const texts = scenarioTexts(inLanguage);
  const id = baseId(c.scenario.meta.id, c.digest, language, texts);
  const body: BaseTexts = { id, scenario: c.scenario.meta.id, digest: c.digest, language, texts };
  const json = JSON.stringify(body);
  const made: Built = {
    body,
    base: new TextBase(id, texts),
    json,
    gzip: gzipSync(json, { level: 9 }),
    br: null,
  };
  const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length };
  brotliCompress(json, { params }, (e, br) => {
    if (!e) made.br = br;
  });
  byLanguage.set(language, made);
  return made;
}

/** The base a room numbers a device's views after, once the device says it holds it. */
export function textBaseOf(
  c: CompiledScenario,
  language: Language,
  languages: ScenarioLanguages | undefined,
): TextBase {
  return buildFor(c, language, languages).base;
}

/**
 * GET /api/texts/ID: the base ID names, if it is one this server builds; false when the address is not this route.
 * The address names the list's hash, so what it holds never changes: cached for a year (the service worker leaves
 * /api/ to the network, and the browser's cache keeps it), compressed once (brotli, else gzip).
 */
export function serveTexts(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  scenarios: ReadonlyMap<string, CompiledScenario>,
  languages: ScenarioLanguages | undefined,
): boolean {
  const m = /^\/api\/texts\/([^/]+)$/.exec(path);
  if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const id = m[1]!;
  const [scenario, language] = id.split('.');
  const c = BASE_ID.test(id) ? scenarios.get(scenario ?? '') : undefined;
  const made = c && isLanguage(language) ? buildFor(c, language, languages) : null;
  if (!made || made.body.id !== id) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end('This server has no such scenario texts.');
    return true;
  }
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const coding = made.br && accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', IMMUTABLE);
  // Added to what the server varies on already (Origin, for its CORS answers).
  const vary = res.getHeader('Vary');
  res.setHeader('Vary', vary === undefined ? 'Accept-Encoding' : `${String(vary)}, Accept-Encoding`);
  if (coding) res.setHeader('Content-Encoding', coding);
  const bytes = coding === 'br' ? made.br! : coding === 'gzip' ? made.gzip : Buffer.from(made.json);
  res.setHeader('Content-Length', bytes.length);
  res.end(req.method === 'HEAD' ? undefined : bytes);
  return true;
}
