/**
 * What the import graph (.dependency-cruiser.cjs) cannot see, read from TypeScript's own syntax tree so that
 * comments, strings, types and spacing fool nothing:
 *
 * - no-unseeded-chance, no-clock: the engine and the scenario checks (src/sim, src/scenario) are
 *   deterministic. They draw chance only from the seeded rng and read no clock: no Math.random,
 *   crypto.getRandomValues or randomUUID, Date.now, new Date() or Date(), performance.now, however spelled
 *   (Math['random'], globalThis.Math.random, const { random } = Math). Parsing a given date, new Date(text),
 *   is deterministic and allowed.
 * - no-computed-import: an import() or require() in a layer names its module in a string; a computed one
 *   (`import(\`./${name}.ts\`)`) loads what the layer check never sees.
 * - present-engine-types-only: the presenters read the engine's views and the scenario as types only
 *   (import type), so that no rule of the game runs in a presenter.
 *
 * TypeScript 7 has no createSourceFile in JavaScript: the syntax trees come from its compiler process
 * through typescript/unstable/sync (the typescript package is pinned to an exact version in package.json).
 *
 * Usage: tsx scripts/check-sources.ts [root]. Prints one line per finding, FILE:LINE: what [rule], and
 * exits 1 when there is any.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  type CallExpression,
  type Expression,
  isCallExpression,
  isElementAccessExpression,
  isExportDeclaration,
  isIdentifier,
  isImportDeclaration,
  isNewExpression,
  isNoSubstitutionTemplateLiteral,
  isPropertyAccessExpression,
  isStringLiteral,
  type Node,
  type SourceFile,
  SyntaxKind,
} from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';

export type Rule = 'no-unseeded-chance' | 'no-clock' | 'no-computed-import' | 'present-engine-types-only';

export interface Finding {
  /** relative to the root, with forward slashes */
  file: string;
  line: number;
  rule: Rule;
  message: string;
}

/** The folders that must be deterministic, and the globals they may not reach for. */
const DETERMINISTIC = ['src/sim', 'src/scenario'];
const WATCHED: Readonly<Record<string, { rule: Rule; members: readonly string[]; instead: string }>> = {
  Math: {
    rule: 'no-unseeded-chance',
    members: ['random'],
    instead: 'draw from the seeded rng (src/sim/rng.ts)',
  },
  crypto: {
    rule: 'no-unseeded-chance',
    members: ['getRandomValues', 'randomUUID'],
    instead: 'draw from the seeded rng (src/sim/rng.ts)',
  },
  Date: {
    rule: 'no-clock',
    members: ['now'],
    instead: 'take the time as an input, or the turn from the state',
  },
  performance: {
    rule: 'no-clock',
    members: ['now', 'timeOrigin'],
    instead: 'take the time as an input, or the turn from the state',
  },
};
/** Names under which the global object reaches Math and the rest (globalThis.Math.random). */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);
/** Wrappers that change nothing at run time: (Math as any).random is Math.random. */
const TRANSPARENT = new Set([
  SyntaxKind.ParenthesizedExpression,
  SyntaxKind.AsExpression,
  SyntaxKind.SatisfiesExpression,
  SyntaxKind.NonNullExpression,
  SyntaxKind.TypeAssertionExpression,
]);
/** Where a watched name is a type, not the global: x: Date, typeof Math in a type. */
const TYPE_POSITIONS = new Set([SyntaxKind.TypeReference, SyntaxKind.TypeQuery, SyntaxKind.QualifiedName]);

const SOURCE = /\.[cm]?tsx?$/;

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // a layer that does not exist yet has nothing to check
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : SOURCE.test(name) ? [path] : [];
  });
}

