/**
 * A pack host for browser tests: HTTPS on localhost, answering like a static file
 * server that allows cross-origin reads (what docs/pack-sources.md asks of a pack
 * host): an ETag per version, 304 to a matching If-None-Match, CORS headers and
 * preflights. The test changes the file it serves and reads what was asked.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { createCertificate, DEFAULT_CERT_DIR } from './harness';

export interface PackServer {
  /** The address of the one pack file. */
  url: string;
  /** Serves `pack` from now on, with a new ETag. */
  serve(pack: unknown): void;
  /** Every request: method, and whether it was conditional. */
  readonly requests: { method: string; ifNoneMatch?: string; status: number }[];
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'accept, if-none-match, if-modified-since',
  'access-control-expose-headers': 'etag, last-modified',
};

const PATH = '/packs/acme-intranet.json';

export async function startPackServer(): Promise<PackServer> {
  let body = '';
  let etag = '';
  let version = 0;
  const requests: PackServer['requests'] = [];

  const server = createServer(createCertificate(DEFAULT_CERT_DIR), (request, response) => {
    const ifNoneMatch = request.headers['if-none-match'];
    const status =
      request.method === 'OPTIONS'
        ? 204
        : request.url !== PATH
          ? 404
          : ifNoneMatch === etag
            ? 304
            : 200;
    requests.push({ method: request.method ?? '', ifNoneMatch, status });

    const headers = { ...CORS, etag, 'cache-control': 'no-cache' };
    if (status !== 200) response.writeHead(status, headers).end();
    else response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    url: `https://localhost:${port}${PATH}`,
    serve(pack) {
      body = JSON.stringify(pack, null, 2);
      etag = `"v${++version}"`;
    },
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
