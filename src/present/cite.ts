/**
 * Texts as shown: the words, and where they come from. Every scenario text carries a source (a seed
 * file) or is marked as invented; the screen says which, briefly, and the credits list the sources.
 */
import type { Scenario, Text } from '../scenario/types.ts';

export interface Cited {
  text: string;
  /** e.g. "Source: news report (002)", or "Invented for the game" */
  cite: string;
}

/** The short reference of a seed file: its number, "002" for "002_d96facc589c6d417.txt". */
export function shortRef(file: string): string {
  return file.split('_')[0] ?? file;
}

export function citer(scenario: Scenario): (t: Text) => Cited {
  const kinds = new Map(scenario.meta.sources.map((s) => [s.file, s.kind]));
  return (t) => {
    if (t.source === undefined) return { text: t.text, cite: 'Invented for the game' };
    const files = Array.isArray(t.source) ? t.source : [t.source];
    const refs = files.map((f) => `${kinds.get(f) ?? 'document'} (${shortRef(f)})`);
    return { text: t.text, cite: `${files.length > 1 ? 'Sources' : 'Source'}: ${refs.join('; ')}` };
  };
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2021-10-10" as "10 October 2021". */
export function longDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}