/** The string a member access or an import names, if it is spelled as a literal. */
function literalText(node: Node | undefined): string | null {
  return node && (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
}

function unwrapped(node: Node): Node {
  let inner = node;
  while (TRANSPARENT.has(inner.kind)) inner = (inner as unknown as { expression: Node }).expression;
  return inner;
}

/** If the node names a watched global (Math, globalThis.Math), the node that stands for it, and its name. */
function watchedReference(node: Node): { ref: Node; name: string } | null {
  if (!isIdentifier(node) || !Object.hasOwn(WATCHED, node.text)) return null;
  const parent = node.parent;
  if (isPropertyAccessExpression(parent) && parent.name === node) {
    const object = unwrapped(parent.expression);
    return isIdentifier(object) && GLOBAL_OBJECTS.has(object.text) ? { ref: parent, name: node.text } : null;
  }
  if (TYPE_POSITIONS.has(parent.kind)) return null;
  // A declared name or a property key (const Date = …, { Math: 1 }, import { Math }) is no reference to
  // the global; shorthand { Math } is, since it passes the global on.
  const named = parent as unknown as { name?: Node; propertyName?: Node };
  if (
    (named.name === node || named.propertyName === node) &&
    parent.kind !== SyntaxKind.ShorthandPropertyAssignment
  )
    return null;
  return { ref: node, name: node.text };
}

/**
 * What the use of a watched global does: a call it must not make (sure), a use that hides which member it
 * reaches (unsure), or null when it is harmless (Math.floor, new Date(text), x instanceof Date).
 */
function misuse(ref: Node, name: string): { what: string; sure: boolean } | null {
  let outer = ref;
  while (TRANSPARENT.has(outer.parent.kind)) outer = outer.parent;
  const use = outer.parent;
  const members = WATCHED[name]!.members;
  if (isPropertyAccessExpression(use) && use.expression === outer) {
    const member = use.name.text;
    return members.includes(member) ? { what: `${name}.${member}`, sure: true } : null;
  }
  if (isElementAccessExpression(use) && use.expression === outer) {
    const member = literalText(use.argumentExpression);
    if (member === null) return { what: `${name}[…] (a member picked at run time)`, sure: false };
    return members.includes(member) ? { what: `${name}['${member}']`, sure: true } : null;
  }
  if (name === 'Date' && isNewExpression(use) && use.expression === outer) {
    return (use.arguments?.length ?? 0) === 0 ? { what: 'new Date()', sure: true } : null;
  }
  if (name === 'Date' && isCallExpression(use) && use.expression === outer)
    return { what: 'Date()', sure: true };
  if (use.kind === SyntaxKind.TypeOfExpression) return null;
  if (use.kind === SyntaxKind.BinaryExpression) {
    const binary = use as unknown as { operatorToken: Node; right: Node };
    if (binary.operatorToken.kind === SyntaxKind.InstanceOfKeyword && binary.right === outer) return null;
  }
  return { what: `${name} passed on as a value (as in const { ${members[0]} } = ${name})`, sure: false };
}

function isImportCall(node: Node): node is CallExpression {
  if (!isCallExpression(node)) return false;
  const callee = node.expression;
  return callee.kind === SyntaxKind.ImportKeyword || (isIdentifier(callee) && callee.text === 'require');
}

/** The src/ folder a relative module specifier of `file` points into (src/sim/x.ts → "src/sim"). */
function targetFolder(root: string, file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = relative(root, resolve(dirname(file), specifier)).split(sep);
  return target[0] === 'src' && target.length > 2 ? `src/${target[1]}` : null;
}

function isTypeOnly(node: Node): boolean {
  if (isImportDeclaration(node)) return node.importClause?.phaseModifier === SyntaxKind.TypeKeyword;
  if (isExportDeclaration(node)) return node.isTypeOnly;
  return false;
}

function checkFile(root: string, path: string, source: SourceFile, findings: Finding[]): void {
  const file = relative(root, path).split(sep).join('/');
  const deterministic = DETERMINISTIC.some((d) => file.startsWith(`${d}/`));
  const presenter = file.startsWith('src/present/');
  const report = (node: Node, rule: Rule, message: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    findings.push({ file, line, rule, message });
  };
  const visit = (node: Node): void => {
    if (isImportCall(node)) {
      if (literalText(node.arguments[0]) === null)
        report(
          node,
          'no-computed-import',
          `${node.expression.kind === SyntaxKind.ImportKeyword ? 'import()' : 'require()'} of a computed path: the layer check cannot see what it loads; name the module in a string`,
        );
    } else if (presenter && (isImportDeclaration(node) || isExportDeclaration(node))) {
      const specifier = literalText(node.moduleSpecifier as Expression | undefined);
      const folder = specifier === null ? null : targetFolder(root, path, specifier);
      if ((folder === 'src/sim' || folder === 'src/scenario') && !isTypeOnly(node))
        report(
          node,
          'present-engine-types-only',
          `imports values from ${folder}; a presenter reads the engine and the scenario as types only (import type)`,
        );
    } else if (deterministic) {
      const watched = watchedReference(node);
      const found = watched && misuse(watched.ref, watched.name);
      if (watched && found) {
        const { rule, instead } = WATCHED[watched.name]!;
        const [does, may] =
          rule === 'no-clock'
            ? ['reads the clock', 'may read the clock']
            : ['draws unseeded chance', 'may draw unseeded chance'];
        const message = found.sure
          ? `${found.what} ${does}; ${instead}`
          : `${found.what} ${may}; call its members by name`;
        report(watched.ref, rule, message);
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
}

export function checkSources(root: string): Finding[] {
  const base = resolve(root);
  const src = join(base, 'src');
  // Every folder of src/ is a layer (src/main.ts, the composition root, is not).
  const layers = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
  const files = layers.flatMap((layer) => filesUnder(join(src, layer)));
  const findings: Finding[] = [];
  const api = new API({ cwd: base });
  try {
    const snapshot = api.updateSnapshot({ openFiles: files });
    for (const path of files) {
      const source = snapshot.getDefaultProjectForFile(path)?.program.getSourceFile(path);
      if (!source)
        throw new Error(`${relative(base, path)}: TypeScript could not read it, so it was not checked`);
      checkFile(base, path, source, findings);
    }
  } finally {
    api.close();
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.message} [${f.rule}]`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const findings = checkSources(process.argv[2] ?? process.cwd());
  for (const f of findings) console.error(formatFinding(f));
  if (findings.length > 0) process.exit(1);
  console.log(
    'sources: the engine draws no unseeded chance and reads no clock; no import is computed; presenters read the engine as types',
  );
}
