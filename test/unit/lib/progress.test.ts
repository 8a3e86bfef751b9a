import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';

import { InflowDatabase } from '@/lib/db';
import { progressOf, recordAnswer, recordDone, recordOpened } from '@/lib/progress';

const lesson = { pack: 'inflow.salesforce', module: 'sf-price-objection' };

describe('learning progress', () => {
  let db: InflowDatabase;
  beforeEach(() => {
    db = new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  });

  it('should keep a lesson done, with a statement for each step', async () => {
    await recordOpened(db, lesson);
    await recordAnswer(db, lesson, { question: 'q1', response: [2], success: false });
    await recordAnswer(db, lesson, { question: 'q1', response: [0], success: true });
    await recordDone(db, lesson);

    const progress = (await progressOf(db, [lesson])).get('inflow.salesforce/sf-price-objection');
    const verbs = (await db.statements.orderBy('id').toArray()).map((s) => s.verb);

    expect(progress).toMatchObject({ done: true, answers: { q1: true } });
    expect(progress?.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(verbs).toEqual(['experienced', 'answered', 'answered', 'completed']);
  });

  it('should keep the first completion time when a lesson is marked done again', async () => {
    const first = await recordDone(db, lesson);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await recordDone(db, lesson);

    expect(second.doneAt).toBe(first.doneAt);
  });

  it('should survive a reopened database', async () => {
    const factory = new IDBFactory();
    const before = new InflowDatabase({ indexedDB: factory, IDBKeyRange });
    await recordDone(before, lesson);
    before.close();

    const after = new InflowDatabase({ indexedDB: factory, IDBKeyRange });
    const progress = await progressOf(after, [lesson, { pack: 'x', module: 'y' }]);

    expect([...progress.keys()]).toEqual(['inflow.salesforce/sf-price-objection']);
  });
});
