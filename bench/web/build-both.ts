/**
 * Builds the game (vite.config.ts, custom Phaser) and the empty baseline (stock Phaser bundle) with
 * the same Vite, the same minifier and the same chunking, into a temporary folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { precompressPlugin } from '../../scripts/precompress.ts';

export interface Builds {
  root: string;
  gameDir: string;
  emptyRoot: string;
  emptyDir: string;
}

export async function buildBoth(repoRoot: string): Promise<Builds> {
  const out = mkdtempSync(join(tmpdir(), 'crisis-bench-'));
  const gameDir = join(out, 'game');
  const emptyDir = join(out, 'empty');
  const emptyRoot = resolve(repoRoot, 'bench/web/empty-game');
  await build({
    root: repoRoot,
    configFile: resolve(repoRoot, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: gameDir, emptyOutDir: true },
  });
  await build({
    root: emptyRoot,
    configFile: false,
    logLevel: 'silent',
    // Compressed copies as the game's build writes them, so that both are served alike.
    plugins: [precompressPlugin()],
    build: {
      outDir: emptyDir,
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          codeSplitting: { groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }] },
        },
      },
    },
  });
  return { root: repoRoot, gameDir, emptyRoot, emptyDir };
}
