/**
 * Serves a built game with `vite preview` on 127.0.0.1 and a free port, from inside the process, so
 * the caller can always close it (no stray servers after a failed run).
 */
import { type PreviewServer, preview } from 'vite';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

export async function servePreview(options: {
  root: string;
  outDir: string;
  configFile?: string | false;
}): Promise<Served> {
  const server: PreviewServer = await preview({
    root: options.root,
    configFile: options.configFile ?? false,
    logLevel: 'warn',
    build: { outDir: options.outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
