/**
 * Builds the game once into a temporary folder and serves it with `vite preview` on 127.0.0.1 for
 * every browser test file; stops the server and removes the build afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { servePreview } from '../../../scripts/browser/preview-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The build, for the classroom server to serve. */
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '../../..');
  const outDir = mkdtempSync(join(tmpdir(), 'crisis-browser-'));
  // The build that ships: Vitest sets NODE_ENV to 'test', under which Vite resolves packages' development builds
  // (lit's dev mode, with its checks and its console warning), so the tests would run other code than players do.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
  const served = await servePreview({ root, outDir });
  project.provide('baseUrl', served.url);
  project.provide('distDir', outDir);
  return async () => {
    await served.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
