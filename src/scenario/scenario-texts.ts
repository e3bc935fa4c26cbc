// Every displayable text of a scenario, each named by a path that stays the same when files are split or merged,
// so that a translation (a per-locale file beside the English ones, issue 20) can say which text it translates.
//
// A path names each step by what identifies it in the scenario, not by where it sits in a file: an element of a
// list by its `id` (or, for a history day, its `turn`; for a teaching question, what it is `about`), and only by
// its place when it has neither (a red line of an actor, a step of a plan). So
// `events/preliminary-results/headline` is the same text whichever events file holds it.
//
// Three kinds of text are translated: the cited texts (`{ text, source | invention }`), the names (a person's
// name, a glossary term) and the quotes a fact's basis gives in its source's own words. Pure: no file access.

/** One displayable text of the English scenario. */
export interface ScenarioTextEntry {
  path: string;
  kind: 'text' | 'name' | 'quote';
  text: string;
  /** the seed files it cites, as a list (a text with one source gives a list of one) */
  source?: string[];
  invention?: true;
  /** a short hash of the English text: a translation made of another English text is stale */
  of: string;
}

/** The keys whose plain string is a name to spell in each language. */
const NAME_KEYS: ReadonlySet<string> = new Set(['name', 'term']);

/** A source's plain words that the screens show beside its citations (meta.sources[]). */
const SOURCE_WORD_KEYS = ['date', 'kind', 'perspective'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A cited text: a string `text` with its source or marked as an invention. */
export function isCitedText(v: unknown): v is { text: string; source?: string | string[]; invention?: true } {
  return isRecord(v) && typeof v.text === 'string' && (v.source !== undefined || v.invention === true);
}

/** How an element of a list is named in a path. */
function stepOf(element: unknown, index: number): string {
  if (isRecord(element)) {
    for (const key of ['id', 'turn', 'about'] as const) {
      const value = element[key];
      if (typeof value === 'string' && value.length > 0) return value;
    }
  }
  return String(index);
}

/**
 * A 32-bit FNV-1a hash of the text's UTF-16 code units, as 8 hex digits: enough to notice that the English text
 * a translation was made of has changed, which is all it is for.
 */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const asList = (source: string | string[] | undefined): string[] | undefined =>
  source === undefined ? undefined : Array.isArray(source) ? [...source] : [source];

/**
 * The displayable texts of a scenario (validated, or one file of it as parsed), in document order. Of the `meta`
 * part's source list, only each source's date note, kind and perspective are: a title stays the document's own.
 */
export function scenarioTexts(scenario: unknown): ScenarioTextEntry[] {
  const found: ScenarioTextEntry[] = [];
  visitScenarioTexts(scenario, (entry) => found.push(entry));
  return found;
}

/**
 * Calls `visit` on every displayable text of a scenario in document order, with the object that holds it and the
 * key it stands at (`text`, `name`, `term` or `quote`): the one walk that both lists the texts and, on a copy,
 * replaces them (localize.ts), so that the two can never name a text differently.
 */
export function visitScenarioTexts(
  scenario: unknown,
  visit: (entry: ScenarioTextEntry, holder: Record<string, unknown>, key: string) => void,
): void {
  const walk = (node: unknown, path: string[]): void => {
    if (isCitedText(node)) {
      const source = asList(node.source);
      const entry: ScenarioTextEntry = {
        path: path.join('/'),
        kind: 'text',
        text: node.text,
        ...(source ? { source } : {}),
        ...(node.invention ? { invention: true as const } : {}),
        of: textHash(node.text),
      };
      visit(entry, node, 'text');
      return;
    }
    if (Array.isArray(node)) {
      for (const [i, element] of node.entries()) walk(element, [...path, stepOf(element, i)]);
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (path.length === 1 && path[0] === 'meta' && key === 'sources') {
        // A source's title stays the document's own; what kind of document it is and how to read it are the
        // game's words about it, shown beside every citation, so they are translated.
        if (Array.isArray(value)) {
          for (const [i, source] of value.entries()) visitSourceWords(source, [...path, key, String(i)]);
        }
        continue;
      }
      if (typeof value === 'string' && NAME_KEYS.has(key) && path.length >= 2) {
        visit({ path: [...path, key].join('/'), kind: 'name', text: value, of: textHash(value) }, node, key);
      } else if (typeof value === 'string' && key === 'quote' && typeof node.source === 'string') {
        const entry: ScenarioTextEntry = {
          path: [...path, key].join('/'),
          kind: 'quote',
          text: value,
          source: [node.source],
          of: textHash(value),
        };
        visit(entry, node, key);
      } else {
        walk(value, [...path, key]);
      }
    }
  };
  const visitSourceWords = (source: unknown, path: string[]): void => {
    if (!isRecord(source)) return;
    for (const key of SOURCE_WORD_KEYS) {
      const value = source[key];
      if (typeof value === 'string')
        visit(
          { path: [...path, key].join('/'), kind: 'name', text: value, of: textHash(value) },
          source,
          key,
        );
    }
  };
  walk(scenario, []);
}
