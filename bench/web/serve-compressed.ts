/**
 * Serves a build as a user's server would: the brotli or gzip copies the build wrote, chosen by Accept-Encoding
 * (the classroom server's own static handler), on 127.0.0.1 and a free port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticFiles } from '../../src/server/static-files.ts';

export interface Served {
  url: string;
  close: () => Promise<void>;
}

export async function serveCompressed(dir: string): Promise<Served> {
  const handle = staticFiles(dir);
  const server = createServer((req, res) =>
    handle(req, res, () => {
      res.statusCode = 405;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
