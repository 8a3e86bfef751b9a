/**
 * What the pack-source tests share: small valid packs, signed or not, a fresh
 * database, and a pack server in memory that answers like a static file host
 * (ETag, conditional requests) and records what it was asked.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { InflowDatabase } from '@/lib/db';
import type { HostApi } from '@/lib/host-access';
import { generateSigningKeys, signPack } from '@/rules/signature';

/** A valid pack with one tool on `tracker.example` and one lesson placed on it. */
export function packOf(id: string, version = '1.0.0', extra: Record<string, unknown> = {}) {
  return {
    format: 1,
    id,
    name: `Pack ${id}`,
    version,
    publisher: 'Acme',
    tools: [
      {
        id: `${id}-tool`,
        name: 'Tracker',
        category: 'project',
        hosts: [`${id}.tracker.example`],
        contexts: [{ id: 'home', name: 'Home', when: { path: '/' }, because: 'the home page' }],
      },
    ],
    modules: [
      {
        id: 'welcome',
        title: `Welcome to ${id} ${version}`,
        minutes: 2,
        kind: 'lesson',
        language: 'en',
        body: 'Text.',
        showOn: [{ tool: `${id}-tool` }],
      },
    ],
    ...extra,
  };
}

export const signer = await generateSigningKeys();

export function signed(pack: Record<string, unknown>): Promise<Record<string, unknown>> {
  return signPack(pack, signer.privateKey);
}

/** Host access that grants nothing and registers nothing; `manifest` as given. */
export function quietHostApi(manifest: HostApi['manifest'] = {}): HostApi {
  return {
    manifest,
    contains: async () => false,
    grantedOrigins: async () => [],
    release: async () => {},
    registered: async () => [],
    register: async () => {},
    update: async () => {},
    unregister: async () => {},
    onChange: () => () => {},
  };
}

export function freshDatabase(): InflowDatabase {
  return new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A static file host in memory: `files` by address, ETags from a version counter. */
export function packServer() {
  const files = new Map<string, { body: string; etag: string; type: string }>();
  const asked: { url: string; ifNoneMatch: string | null }[] = [];
  let version = 0;

  const fetcher = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const ifNoneMatch = new Headers(init?.headers).get('if-none-match');
    asked.push({ url, ifNoneMatch });

    const file = files.get(url);
    if (!file) return new Response('not here', { status: 404, statusText: 'Not Found' });
    if (ifNoneMatch === file.etag) return new Response(null, { status: 304 });
    return new Response(file.body, { headers: { 'content-type': file.type, etag: file.etag } });
  };

  return {
    fetcher: fetcher as typeof fetch,
    asked,
    put(url: string, body: unknown, type = 'application/json') {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      files.set(url, { body: text, etag: `"v${++version}"`, type });
    },
    delete(url: string) {
      files.delete(url);
    },
  };
}
