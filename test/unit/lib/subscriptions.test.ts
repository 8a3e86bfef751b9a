import { beforeEach, describe, expect, it } from 'vitest';

import type { InflowDatabase } from '@/lib/db';
import type { Trust } from '@/lib/pack-check';
import { importPack, refresh, subscribe, type SourceContext } from '@/lib/subscriptions';

import { freshDatabase, packOf, packServer, signed, signer } from './pack-kit';

const ADDRESS = 'https://packs.acme.example/sales.json';
const T0 = new Date('2026-12-01T10:00:00Z');
const T1 = new Date('2026-12-02T10:00:00Z');

let db: InflowDatabase;
let server: ReturnType<typeof packServer>;

function context(now: Date, trust: Trust = { keys: [], requireSignatures: false }): SourceContext {
  return { db, trust, fetcher: server.fetcher, now: () => now };
}

beforeEach(() => {
  db = freshDatabase();
  server = packServer();
});

describe('subscribing to an address', () => {
  it('should store the checked copy, where it came from and what it was served with', async () => {
    server.put(ADDRESS, packOf('acme.sales'));

    await subscribe(context(T0), ADDRESS, 'learner');

    expect(await db.packs.get('acme.sales')).toEqual({
      id: 'acme.sales',
      name: 'Pack acme.sales',
      version: '1.0.0',
      source: ADDRESS,
      origin: 'learner',
      pack: packOf('acme.sales'),
      etag: '"v1"',
      installedAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
      lastCheckedAt: T0.toISOString(),
      lastSuccessAt: T0.toISOString(),
    });
  });

  it('should store nothing when the address gives no good pack', async () => {
    server.put(ADDRESS, '<!doctype html><p>Sign in</p>', 'text/html');

    await expect(subscribe(context(T0), ADDRESS, 'learner')).rejects.toThrow(
      'the address answered with a web page (text/html), not a pack',
    );
    expect(await db.packs.count()).toBe(0);
  });

  it("should not let the learner take a pack id the organization's policy holds", async () => {
    server.put(ADDRESS, packOf('acme.sales'));
    server.put('https://elsewhere.example/copy.json', packOf('acme.sales', '9.0.0'));
    await subscribe(context(T0), ADDRESS, 'policy');

    await expect(
      subscribe(context(T1), 'https://elsewhere.example/copy.json', 'learner'),
    ).rejects.toThrow(
      `the pack "acme.sales" is already installed from ${ADDRESS} by your organization's policy`,
    );
    expect((await db.packs.get('acme.sales'))?.version).toBe('1.0.0');
  });

  it("should let the policy take a pack id from the learner's packs", async () => {
    server.put('https://elsewhere.example/copy.json', packOf('acme.sales', '9.0.0'));
    server.put(ADDRESS, packOf('acme.sales'));
    await subscribe(context(T0), 'https://elsewhere.example/copy.json', 'learner');

    await subscribe(context(T1), ADDRESS, 'policy');

    expect(await db.packs.get('acme.sales')).toMatchObject({
      origin: 'policy',
      source: ADDRESS,
      version: '1.0.0',
      installedAt: T0.toISOString(),
    });
  });
});

describe('refreshing a subscription', () => {
  beforeEach(async () => {
    server.put(ADDRESS, packOf('acme.sales'));
    await subscribe(context(T0), ADDRESS, 'learner');
  });

  const stored = async () => (await db.packs.get('acme.sales'))!;

  it('should ask conditionally and keep the copy when the server says it is unchanged', async () => {
    await refresh(context(T1), await stored());

    expect(server.asked.at(-1)).toEqual({ url: ADDRESS, ifNoneMatch: '"v1"' });
    expect(await stored()).toMatchObject({
      version: '1.0.0',
      lastCheckedAt: T1.toISOString(),
      lastSuccessAt: T1.toISOString(),
    });
  });

  it('should replace the copy with a new version that checks out', async () => {
    server.put(ADDRESS, packOf('acme.sales', '1.1.0'));

    await refresh(context(T1), await stored());

    expect(await stored()).toMatchObject({
      version: '1.1.0',
      etag: '"v2"',
      pack: packOf('acme.sales', '1.1.0'),
      installedAt: T0.toISOString(),
      lastSuccessAt: T1.toISOString(),
    });
  });

  it.each([
    ['the server fails', () => server.delete(ADDRESS), 'the server answered 404 Not Found'],
    ['the answer is not JSON', () => server.put(ADDRESS, '{"format":'), 'expected valid JSON'],
    [
      'the new version is invalid',
      () => server.put(ADDRESS, { ...packOf('acme.sales', '2.0.0'), modules: 7 }),
      '$.modules: expected array, found 7',
    ],
    [
      'the address now serves another pack',
      () => server.put(ADDRESS, packOf('acme.other', '2.0.0')),
      'the address now serves the pack "acme.other", not "acme.sales"',
    ],
  ])('should keep the last good copy and record the error when %s', async (_, change, error) => {
    change();

    await refresh(context(T1), await stored());

    const row = await stored();
    expect(row).toMatchObject({
      version: '1.0.0',
      pack: packOf('acme.sales'),
      lastSuccessAt: T0.toISOString(),
      lastCheckedAt: T1.toISOString(),
    });
    expect(row.lastError).toContain(error);
  });

  it('should clear the error with the next success', async () => {
    server.delete(ADDRESS);
    await refresh(context(T1), await stored());
    server.put(ADDRESS, packOf('acme.sales', '1.2.0'));

    await refresh(context(T1), await stored());

    expect((await stored()).lastError).toBeUndefined();
    expect((await stored()).version).toBe('1.2.0');
  });
});

describe('refreshing where signatures are required', () => {
  const strict: Trust = { keys: [signer.publicKey], requireSignatures: true };

  it('should refuse a tampered new copy with the reason, and keep the signed one in use', async () => {
    const good = await signed(packOf('acme.sales'));
    server.put(ADDRESS, good);
    await subscribe(context(T0, strict), ADDRESS, 'policy');

    const tampered = await signed(packOf('acme.sales', '1.1.0'));
    (tampered.modules as { title: string }[])[0]!.title = 'Changed on the way';
    server.put(ADDRESS, tampered);
    await refresh(context(T1, strict), (await db.packs.get('acme.sales'))!);

    const row = (await db.packs.get('acme.sales'))!;
    expect(row.pack).toEqual(good);
    expect(row.lastError).toMatch(/^signature does not match: the pack was changed after ed25519:/);
  });
});

describe('importing a file', () => {
  it('should store it under the file name, and replace an earlier import of the same pack', async () => {
    await importPack(context(T0), JSON.stringify(packOf('acme.sales')), 'sales.json');
    await importPack(context(T1), JSON.stringify(packOf('acme.sales', '1.1.0')), 'sales-1.1.json');

    expect(await db.packs.get('acme.sales')).toMatchObject({
      origin: 'file',
      source: 'sales-1.1.json',
      version: '1.1.0',
      installedAt: T0.toISOString(),
    });
  });

  it('should not replace a subscription with a file', async () => {
    server.put(ADDRESS, packOf('acme.sales'));
    await subscribe(context(T0), ADDRESS, 'learner');

    await expect(
      importPack(context(T1), JSON.stringify(packOf('acme.sales', '3.0.0')), 'sales.json'),
    ).rejects.toThrow(
      `the pack "acme.sales" is already installed from ${ADDRESS}; remove it first`,
    );
  });
});
