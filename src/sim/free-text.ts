// Text a person typed (a display name, an override's reason) is cleaned where it enters the game, so that every
// screen and the printed report show it the same way: NFC, no control characters, no zero-width or
// bidirectional-override characters (they hide or reorder what is shown), spaces collapsed, trimmed, bounded.
// Pure and small: the join options, the command schema and the tests all use this one function.

// C0 and C1 controls (Unicode category Cc), zero-width characters (U+200B-U+200D, U+2060, U+FEFF), the soft
// hyphen, and the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E-U+200F,
// U+202A-U+202E, U+2066-U+2069). Tabs and line breaks are white space, made one space below.
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x61c, 0x61c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2069],
  [0xfeff, 0xfeff],
];

function invisible(code: number): boolean {
  for (const [from, to] of INVISIBLE) if (code >= from && code <= to) return true;
  return false;
}

/**
 * The text as it is kept and shown: NFC, invisible and control characters removed, runs of white space made one
 * space, trimmed, and cut to `max` characters (never inside a surrogate pair). May return ''.
 */
export function cleanText(raw: string, max: number): string {
  let kept = '';
  for (const ch of raw.normalize('NFC')) if (!invisible(ch.codePointAt(0)!)) kept += ch;
  const text = kept.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/** Whether a cleaned text shows anything: at least one letter, digit, mark, symbol or punctuation. */
export function isVisible(text: string): boolean {
  return /[\p{L}\p{N}\p{S}\p{P}]/u.test(text);
}
