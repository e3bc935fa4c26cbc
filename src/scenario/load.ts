// Loads a scenario from the texts of its YAML files: parse, merge, schema, cross-reference checks.
// Pure (no fs), so the browser can use it too. Every problem points to FILE:LINE:COLUMN of the node it
// is about, in the file that node came from, and is one line: authors read these, not developers.
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import type { z } from 'zod';
import { checkScenario, didYouMean, type PathIssue } from './check.ts';
import { SCENARIO_KEYS, Scenario as ScenarioSchema } from './schema.ts';
import type { Scenario } from './types.ts';

export type Problem = { file: string; line: number; column: number; path: string; message: string };
export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };
export type ScenarioText = { name: string; text: string };

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** yaml resolves each alias by scanning the anchors before it: many aliases make loading quadratic. */
const MAX_ALIASES = 1000;
/** yaml's own guard against "billion laughs": how far one anchor may be expanded. */
const MAX_ALIAS_EXPANSION = 100;

type Segment = string | number;
type Where = { file: string; line: number; column: number };

/**
 * One parsed file: its YAML tree, to find where a value was written, and its data. targets: the node each alias
 * refers to, resolved once (yaml's own Alias.resolve walks the whole document each time).
 */
export type SourceFile = {
  name: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: Record<string, unknown>;
  targets: ReadonlyMap<Alias, YamlNode>;
};

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}${p.path === '' ? '' : ` ${p.path}`}: ${p.message}`;
}

export function parseScenarioFiles(files: readonly ScenarioText[]): LoadResult {
  // Code-point order, not locale order, so that every machine joins the lists the same way.
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const order = new Map(sorted.map((f, i) => [f.name, i]));
  const fail = (problems: Problem[]): LoadResult => ({ ok: false, problems: tidy(problems, order) });
  if (sorted.length === 0) return fail([{ ...START, file: '(scenario)', message: 'no scenario files' }]);

  const problems: Problem[] = [];
  const sources: SourceFile[] = [];
  for (const f of sorted) {
    const read = readSource(f);
    if ('problems' in read) problems.push(...read.problems);
    else sources.push(read);
  }
  if (problems.length > 0) return fail(problems);

  const map = new SourceMap(sources);
  const merged = merge(sources, map, problems);
  if (problems.length > 0) return fail(problems);

  try {
    const protoKeys = dropProtoKeys(merged, map);
    const parsed = ScenarioSchema.safeParse(merged, { reportInput: true, error: defaultMessage });
    if (!parsed.success) {
      const schema = schemaIssues(parsed.error.issues).map((i) => {
        const absent = i.path.length === 1 && !(String(i.path[0]) in merged);
        return map.problem(i.path, absent ? `no file of the scenario has ${i.path[0]}` : i.message);
      });
      return fail([...protoKeys, ...schema]);
    }
    if (protoKeys.length > 0) return fail(protoKeys);
    const issues = checkScenario(parsed.data);
    if (issues.length > 0) return fail(locate(map, issues));
    sourceMaps.set(parsed.data, map);
    return { ok: true, scenario: parsed.data };
  } catch (e) {
    // A stack overflow on absurdly deep nesting, say: still one line, never a trace.
    return fail([map.problem([], `could not check the scenario: ${errorText(e)}`)]);
  }
}

const sourceMaps = new WeakMap<Scenario, SourceMap>();

/** Places issues found later (the playability search, say) on the lines of a loaded scenario. */
export function locateIssues(scenario: Scenario, issues: readonly PathIssue[]): Problem[] {
  const map = sourceMaps.get(scenario);
  if (!map) {
    return issues.map((i) => {
      const message = i.firstAt === undefined ? i.message : `${i.message} (first at ${i.firstAt})`;
      return { ...START, file: '(scenario)', path: i.path, message: oneLine(message) };
    });
  }
  return locate(map, issues);
}

const START = { line: 1, column: 1, path: '' };

function locate(map: SourceMap, issues: readonly PathIssue[]): Problem[] {
  return issues.map((i) => {
    const first = i.firstAt === undefined ? undefined : map.problem(splitPath(i.firstAt), '');
    const message = first ? `${i.message} (first at ${first.file}:${first.line}:${first.column})` : i.message;
    return map.problem(splitPath(i.path), message);
  });
}

function splitPath(path: string): Segment[] {
  return path === '' ? [] : path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Sorted by file, line and column; repeats dropped; one line each. */
function tidy(problems: Problem[], order: ReadonlyMap<string, number>): Problem[] {
  const seen = new Set<string>();
  return problems
    .map((p) => ({ ...p, message: oneLine(p.message) }))
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column,
    );
}

function oneLine(message: string): string {
  return message.split(/\r\n?|\n/)[0]!.trim();
}

const PROTO_KEY =
  'a key cannot be "__proto__": a JavaScript object takes it as its prototype, so this entry would be lost';

/**
 * yaml keeps a mapping key __proto__ as an own property, but zod's records drop it in silence, and any plain
 * object would take it as its prototype: the entry would vanish. Reported, and deleted so the schema does not
 * report it again as an unknown key.
 */
function dropProtoKeys(data: unknown, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  // Aliases share objects (cycles were refused per file): each is walked once, at its first path.
  const seen = new Set<object>();
  const path: Segment[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        path.push(i);
        walk(item);
        path.pop();
      });
      return;
    }
    const record = node as Record<string, unknown>;
    if (Object.hasOwn(record, '__proto__')) {
      problems.push(map.problem([...path, '__proto__'], PROTO_KEY));
      Reflect.deleteProperty(record, '__proto__');
    }
    for (const [key, value] of Object.entries(record)) {
      path.push(key);
      walk(value);
      path.pop();
    }
  };
  walk(data);
  return problems;
}

function errorText(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'it is nested too deeply';
  return e instanceof Error ? e.message : String(e);
}

// ---- Reading one file ----

function readSource(f: ScenarioText): SourceFile | { problems: Problem[] } {
  return readYamlFile(f, SCENARIO_KEYS, 'a scenario file');
}

/**
 * One YAML file read under the scenario files' limits (size, one document, aliases, repeated keys), whose top level
 * must be a mapping with some of `keys` (`what` names such a file in a refusal): shared with the locale files
 * (locale.ts), so that a translation is read exactly as carefully as the English.
 */
export function readYamlFile(
  f: ScenarioText,
  keys: readonly string[],
  what: string,
): SourceFile | { problems: Problem[] } {
  const keysHint = `${what} may have: ${keys.join(', ')}`;
  const at = (line: number, column: number, message: string) => ({
    problems: [{ file: f.name, line, column, path: '', message }],
  });
  const bytes = utf8Length(f.text);
  if (bytes > MAX_FILE_BYTES) {
    return at(1, 1, tooLargeMessage(bytes));
  }
  const lines = new LineCounter();
  // YAML 1.2 counts a lone CR as a line break, but the yaml package does not: a file saved with CR line
  // endings would read as one line (a comment, so "empty"). One character for one keeps every offset.
  const text = f.text.includes('\r') ? f.text.replace(/\r(?!\n)/g, '\n') : f.text;
  try {
    // uniqueKeys: false because yaml's duplicate check is quadratic in the size of a mapping (we check
    // in linear time below); logLevel 'error' keeps yaml's warnings off the console.
    const doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: false,
      logLevel: 'error',
    });
    const where = (offset: number | undefined) => lines.linePos(offset ?? 0);
    // The first syntax error only: the ones after it are mostly its echoes.
    const error = doc.errors[0];
    if (error) {
      const { line, col } = where(error.pos[0]);
      return at(line, col, syntaxMessage(error.code, error.message));
    }
    const tree = scanTree(doc, where);
    if (tree.spots.length > 0) return { problems: tree.spots.map((d) => ({ ...d, file: f.name, path: '' })) };

    const root = doc.contents;
    if (root === null) return at(1, 1, `empty file; ${keysHint}`);
    if (!isMap(root)) {
      const { line, col } = where(root.range[0]);
      const holds = isSeq(root) ? 'a list' : 'a single value';
      return at(line, col, `not ${what}: it holds ${holds}, not a mapping; ${keysHint}`);
    }
    const keyProblems = topLevelKeys(root, where, keys, what);
    if (keyProblems.length > 0)
      return { problems: keyProblems.map((d) => ({ ...d, file: f.name, path: '' })) };

    const { aliases, targets } = tree;
    if (aliases.length > MAX_ALIASES) {
      const { line, col } = where(aliases[0]);
      return at(line, col, `too many aliases (${aliases.length}, at most ${MAX_ALIASES})`);
    }
    try {
      const data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) as Record<string, unknown>;
      return { name: f.name, doc, lines, data, targets };
    } catch (e) {
      const { line, col } = where(aliases[0]);
      const bomb = e instanceof ReferenceError && /excessive alias/i.test(e.message);
      return at(
        line,
        col,
        bomb ? 'aliases expand too far (a "billion laughs" document); not loaded' : errorText(e),
      );
    }
  } catch (e) {
    return at(1, 1, `could not read the YAML: ${errorText(e)}`);
  }
}

export type LinePos = (offset: number | undefined) => { line: number; col: number };
type Spot = { line: number; column: number; message: string };

function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'YAML: a scenario file holds one document; this one has several (---)';
  if (/call stack/i.test(message)) return 'YAML: nested too deeply';
  return `YAML syntax error: ${message}`;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

export type Tree = { spots: Spot[]; aliases: number[]; targets: Map<Alias, YamlNode> };

/**
 * One walk over a file's tree: repeated keys; and aliases: where they are, which node each refers to (the
 * last node before it with that anchor, as yaml resolves them) and whether one stands inside the node it
 * refers to. Such a cycle would make the data infinitely deep; it is reported at the alias.
 */
export function scanTree(doc: Document.Parsed, where: LinePos): Tree {
  const tree: Tree = { spots: [], aliases: [], targets: new Map() };
  const spot = (offset: number | undefined, message: string) => {
    const { line, col } = where(offset);
    tree.spots.push({ line, column: col, message });
  };
  const anchors = new Map<string, YamlNode>();
  // The document, then the collections and pairs down to the node being read: what yaml's visit() gives as the
  // ancestors. A walk of our own, in the same order: visit() copies that list at every collection and pair, which
  // made this walk a tenth of loading a large scenario.
  const ancestors: unknown[] = [doc];
  const alias = (node: Alias) => {
    tree.aliases.push(node.range?.[0] ?? 0);
    const target = anchors.get(node.source);
    if (!target) {
      // Here rather than from toJS, which names the alias but not where it is.
      spot(node.range?.[0], `alias *${node.source} has no anchor &${node.source} before it`);
      return;
    }
    tree.targets.set(node, target);
    // Past the limit the file is refused anyway: no need to pay for the ancestor scan.
    if (tree.aliases.length <= MAX_ALIASES && ancestors.includes(target)) {
      spot(
        node.range?.[0],
        `alias *${node.source} stands inside the node it refers to (&${node.source}), a loop without end; ` +
          'write the repeated part out',
      );
    }
  };
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      alias(node);
      return;
    }
    if (isPair(node)) {
      ancestors.push(node);
      walk(node.key);
      walk(node.value);
      ancestors.pop();
      return;
    }
    if (!isNode(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) return;
    if (isMap(node)) duplicateKeys(node.items, where, spot);
    ancestors.push(node);
    for (const item of node.items) walk(item);
    ancestors.pop();
  };
  walk(doc.contents);
  return tree;
}

function duplicateKeys(
  pairs: readonly { key: unknown }[],
  where: LinePos,
  spot: (offset: number | undefined, message: string) => void,
): void {
  const first = new Map<string, number | undefined>();
  for (const pair of pairs) {
    const name = keyText(pair.key);
    const offset = isNode(pair.key) ? pair.key.range?.[0] : undefined;
    if (!first.has(name)) first.set(name, offset);
    else spot(offset, `duplicate key "${name}" (first at line ${where(first.get(name)).line})`);
  }
}

function topLevelKeys(
  root: { items: { key: unknown }[] },
  where: LinePos,
  keys: readonly string[],
  what: string,
): Spot[] {
  const known = new Set<string>(keys);
  const keysHint = `${what} may have: ${keys.join(', ')}`;
  const unknown = root.items.filter((p) => !known.has(keyText(p.key)));
  const spot = (p: { key: unknown }, message: string): Spot => {
    const { line, col } = where(isNode(p.key) ? p.key.range?.[0] : undefined);
    return { line, column: col, message };
  };
  const first = unknown[0];
  if (first && unknown.length === root.items.length) {
    const names = unknown.map((p) => `"${keyText(p.key)}"`).join(', ');
    const key = what === 'a scenario file' ? 'a scenario key' : 'one of its keys';
    return [spot(first, `not ${what}: none of its keys (${names}) is ${key}; ${keysHint}`)];
  }
  return unknown.map((p) => {
    const name = keyText(p.key);
    return spot(p, `unknown top-level key "${name}"${didYouMean(name, known)}; ${keysHint}`);
  });
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4; // a surrogate pair: one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Shared with the Node loader, which refuses a big file before reading it. */
export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => n / 2 ** 20;
  return `file is ${mb(bytes).toFixed(1)} MB, over the ${mb(MAX_FILE_BYTES)} MB limit; not parsed`;
}

// ---- Merging the files, remembering where each part came from ----

/** The top-level keys that are one mapping, in exactly one file; every other key is a list, merged over files. */
const SINGLE_KEYS = new Set(['meta', 'teaching']);

class SourceMap {
  /** The file that holds each single key. */
  readonly singles = new Map<string, SourceFile>();
  /** For each list key: the file and the index in that file of each item of the merged list. */
  readonly lists = new Map<string, { file: SourceFile; index: number }[]>();

  constructor(readonly files: readonly SourceFile[]) {}

  problem(path: readonly Segment[], message: string): Problem {
    const [key, index, ...rest] = path;
    const origin = typeof index === 'number' ? this.lists.get(String(key))?.[index] : undefined;
    let where: Where;
    if (origin) where = pointAt(origin.file, [String(key), origin.index, ...rest]);
    else if (this.singles.has(String(key))) where = pointAt(this.singles.get(String(key))!, path);
    else {
      // A whole list (too short, say), or a key no file has: the first file that has it, or the first file.
      const holder = this.files.find((f) => String(key) in f.data) ?? this.files[0]!;
      where = pointAt(holder, key === undefined ? [] : [String(key)]);
    }
    return { ...where, path: path.join('.'), message };
  }
}

function merge(sources: readonly SourceFile[], map: SourceMap, problems: Problem[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const file of sources) {
    for (const [key, value] of Object.entries(file.data)) {
      const problem = (message: string) => problems.push({ ...pointAt(file, [key]), path: key, message });
      if (SINGLE_KEYS.has(key)) {
        const holder = map.singles.get(key);
        if (holder) problem(`already in ${holder.name}; ${key} stands in exactly one file`);
        else {
          map.singles.set(key, file);
          merged[key] = value;
        }
      } else if (!Array.isArray(value)) {
        problem(`expected a list, found ${found(value)}`);
      } else {
        merged[key] = [...((merged[key] as unknown[] | undefined) ?? []), ...value];
        const origins = map.lists.get(key) ?? [];
        map.lists.set(key, origins);
        for (let index = 0; index < value.length; index++) origins.push({ file, index });
      }
    }
  }
  return merged;
}

/** The deepest node of the path that the file has: a mapping entry's key, or a list item. */
export function pointAt(file: SourceFile, path: readonly Segment[]): Where {
  let node: unknown = file.doc.contents;
  let offset = 0;
  for (const segment of path) {
    if (isAlias(node)) node = file.targets.get(node);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      offset = (isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = (isNode(item) ? item.range?.[0] : undefined) ?? offset;
      node = item;
    } else break;
  }
  const { line, col } = file.lines.linePos(offset);
  return { file: file.name, line, column: col };
}

// ---- Schema issues in an author's words ----

type Issue = z.core.$ZodIssue;
type Located = { path: Segment[]; message: string; code: string };

function schemaIssues(issues: readonly Issue[]): Located[] {
  const flat = issues.flatMap((i) => flatten(i, []));
  // An unknown key is the cause; "a condition has exactly one of ..., it has none" is its echo.
  const withUnknownKeys = new Set(
    flat.filter((i) => i.code === 'unrecognized_keys').map((i) => i.path.slice(0, -1).join('.')),
  );
  return flat.filter((i) => !(i.code === 'custom' && withUnknownKeys.has(i.path.join('.'))));
}

function flatten(issue: Issue, prefix: readonly Segment[]): Located[] {
  const path = [...prefix, ...issue.path.map((s) => (typeof s === 'number' ? s : String(s)))];
  switch (issue.code) {
    case 'invalid_union': {
      // Zod reports the branch whose type matched on its own; here no branch matched, or several half did.
      const expected = issue.errors.flatMap((branch) =>
        branch.filter((i) => i.path.length === 0).map(expectation),
      );
      const closest = issue.errors.find((branch) => branch.length > 0);
      if (expected.length === 0 && closest) return closest.flatMap((i) => flatten(i, path));
      const message = `expected ${[...new Set(expected)].join(' or ')}, found ${found(issue.input)}`;
      return [{ path, message, code: issue.code }];
    }
    case 'invalid_key':
      return issue.issues.flatMap((i) => flatten(i, path));
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = keysAt(ScenarioSchema as unknown as ZodLike, path) ?? [];
        const hint =
          allowed.length > 0 ? `${didYouMean(key, allowed)}; allowed here: ${allowed.join(', ')}` : '';
        return { path: [...path, key], message: `unknown key "${key}"${hint}`, code: issue.code };
      });
    case 'invalid_format': {
      // The schema's own format messages (ids, versions, dates) say what is wanted, not what was written.
      const shown = found(issue.input);
      const message = issue.message.includes(shown) ? issue.message : `${issue.message}; found ${shown}`;
      return [{ path, message, code: issue.code }];
    }
    default:
      return [{ path, message: issue.message, code: issue.code }];
  }
}

function expectation(issue: Issue): string {
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' or ');
  if (issue.code === 'invalid_type') return noun(issue.expected);
  return issue.message;
}

/** Messages for zod's built-in checks; the schema's own messages (ids, texts, refines) take precedence. */
const defaultMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'missing (required)'
        : `expected ${noun(issue.expected)}, found ${found(issue.input)}`;
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      return `expected ${values.length > 1 ? `one of ${values.join(', ')}` : values[0]}, found ${found(issue.input)}`;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'array')
        return `needs at ${small ? 'least' : 'most'} ${limit} item${limit === 1 ? '' : 's'}`;
      if (issue.origin === 'string')
        return small && limit === 1
          ? 'must not be empty'
          : `${small ? 'at least' : 'at most'} ${limit} characters`;
      const inclusive = issue.inclusive ?? true;
      const bound = small ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than';
      return `must be ${bound} ${limit}, found ${found(issue.input)}`;
    }
    case 'invalid_format':
      return `${found(issue.input)} does not match ${issue.pattern ?? issue.format}`;
    default:
      return undefined;
  }
};

function noun(type: string): string {
  const nouns: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    boolean: 'true or false',
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
  };
  return nouns[type] ?? type;
}

function found(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Just enough of zod's internal definitions to find which keys an object schema allows. */
type ZodLike = { _zod: { def: ZodDef } };
type ZodDef = {
  type: string;
  innerType?: ZodLike;
  getter?: () => ZodLike;
  in?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  valueType?: ZodLike;
  options?: ZodLike[];
};

function keysAt(schema: ZodLike, path: readonly Segment[]): string[] | undefined {
  const def = schema._zod.def;
  const inner = def.innerType ?? def.getter?.() ?? def.in;
  if (inner) return keysAt(inner, path);
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const keys = keysAt(option, path);
      if (keys) return keys;
    }
    return undefined;
  }
  const [head, ...rest] = path;
  if (head === undefined) return def.shape ? Object.keys(def.shape) : undefined;
  const next = def.shape?.[String(head)] ?? def.element ?? def.valueType;
  return next ? keysAt(next, rest) : undefined;
}
