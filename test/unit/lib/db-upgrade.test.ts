import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';

import { InflowDatabase } from '@/lib/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The database as version 1 of Inflow declared it, written before the upgrade. */
async function versionOneRecord(indexedDB: IDBFactory): Promise<void> {
  const old = new Dexie('inflow', { indexedDB, IDBKeyRange });
  old.version(1).stores({
    statements: '++id, timestamp, verb, [pack+module]',
    progress: 'key, pack, updatedAt',
  });

  await old.table('statements').bulkAdd([
    { verb: 'experienced', pack: 'p', module: 'm', timestamp: '2026-01-01T10:00:00.000Z' },
    { verb: 'completed', pack: 'p', module: 'm', timestamp: '2026-01-01T10:05:00.000Z' },
  ]);
  await old.table('progress').put({
    key: 'p/m',
    pack: 'p',
    module: 'm',
    done: true,
    doneAt: '2026-01-01T10:05:00.000Z',
    answers: { q1: true },
    updatedAt: '2026-01-01T10:05:00.000Z',
  });
  old.close();
}

describe('the database, version 1 to 2', () => {
  it('should give every existing statement its own UUID and keep everything else', async () => {
    const indexedDB = new IDBFactory();
    await versionOneRecord(indexedDB);

    const db = new InflowDatabase({ indexedDB, IDBKeyRange });
    const statements = await db.statements.orderBy('id').toArray();

    expect(db.verno).toBe(2);
    expect(statements.map((s) => [s.id, s.verb])).toEqual([
      [1, 'experienced'],
      [2, 'completed'],
    ]);
    expect(statements.every((s) => UUID.test(s.uuid ?? ''))).toBe(true);
    expect(new Set(statements.map((s) => s.uuid)).size).toBe(2);
    expect(await db.progress.get('p/m')).toMatchObject({ done: true, answers: { q1: true } });
  });

  it('should open the new tables empty, and give new statements a UUID', async () => {
    const indexedDB = new IDBFactory();
    await versionOneRecord(indexedDB);

    const db = new InflowDatabase({ indexedDB, IDBKeyRange });
    const id = await db.statements.add({
      verb: 'bookmarked',
      pack: 'p',
      module: 'm',
      timestamp: '2026-01-02T00:00:00.000Z',
    });

    expect((await db.statements.get(id))?.uuid).toMatch(UUID);
    expect(
      await Promise.all([db.reviews, db.bookmarks, db.packs, db.learner].map((t) => t.count())),
    ).toEqual([0, 0, 0, 0]);
  });

  it('should refuse two statements with the same UUID', async () => {
    const db = new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    const statement = { verb: 'experienced', pack: 'p', module: 'm', timestamp: 'x' } as const;

    await db.statements.add({ ...statement, uuid: 'same' });

    await expect(db.statements.add({ ...statement, uuid: 'same' })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
  });
});
