// @vitest-environment node
// Node's own fetch types (Response with a streamed body), not happy-dom's.
import { describe, expect, it, vi } from 'vitest';

import { checkPackUrl, fetchPack } from '@/lib/pack-fetch';
import { MAX_PACK_BYTES } from '@/rules/limits';

const ADDRESS = 'https://packs.acme.example/sales.json';
const PACK = '{"format":1,"id":"acme.sales"}';

/** A fetch that answers every request with `answer`, and records what it was asked. */
function server(answer: () => Response) {
  return vi.fn<typeof fetch>(async () => answer());
}

function json(body: BodyInit, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A body that streams `chunks` pieces of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(32));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('which addresses packs come from', () => {
  it.each([
    ['https://packs.acme.example/sales.json', true],
    ['http://localhost:8080/pack.json', true],
    ['http://127.0.0.1/pack.json', true],
    ['http://127.0.0.2/pack.json', true],
    ['http://127.0.0.1.evil.example/pack.json', false],
    ['http://[::1]:3000/pack.json', true],
    ['http://packs.acme.example/sales.json', false],
    ['http://localhost.evil.example/pack.json', false],
    ['ftp://packs.acme.example/sales.json', false],
    ['file:///etc/passwd', false],
    ['https://user:secret@packs.acme.example/sales.json', false],
    ['packs.acme.example/sales.json', false],
  ])('%s → allowed: %s', (address, allowed) => {
    expect(checkPackUrl(address) instanceof URL).toBe(allowed);
  });
});

describe('fetching a pack', () => {
  it('should return the text and the validators the server sent', async () => {
    const fetcher = server(() =>
      json(PACK, { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }),
    );

    expect(await fetchPack(ADDRESS, {}, fetcher)).toEqual({
      status: 'fetched',
      text: PACK,
      etag: '"v1"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    const [, init] = fetcher.mock.calls[0]!;
    expect(init?.credentials).toBe('omit');
    expect(new Headers(init?.headers).has('if-none-match')).toBe(false);
  });

  it('should ask conditionally when a copy is held, and report a 304 as unchanged', async () => {
    const fetcher = server(() => new Response(null, { status: 304 }));
    const held = { etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' };

    expect(await fetchPack(ADDRESS, held, fetcher)).toEqual({ status: 'unchanged' });
    const headers = new Headers(fetcher.mock.calls[0]![1]?.headers);
    expect(headers.get('if-none-match')).toBe('"v1"');
    expect(headers.get('if-modified-since')).toBe(held.lastModified);
  });

  it('should ask for the whole file when the host does not allow a conditional request', async () => {
    // What a browser reports when a host's CORS preflight refuses If-None-Match.
    const fetcher = vi.fn<typeof fetch>(async (_, init) => {
      if (new Headers(init?.headers).has('if-none-match')) throw new TypeError('Failed to fetch');
      return json(PACK);
    });

    expect(await fetchPack(ADDRESS, { etag: '"v1"' }, fetcher)).toMatchObject({
      status: 'fetched',
      text: PACK,
    });
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('should refuse a plain http address without asking the network', async () => {
    const fetcher = server(() => json(PACK));

    await expect(fetchPack('http://packs.acme.example/a.json', {}, fetcher)).rejects.toThrow(
      'a plain http:// address: packs are fetched over https://',
    );
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('should refuse a web page, by its type or by its first character', async () => {
    const page = server(() =>
      json('<!doctype html><p>Sign in', { 'content-type': 'text/html; charset=utf-8' }),
    );
    const sniffed = server(() => json('\n  <html><body>Sign in', { 'content-type': 'text/plain' }));

    await expect(fetchPack(ADDRESS, {}, page)).rejects.toThrow(
      'the address answered with a web page (text/html; charset=utf-8), not a pack',
    );
    await expect(fetchPack(ADDRESS, {}, sniffed)).rejects.toThrow('answered with markup');
  });

  it('should refuse an error status, naming it', async () => {
    const fetcher = server(() => new Response('gone', { status: 404, statusText: 'Not Found' }));

    await expect(fetchPack(ADDRESS, {}, fetcher)).rejects.toThrow(
      'the server answered 404 Not Found',
    );
  });

  it('should refuse a declared length over the limit before reading the body', async () => {
    const body = streamed(10, 1024);
    const fetcher = server(() =>
      json(body.stream, { 'content-length': String(MAX_PACK_BYTES + 1) }),
    );

    await expect(fetchPack(ADDRESS, {}, fetcher)).rejects.toThrow('a pack is at most 5 MB');
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it('should stop reading an undeclared body as soon as it passes the limit', async () => {
    const chunk = 1024 * 1024;
    const body = streamed(50, chunk);
    const fetcher = server(() => json(body.stream));

    await expect(fetchPack(ADDRESS, {}, fetcher)).rejects.toThrow(
      'the answer is more than 6.0 MB; a pack is at most 5 MB',
    );
    expect(body.pulled()).toBeLessThan(10);
  });

  it('should refuse bytes that are not UTF-8', async () => {
    const fetcher = server(() => json(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));

    await expect(fetchPack(ADDRESS, {}, fetcher)).rejects.toThrow('not UTF-8');
  });

  it('should say so when the address cannot be reached', async () => {
    const fetcher = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });

    await expect(fetchPack(ADDRESS, {}, fetcher)).rejects.toThrow('could not be reached');
  });
});
