import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';

import { InflowDatabase, type Statement } from '@/lib/db';
import { readStatements, STATEMENT_PAGE, statementCount } from '@/lib/statement-pages';

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
    const statements = await readStatements(db);

    expect(db.verno).toBe(3);
    expect(statements.map((s) => [s.timestamp, s.verb])).toEqual([
      ['2026-01-01T10:00:00.000Z', 'experienced'],
      ['2026-01-01T10:05:00.000Z', 'completed'],
    ]);
    expect(statements.every((s) => UUID.test(s.uuid))).toBe(true);
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

/** The stores of version 2, as Inflow declared them. */
const VERSION_TWO = {
  statements: '++id, timestamp, verb, [pack+module], &uuid',
  progress: 'key, pack, updatedAt',
  reviews: 'key, due, [pack+module]',
  bookmarks: 'id, createdAt, [pack+module]',
  packs: 'id',
  learner: 'id',
};

const learner = { id: 'me', account: '5b0c8e4e-2f7a-4c1d-9a3b-6e8f0d1c2b3a', updatedAt: 'x' };
const bookmark = { id: 'b1', kind: 'lesson', title: 'T', createdAt: 'x', updatedAt: 'x' };

function statementNumber(index: number): Statement {
  return {
    uuid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    verb: index % 2 ? 'answered' : 'experienced',
    pack: 'p',
    module: `m${index % 7}`,
    ...(index % 2 ? { question: 'q', response: [index % 3], success: true } : {}),
    timestamp: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
  };
}

/** A database as version 2 of Inflow left it, with `count` statements in rows. */
async function versionTwoRecord(indexedDB: IDBFactory, count: number): Promise<Statement[]> {
  const old = new Dexie('inflow', { indexedDB, IDBKeyRange });
  old.version(2).stores(VERSION_TWO);
  const statements = Array.from({ length: count }, (_, index) => statementNumber(index));

  await old.table('statements').bulkAdd(statements);
  await old.table('learner').put(learner);
  await old.table('bookmarks').put(bookmark);
  old.close();
  return statements;
}

/** The index names of a store as IndexedDB itself has them. */
function indexesOf(db: InflowDatabase, store: string): string[] {
  return [...db.backendDB().transaction(store).objectStore(store).indexNames].sort();
}

describe('the database, version 2 to 3', () => {
  it('should move every statement into pages, in the order recorded', async () => {
    const indexedDB = new IDBFactory();
    const written = await versionTwoRecord(indexedDB, 2 * STATEMENT_PAGE + 50);

    const db = new InflowDatabase({ indexedDB, IDBKeyRange });
    const pages = await db.statementPages.toArray();

    expect(db.verno).toBe(3);
    expect(pages.map((page) => [page.at, page.statements.length])).toEqual([
      [0, STATEMENT_PAGE],
      [STATEMENT_PAGE, STATEMENT_PAGE],
      [2 * STATEMENT_PAGE, 50],
    ]);
    expect(await readStatements(db)).toEqual(written.map(({ id: _local, ...rest }) => rest));
    expect(await db.statements.count()).toBe(0);
  });

  it('should keep the other tables, and drop the statement indexes nothing reads', async () => {
    const indexedDB = new IDBFactory();
    await versionTwoRecord(indexedDB, 3);

    const db = new InflowDatabase({ indexedDB, IDBKeyRange });
    await db.open();

    expect(await db.learner.get('me')).toEqual(learner);
    expect(await db.bookmarks.toArray()).toEqual([bookmark]);
    expect(indexesOf(db, 'statements')).toEqual(['uuid', 'verb']);
    expect(indexesOf(db, 'bookmarks')).toEqual(['[pack+module]', 'createdAt']);
  });

  it('should put statements recorded after the upgrade after the moved ones', async () => {
    const indexedDB = new IDBFactory();
    await versionTwoRecord(indexedDB, 5);
    const db = new InflowDatabase({ indexedDB, IDBKeyRange });

    await db.statements.add({ verb: 'completed', pack: 'p', module: 'new', timestamp: 'y' });

    expect(await statementCount(db)).toBe(6);
    expect((await readStatements(db)).map((s) => s.module)).toEqual([
      'm0',
      'm1',
      'm2',
      'm3',
      'm4',
      'new',
    ]);
  });

  it('should open an empty version 2 record with no pages', async () => {
    const indexedDB = new IDBFactory();
    await versionTwoRecord(indexedDB, 0);

    const db = new InflowDatabase({ indexedDB, IDBKeyRange });

    expect(await db.statementPages.count()).toBe(0);
    expect(await statementCount(db)).toBe(0);
  });
});
