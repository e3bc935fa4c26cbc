// The walk over a YAML file's tree that finds repeated keys and aliases (load.ts scanTree) is our own, for speed
// (issue 18: yaml's visit() copied the list of ancestors at every collection and pair). It must find what a walk
// by visit() finds, in the same order: that walk is kept here as the reference, and both read random documents
// full of anchors, aliases, repeated keys and pairs inside flow sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Alias,
  type Document,
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Node as YamlNode,
} from 'yaml';
import { type LinePos, scanTree, type Tree } from '../../src/scenario/load.ts';

const MAX_ALIASES = 1000;

/** The walk as it was, by visit(). */
function referenceScan(doc: Document.Parsed, where: LinePos): Tree {
  const tree: Tree = { spots: [], aliases: [], targets: new Map() };
  const spot = (offset: number | undefined, message: string) => {
    const { line, col } = where(offset);
    tree.spots.push({ line, column: col, message });
  };
  const anchors = new Map<string, YamlNode>();
  const anchor = (_: unknown, node: YamlNode) => {
    if (node.anchor) anchors.set(node.anchor, node);
  };
  const keyText = (key: unknown) => (isScalar(key) ? String(key.value) : String(key));
  visit(doc, {
    Map: (key, map) => {
      anchor(key, map);
      const first = new Map<string, number | undefined>();
      for (const pair of map.items) {
        const name = keyText(pair.key);
        const offset = isNode(pair.key) ? pair.key.range?.[0] : undefined;
        if (!first.has(name)) first.set(name, offset);
        else spot(offset, `duplicate key "${name}" (first at line ${where(first.get(name)).line})`);
      }
    },
    Seq: anchor,
    Scalar: anchor,
    Alias: (_, alias: Alias, ancestors) => {
      tree.aliases.push(alias.range?.[0] ?? 0);
      const target = anchors.get(alias.source);
      if (!target) {
        spot(alias.range?.[0], `alias *${alias.source} has no anchor &${alias.source} before it`);
        return;
      }
      tree.targets.set(alias, target);
      if (tree.aliases.length <= MAX_ALIASES && ancestors.includes(target)) {
        spot(
          alias.range?.[0],
          `alias *${alias.source} stands inside the node it refers to (&${alias.source}), a loop without end; ` +
            'write the repeated part out',
        );
      }
    },
  });
  return tree;
}

/** A flow-style YAML node: scalars, anchored nodes, aliases, mappings with repeated keys, pairs in sequences. */
const nodeArb = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', '1', 'x y', "'q'"),
    fc.nat(3).map((n) => `*n${n}`),
    fc.tuple(fc.nat(3), tie('node')).map(([n, v]) => `&n${n} ${v}`),
    fc
      .array(fc.tuple(fc.constantFrom('k', 'l', 'm', '*n1', '[k]'), tie('node')), { maxLength: 4 })
      .map((pairs) => `{ ${pairs.map(([k, v]) => `${k} : ${v}`).join(', ')} }`),
    fc
      .array(
        fc.oneof(
          tie('node'),
          fc.tuple(fc.constantFrom('k', 'l'), tie('node')).map(([k, v]) => `${k}: ${v}`),
        ),
        {
          maxLength: 4,
        },
      )
      .map((items) => `[ ${items.join(', ')} ]`),
  ),
})).node;

const docArb = fc
  .array(fc.tuple(fc.constantFrom('events', 'facts', 'glossary', 'events'), nodeArb), {
    minLength: 1,
    maxLength: 4,
  })
  .map((entries) => entries.map(([k, v]) => `${k}: ${v}\n`).join(''));

describe('the walk over a YAML tree', () => {
  it('finds the repeated keys and aliases, their targets and loops, that a walk by visit() finds', () => {
    let compared = 0;
    let withSpots = 0;
    fc.assert(
      fc.property(docArb, (text) => {
        const lines = new LineCounter();
        const doc = parseDocument(text, {
          lineCounter: lines,
          prettyErrors: false,
          uniqueKeys: false,
          logLevel: 'error',
        });
        if (doc.errors.length > 0) return;
        const where: LinePos = (offset) => lines.linePos(offset ?? 0);
        const ours = scanTree(doc, where);
        const reference = referenceScan(doc, where);
        expect(ours.spots).toEqual(reference.spots);
        expect(ours.aliases).toEqual(reference.aliases);
        expect([...ours.targets]).toEqual([...reference.targets]);
        for (const [alias, target] of ours.targets) expect(reference.targets.get(alias)).toBe(target);
        compared++;
        if (ours.spots.length > 0) withSpots++;
      }),
      { numRuns: 400 },
    );
    // Most documents parsed, and many had something to report: the comparison was not of empty walks.
    expect(compared).toBeGreaterThan(200);
    expect(withSpots).toBeGreaterThan(50);
  });
});
