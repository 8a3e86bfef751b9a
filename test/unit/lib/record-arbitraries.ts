/**
 * Random learners' records for property tests: every kind of row, with the full
 * range of text (any Unicode, lone surrogates included) and of numbers a row can hold.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';

import type { Backup } from '@/lib/backup-format';
import { InflowDatabase } from '@/lib/db';
import { appendStatements, readStatements } from '@/lib/statement-pages';

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/);
const instant = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString());
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const count = fc.nat({ max: 1_000_000 });
// -0 would come back from JSON as 0; the record never holds it.
const real = (max: number) => fc.double({ min: 0, max, noNaN: true }).map((value) => value + 0);

const statement = fc.record(
  {
    uuid: fc.uuid(),
    verb: fc.constantFrom(
      'experienced',
      'answered',
      'completed',
      'passed',
      'failed',
      'bookmarked',
    ) as fc.Arbitrary<Backup['statements'][number]['verb']>,
    pack: slug,
    module: slug,
    question: slug,
    response: fc.array(fc.nat({ max: 7 }), { maxLength: 4 }),
    success: fc.boolean(),
    score: fc.record({ raw: count, max: count }),
    durationMs: count,
    timestamp: instant,
  },
  { requiredKeys: ['uuid', 'verb', 'pack', 'module', 'timestamp'] },
);

const progress = fc
  .record(
    {
      pack: slug,
      module: slug,
      done: fc.boolean(),
      doneAt: instant,
      answers: fc.dictionary(slug, fc.boolean(), { maxKeys: 4 }),
      updatedAt: instant,
    },
    { requiredKeys: ['pack', 'module', 'done', 'answers', 'updatedAt'] },
  )
  .map((row) => ({ key: `${row.pack}/${row.module}`, ...row }));

const review = fc
  .record(
    {
      pack: slug,
      module: slug,
      question: slug,
      state: fc.constantFrom('new', 'learning', 'review', 'relearning') as fc.Arbitrary<
        Backup['reviews'][number]['state']
      >,
      due: instant,
      stability: real(1e6),
      difficulty: real(10),
      reps: count,
      lapses: count,
      lastReview: instant,
      updatedAt: instant,
    },
    { requiredKeys: ['pack', 'module', 'question', 'state', 'due', 'stability', 'difficulty'] },
  )
  .map((row) => ({
    key: `${row.pack}/${row.module}/${row.question}`,
    reps: 0,
    lapses: 0,
    updatedAt: row.due,
    ...row,
  }));

const bookmark = fc.record(
  {
    id: fc.uuid(),
    kind: fc.constantFrom('lesson', 'page') as fc.Arbitrary<'lesson' | 'page'>,
    title: anyText(40),
    pack: slug,
    module: slug,
    url: fc.webUrl(),
    selection: anyText(80),
    note: anyText(80),
    createdAt: instant,
    updatedAt: instant,
  },
  { requiredKeys: ['id', 'kind', 'title', 'createdAt', 'updatedAt'] },
);

const pack = fc.record(
  {
    id: slug,
    name: anyText(30),
    version: fc.constantFrom('1.0.0', '2.3.4'),
    source: fc.oneof(fc.constant('bundled'), fc.webUrl()),
    installedAt: instant,
    updatedAt: instant,
    origin: fc.constantFrom('policy' as const, 'learner' as const, 'file' as const),
    pack: fc.dictionary(slug, anyText(20), { maxKeys: 3 }),
    etag: anyText(20),
    lastModified: anyText(30),
    lastCheckedAt: instant,
    lastSuccessAt: instant,
    lastError: anyText(40),
  },
  { requiredKeys: ['id', 'name', 'version', 'source', 'installedAt', 'updatedAt'] },
);

const learner = fc.option(
  fc.record(
    {
      id: fc.constant('me' as const),
      account: fc.uuid(),
      email: fc.stringMatching(/^[a-z][a-z0-9]{0,8}@[a-z]{1,8}\.(com|org|de)$/),
      updatedAt: instant,
    },
    { requiredKeys: ['id', 'account', 'updatedAt'] },
  ),
);

/** A whole record, as a backup holds it (statements in the order they happened). */
export const randomRecord: fc.Arbitrary<Omit<Backup, 'format' | 'version'>> = fc.record({
  learner,
  packs: fc.uniqueArray(pack, { selector: (row) => row.id, maxLength: 4 }),
  progress: fc.uniqueArray(progress, { selector: (row) => row.key, maxLength: 12 }),
  reviews: fc.uniqueArray(review, { selector: (row) => row.key, maxLength: 8 }),
  bookmarks: fc.uniqueArray(bookmark, { selector: (row) => row.id, maxLength: 8 }),
  statements: fc.uniqueArray(statement, { selector: (row) => row.uuid, maxLength: 30 }),
});

export function emptyDatabase(): InflowDatabase {
  return new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
}

/**
 * A database holding `record`, written as the extension would: the first `paged`
 * statements (half by default) as an import pages them, the rest recorded one by one.
 */
export async function databaseWith(
  record: Omit<Backup, 'format' | 'version'>,
  paged = Math.floor(record.statements.length / 2),
): Promise<InflowDatabase> {
  const db = emptyDatabase();
  await db.transaction('rw', db.tables, async () => {
    if (record.learner) await db.learner.put(record.learner);
    await db.packs.bulkPut(record.packs);
    await db.progress.bulkPut(record.progress);
    await db.reviews.bulkPut(record.reviews);
    await db.bookmarks.bulkPut(record.bookmarks);
    await appendStatements(db, record.statements.slice(0, paged));
    await db.statements.bulkAdd(record.statements.slice(paged));
  });
  return db;
}

/** Everything a database holds, statements in order, wherever they are kept. */
export async function contentsOf(db: InflowDatabase) {
  return {
    learner: (await db.learner.get('me')) ?? null,
    packs: await db.packs.toArray(),
    progress: await db.progress.toArray(),
    reviews: await db.reviews.toArray(),
    bookmarks: await db.bookmarks.toArray(),
    statements: await readStatements(db),
  };
}
