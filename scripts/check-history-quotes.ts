// `tsx scripts/check-history-quotes.ts [SEEDS]`: every passage quoted in a scenario's history (what the real actors
// did, date by date) is in a document it cites, word for word. The source documents are not in this repository
// (they sit beside it, in ../shared/seeds), so this is a script an author runs, not a test that would be skipped
// where they are missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, parseScenarioFiles } from '../src/scenario/load.ts';

const DIR = 'scenarios/baghdad-2021';
const SEEDS = process.argv[2] ?? join(import.meta.dirname, '../../shared/seeds');

const plain = (text: string) =>
  text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/…/g, '...').replace(/\s+/g, ' ');

if (!existsSync(SEEDS)) {
  console.error(`check-history-quotes: no source documents at ${SEEDS}`);
  process.exit(2);
}
const seeds = new Map(
  readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, plain(readFileSync(join(SEEDS, f), 'utf8'))]),
);
const files = readdirSync(DIR)
  .filter((n) => n.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));
const result = parseScenarioFiles(files);
if (!result.ok) {
  console.error(result.problems.map(formatProblem).join('\n'));
  process.exit(1);
}
const texts = result.scenario.history.flatMap((day) => [
  ...(day.context ? [day.context] : []),
  ...Object.values(day.actors).flatMap((e) => (e.did ? [e.did] : [])),
]);
let quotes = 0;
let missing = 0;
for (const t of texts) {
  const cited = [t.source ?? []].flat().map((f) => seeds.get(f) ?? '');
  for (const [, quote] of plain(t.text).matchAll(/"([^"]+)"/g)) {
    quotes++;
    if (!cited.some((doc) => doc.includes(quote!))) {
      missing++;
      console.log(`not in ${[t.source].flat().join(', ')}: "${quote}"`);
    }
  }
}
console.log(
  `${quotes} quoted passages in the history; ${missing} not found word for word in the documents they cite`,
);
process.exit(missing === 0 ? 0 : 1);
