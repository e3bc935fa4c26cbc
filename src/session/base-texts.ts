// A scenario's texts as a device's first numbering (issue 18): every text of the scenario its views can show, in
// the device's language, fetched once over HTTP before the game's first turn. A device that holds them and says so
// is sent each of them as its number from the first view on; the texts the views build (a sentence with numbers in
// it) still go once each, numbered after them (view-texts.ts). Both sides must hold the very same list: its id
// names the scenario, its language and a hash of the game's digest and the list, and a device checks the hash of
// what it fetched before it uses it. A device without them is sent every text as before. (No Zod here: the class
// page's client reads this, and must not load the engine's chunk; the messages' schemas are the protocol's.)
/** A base's id: `scenario.language.hash`, the hash 16 hex digits (base-texts.ts baseId). */
export const BASE_ID = /^[a-z0-9][a-z0-9-]{0,80}\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?\.[0-9a-f]{16}$/;

/** A base as it is served (the body of /api/texts/ID). */
export interface BaseTexts {
  id: string;
  scenario: string;
  digest: string;
  language: string;
  texts: string[];
}

/**
 * A 64-bit hash of the text's UTF-16 units (two 32-bit lanes, FNV-1a and a multiply-xorshift), as 16 hex digits:
 * the same on the server and in any browser, and quick on a phone (a class server on a school network is plain
 * http, where a page has no crypto.subtle). It tells a damaged or other list, not a forged one: the server only
 * ever uses the list it built itself.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

export function baseId(scenario: string, digest: string, language: string, texts: readonly string[]): string {
  return `${scenario}.${language}.${textHash(`${digest}\n${JSON.stringify(texts)}`)}`;
}

/** The base a body holds, if it is the one `id` names; else why not, in one sentence. */
export function readBase(id: string, body: unknown): BaseTexts | string {
  const b = (body ?? {}) as Partial<BaseTexts>;
  if (
    typeof b.scenario !== 'string' ||
    typeof b.digest !== 'string' ||
    typeof b.language !== 'string' ||
    !Array.isArray(b.texts) ||
    !b.texts.every((t) => typeof t === 'string')
  )
    return `The scenario's texts ${id} came in no known form; the views come with their texts instead.`;
  if (baseId(b.scenario, b.digest, b.language, b.texts) !== id)
    return `The scenario's texts ${id} came damaged or other than asked; the views come with their texts instead.`;
  return { id, scenario: b.scenario, digest: b.digest, language: b.language, texts: b.texts };
}
