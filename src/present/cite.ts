/**
 * Texts as shown: the words, and where they come from. Every scenario text carries a source (a seed
 * file) or is marked as invented; the screen says which, briefly, and the credits list the sources.
 */
import type { Translated } from '../scenario/localize.ts';
import type { Scenario, Text } from '../scenario/types.ts';
import { formatDate, language, t } from './i18n/i18n.ts';

export interface Cited {
  text: string;
  /** e.g. "Source: news report (002)", or "Invented for the game" */
  cite: string;
  /** the English words, when the text is the game's translation of them (src/scenario/localize.ts) */
  original?: string;
}

/** The short reference of a seed file: its number, "002" for "002_d96facc589c6d417.txt". */
export function shortRef(file: string): string {
  return file.split('_')[0] ?? file;
}

export function citer(scenario: Scenario): (text: Text) => Cited {
  const kinds = new Map(scenario.meta.sources.map((s) => [s.file, s.kind]));
  // A scenario's texts do not change: each is cited once per language (the class pages change language without a
  // reload). (The classroom server builds every seat's screen after every command, from the same texts.) Cited lines
  // are shared, so a reader must not change one.
  const byLanguage = new Map<string, WeakMap<Text, Cited>>();
  return (text) => {
    let cited = byLanguage.get(language());
    if (!cited) {
      cited = new WeakMap();
      byLanguage.set(language(), cited);
    }
    const known = cited.get(text);
    if (known) return known;
    let out: Cited;
    if (text.source === undefined) out = { text: text.text, cite: t('cite.invented') };
    else {
      const files = Array.isArray(text.source) ? text.source : [text.source];
      // The kind of document is the scenario's word (data); the reference number is kept left to right.
      const refs = files.map((f) => `${kinds.get(f) ?? t('cite.document')} (${shortRef(f)})`);
      out = { text: text.text, cite: t('cite.sources', { count: files.length, refs: refs.join('; ') }) };
    }
    // A presenter reads the scenario as types only: the field localize.ts sets on a text it translated.
    const { original } = text as Text & Translated;
    if (typeof original === 'string') out.original = original;
    cited.set(text, out);
    return out;
  };
}

// Made on first use: the first Intl formatter a page makes sets up the browser's date data (30–40 ms), which the way
// to New game must not pay when the chunk holding this file is evaluated (issue 18).
let englishDate: Intl.DateTimeFormat | null = null;
const DATE = () =>
  (englishDate ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }));

const LONG_DATES = new Map<string, string>();

/**
 * "2021-10-10" as "10 October 2021"; in Arabic, with the Iraqi month names and digits ("١٠ تشرين الأول ٢٠٢١"). The
 * exports (src/sim) write dates their own way, so the record never depends on the language.
 */
export function longDate(iso: string): string {
  const key = `${language()}|${iso}`;
  let text = LONG_DATES.get(key);
  if (text === undefined) {
    const date = new Date(`${iso}T00:00:00Z`);
    text = Number.isNaN(date.getTime()) ? iso : language() === 'en' ? DATE().format(date) : formatDate(date);
    // A scenario has a few dozen dates; a hostile caller cannot grow this past a bound.
    if (LONG_DATES.size < 10_000) LONG_DATES.set(key, text);
  }
  return text;
}

/** A turn, or what a view gives of one: its date, and where the sources give no day, the date as shown. */
export interface DatedTurn {
  date: string;
  dateText?: { text: string } | undefined;
}

/**
 * A turn's date as shown: its `dateText` where the sources give no day ("late December 2021"), otherwise the day
 * ("7 November 2021"). Never an exact day the sources do not give.
 */
export function turnDate(turn: DatedTurn): string {
  return turn.dateText?.text ?? longDate(turn.date);
}

/** The same, after a preposition: "on 7 November 2021", "in late December 2021". */
export function onTurnDate(turn: DatedTurn): string {
  return turn.dateText
    ? t('cite.inDate', { date: turn.dateText.text })
    : t('cite.onDate', { date: longDate(turn.date) });
}

/** A date (ISO) as shown: the date of the turn it opens, as that turn shows it; any other date, the day. */
export function dateShown(iso: string, turns: readonly DatedTurn[] = []): string {
  const turn = turns.find((t) => t.date === iso);
  return turn ? turnDate(turn) : longDate(iso);
}

/** A compact axis label ("11-05"), marked "≈" where the turn's day is approximate ("≈12-31"). */
export function shortTurnDate(turn: DatedTurn): string {
  return `${turn.dateText ? '≈' : ''}${turn.date.slice(5)}`;
}
