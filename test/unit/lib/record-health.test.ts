import Dexie from 'dexie';
import { forceCloseDatabase, IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { InflowDatabase } from '@/lib/db';
import { logger } from '@/lib/logger';
import { progressOf, recordDone } from '@/lib/progress';
import {
  noteRecordFailure,
  noteRecordSuccess,
  recordHealth,
  watchDatabase,
  watchRecordHealth,
} from '@/lib/record-health';

const lesson = { pack: 'p', module: 'm' };

afterEach(() => {
  noteRecordSuccess();
  vi.restoreAllMocks();
});

describe('the record health', () => {
  it.each([
    ['a full disk', new DOMException('full', 'QuotaExceededError'), 'full'],
    [
      'a transaction aborted by a full disk',
      Object.assign(new Error('aborted'), {
        name: 'AbortError',
        inner: new DOMException('x', 'QuotaExceededError'),
      }),
      'full',
    ],
    [
      'no IndexedDB at all',
      Object.assign(new Error('x'), { name: 'MissingAPIError' }),
      'unavailable',
    ],
    ['a failed open', Object.assign(new Error('x'), { name: 'OpenFailedError' }), 'unavailable'],
  ])('should call %s by its name', (_, error, health) => {
    vi.spyOn(logger, 'warn').mockImplementation(() => {});

    noteRecordFailure(error);

    expect(recordHealth()).toBe(health);
  });

  it('should say so when IndexedDB cannot be opened at all', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const broken = {
      open: () => {
        throw new DOMException(
          'The user denied permission to access the database.',
          'InvalidStateError',
        );
      },
      deleteDatabase: () => undefined,
      cmp: (a: unknown, b: unknown) => (a === b ? 0 : 1),
    };
    const db = new InflowDatabase({ indexedDB: broken as never, IDBKeyRange });
    const seen: string[] = [];
    const stop = watchRecordHealth((health) => seen.push(health));

    const unwatch = watchDatabase(db);

    await vi.waitFor(() => expect(seen).toEqual(['unavailable']));
    stop();
    unwatch();
  });

  it('should say which pages to close while an upgrade is blocked, and recover', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const indexedDB = new IDBFactory();
    const versionOne = new Dexie('inflow', { indexedDB, IDBKeyRange });
    versionOne.version(1).stores({
      statements: '++id, timestamp, verb, [pack+module]',
      progress: 'key, pack, updatedAt',
    });
    await versionOne.open();
    // An old page holding version 1 that does not close when asked, as a frozen
    // page would not (Dexie closes its own connections on request).
    versionOne.on('versionchange', () => false);
    const db = new InflowDatabase({ indexedDB, IDBKeyRange });
    const seen: string[] = [];
    const stop = watchRecordHealth((health) => seen.push(health));

    const unwatch = watchDatabase(db);
    await vi.waitFor(() => expect(seen).toEqual(['blocked']));
    versionOne.close();

    await vi.waitFor(() => expect(seen).toEqual(['blocked', 'ok']));
    expect(db.verno).toBe(3);
    stop();
    unwatch();
  });
});

describe('a database the browser closed', () => {
  it('should reopen on the next write and lose nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    await recordDone(db, lesson);

    // fake-indexeddb 6.2.8 types the argument as the class; it takes the connection.
    forceCloseDatabase(db.backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0]);
    await recordDone(db, { pack: 'p', module: 'other' });

    const progress = await progressOf(db, [lesson, { pack: 'p', module: 'other' }]);
    expect([...progress.keys()]).toEqual(['p/m', 'p/other']);
    expect(await db.statements.count()).toBe(2);
  });
});
