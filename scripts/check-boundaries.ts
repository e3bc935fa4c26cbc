// The simulation is headless and deterministic: src/sim and src/scenario may not import Phaser, Howler or the
// views, and src/sim may not read a clock or Math.random. Exits 1 with a line a breach. The DOM is kept out by
// the compiler: tsconfig.sim.json compiles these folders without the DOM library.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const FORBIDDEN_IMPORTS = [/^phaser(\/|$)/, /^howler(\/|$)/, /(^|\/)(game|audio|ui|server)\//];
const NONDETERMINISM =
  /\bMath\.random\b|\bDate\.now\b|\bnew Date\(|\bperformance\.now\b|\bcrypto\.getRandomValues\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.[cm]?[jt]s$/.test(name) ? [path] : [];
  });
}

export function checkBoundaries(root: string): string[] {
  const problems: string[] = [];
  for (const folder of ['src/sim', 'src/scenario']) {
    let list: string[] = [];
    try {
      list = files(join(root, folder));
    } catch {
      continue;
    }
    for (const file of list) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const where = `${relative(root, file)}:${i + 1}`;
        const code = line.replace(/\/\/.*$/, '');
        for (const m of code.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
          if (FORBIDDEN_IMPORTS.some((re) => re.test(m[1]!)))
            problems.push(`${where}: imports ${m[1]}, which the simulation may not`);
        }
        if (folder === 'src/sim' && NONDETERMINISM.test(code)) {
          problems.push(`${where}: ${code.match(NONDETERMINISM)![0]} breaks determinism; use the seeded rng`);
        }
      });
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkBoundaries(process.argv[2] ?? process.cwd());
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log('boundaries: the simulation imports no Phaser, Howler or view, and draws no unseeded chance');
}
