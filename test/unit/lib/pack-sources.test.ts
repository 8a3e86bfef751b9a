/**
 * The background's pack sources end to end, with the fake browser: a policy that
 * arrives after start, a refresh on the alarm, a tampered copy refused while the
 * last good one stays in use, the policy removed, and what the learner may turn off.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import type { InflowDatabase } from '@/lib/db';
import { disabledPacks } from '@/lib/pack-settings';
import { PackSources } from '@/lib/pack-sources';
import { checkPackShape } from '@/rules/pack-shape';
import type { Pack } from '@/rules/schema';

import { freshDatabase, packOf, packServer, quietHostApi, signed, signer } from './pack-kit';

const ADDRESS = 'https://packs.acme.example/acme.json';
const ACME = 'https://acme.tracker.example/';
const VENDOR = 'https://vendor.tracker.example/';

const bundled = [checkPackShape(packOf('vendor')), checkPackShape(packOf('other'))].map(
  (result) => {
    if (!result.ok) throw new Error('test pack invalid');
    return result.pack;
  },
) as Pack[];

const hostApi = quietHostApi({
  content_scripts: [{ matches: ['*://*.tracker.example/*'], js: ['content.js'] }],
});

let db: InflowDatabase;
let server: ReturnType<typeof packServer>;
let sources: PackSources;
let stop: () => void;

function start(): PackSources {
  sources = new PackSources(bundled, { db, hostApi, fetcher: server.fetcher });
  stop = sources.follow();
  return sources;
}

const lessonTitles = (url: string) =>
  sources.rules.match({ url })?.lessons.map((lesson) => lesson.title) ?? [];

async function settled(): Promise<void> {
  // Let storage events reach their listeners, then wait for the queue to drain.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await sources.run(async () => {});
}

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDatabase();
  server = packServer();
  server.put(ADDRESS, packOf('acme'));
});

afterEach(() => {
  stop?.();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a policy that arrives after start', () => {
  it('should not hold up start while managed storage has not answered', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => {}));
    start();

    await sources.ready;

    expect(lessonTitles(VENDOR)).toEqual(['Welcome to vendor 1.0.0']);
    expect((await sources.state()).policyReadAt).toBeUndefined();
  });

  it('should apply without a restart', async () => {
    start();
    await sources.ready;
    expect(lessonTitles(VENDOR)).toEqual(['Welcome to vendor 1.0.0']);
    expect(lessonTitles(ACME)).toEqual([]);

    await fakeBrowser.storage.managed.set({ packUrls: [ADDRESS] });
    await vi.waitFor(() => expect(lessonTitles(ACME)).toEqual(['Welcome to acme 1.0.0']));

    const state = await sources.state();
    expect(state.packs[0]).toMatchObject({
      id: 'acme',
      origin: 'policy',
      locked: true,
      source: ADDRESS,
    });
    expect(state.packs[0]?.lastSuccessAt).toBeDefined();
  });

  it('should name an address that gives no pack among the policy problems', async () => {
    start();
    await fakeBrowser.storage.managed.set({
      packUrls: ['https://packs.acme.example/missing.json'],
    });

    await vi.waitFor(async () =>
      expect((await sources.state()).problems).toEqual([
        {
          key: 'packUrls',
          value: 'https://packs.acme.example/missing.json',
          problem: 'the server answered 404 Not Found',
        },
      ]),
    );
  });
});

describe('a policy pack over time', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    await fakeBrowser.storage.managed.set({
      packUrls: [ADDRESS],
      requireSignatures: true,
      trustedKeys: [signer.publicKey],
    });
    server.put(ADDRESS, await signed(packOf('acme')));
    start();
    await vi.waitFor(() => expect(lessonTitles(ACME)).toEqual(['Welcome to acme 1.0.0']));
  });

  async function refreshAfter(hours: number): Promise<void> {
    vi.setSystemTime(Date.now() + hours * 3600 * 1000);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'inflow-pack-refresh',
      scheduledTime: Date.now(),
    });
    await settled();
  }

  it('should use a new version after the refresh, once its interval has passed', async () => {
    server.put(ADDRESS, await signed(packOf('acme', '1.1.0')));

    await refreshAfter(1);
    expect(lessonTitles(ACME)).toEqual(['Welcome to acme 1.0.0']);

    await refreshAfter(24);
    expect(lessonTitles(ACME)).toEqual(['Welcome to acme 1.1.0']);
  });

  it('should refuse a tampered copy, show why, and keep the last good one in use', async () => {
    const tampered = await signed(packOf('acme', '1.1.0'));
    (tampered.modules as { title: string }[])[0]!.title = 'Changed on the way';
    server.put(ADDRESS, tampered);

    await refreshAfter(25);

    expect(lessonTitles(ACME)).toEqual(['Welcome to acme 1.0.0']);
    const [acme] = (await sources.state()).packs;
    expect(acme?.lastError).toMatch(/^signature does not match/);
    expect(acme?.use).toEqual({ state: 'used', signedBy: signer.publicKey });
  });

  it('should remove the pack when the policy no longer names it', async () => {
    await fakeBrowser.storage.managed.clear();

    await vi.waitFor(() => expect(lessonTitles(ACME)).toEqual([]));
    expect(await db.packs.count()).toBe(0);
    expect((await sources.state()).packs.map((pack) => pack.id)).toEqual(['vendor', 'other']);
  });
});

describe('packs the learner turns off', () => {
  it('should leave them out, except those the policy locks', async () => {
    await fakeBrowser.storage.managed.set({ lockedPacks: ['vendor'] });
    start();
    await disabledPacks.setValue(['vendor', 'other']);
    await settled();

    await vi.waitFor(async () =>
      expect(
        (await sources.state()).packs.map(({ id, locked, use }) => [id, locked, use.state]),
      ).toEqual([
        ['vendor', true, 'used'],
        ['other', false, 'off'],
      ]),
    );
    expect(lessonTitles(VENDOR)).toEqual(['Welcome to vendor 1.0.0']);
    expect(lessonTitles('https://other.tracker.example/')).toEqual([]);
  });
});
