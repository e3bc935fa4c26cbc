// Writes, for one locale, the file of texts to translate beside each English file of a scenario:
// <scenario>/locale/<locale>/<file>.yaml, every displayable text by its path (src/scenario/scenario-texts.ts), with
// the English text in place to be replaced. A text already translated from the same English (its `of` matches)
// is kept, so the script can be run again after the English changes: only new or changed texts come back English.
//
//   npx tsx scripts/scenario-skeleton.ts scenarios/baghdad-2021 ar-IQ
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { scenarioTexts } from '../src/scenario/scenario-texts.ts';

const [dir, locale] = process.argv.slice(2);
if (!dir || !locale) {
  console.error('usage: tsx scripts/scenario-skeleton.ts <scenario folder> <locale>');
  process.exit(2);
}
const out = join(dir, 'locale', locale);
mkdirSync(out, { recursive: true });
type Entry = { of: string; text: string; source?: string[]; invention?: true };
let fresh = 0;
for (const name of readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  const texts = scenarioTexts(parse(readFileSync(join(dir, name), 'utf8')));
  if (texts.length === 0) continue;
  const target = join(out, name);
  const before: Record<string, Entry> = existsSync(target)
    ? ((parse(readFileSync(target, 'utf8')) as { texts?: Record<string, Entry> })?.texts ?? {})
    : {};
  const entries: Record<string, Entry> = {};
  for (const t of texts) {
    const kept = before[t.path];
    if (kept && kept.of === t.of) {
      entries[t.path] = kept;
      continue;
    }
    fresh++;
    entries[t.path] = {
      of: t.of,
      ...(t.source ? { source: t.source } : {}),
      ...(t.invention ? { invention: true as const } : {}),
      text: t.text,
    };
  }
  const head = `# The ${locale} texts of ${name}, each by its path (src/scenario/scenario-texts.ts). A text is the game's\n# translation of the English text beside the same path; \`of\` is the hash of that English text, \`source\` and\n# \`invention\` are the English text's own and stay as they are.\n`;
  writeFileSync(target, head + stringify({ texts: entries }, { lineWidth: 0, flowCollectionPadding: false }));
}
console.log(`${out}: ${fresh} texts to translate`);
