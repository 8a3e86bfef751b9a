import { describe, expect, it } from 'vitest';

import type { PagedStatement } from '@/lib/db';
import {
  appendStatements,
  readStatements,
  STATEMENT_PAGE,
  statementCount,
  statementIds,
} from '@/lib/statement-pages';

import { emptyDatabase } from './record-arbitraries';

function statements(from: number, count: number): PagedStatement[] {
  return Array.from({ length: count }, (_, index) => ({
    uuid: `00000000-0000-4000-8000-${String(from + index).padStart(12, '0')}`,
    verb: 'experienced',
    pack: 'p',
    module: `m${from + index}`,
    timestamp: '2026-01-01T00:00:00.000Z',
  }));
}

const modules = (list: readonly PagedStatement[]) => list.map((s) => s.module);

/** Appends in one read-write transaction over both tables, as an import does. */
function append(db: ReturnType<typeof emptyDatabase>, list: readonly PagedStatement[]) {
  return db.transaction('rw', db.statements, db.statementPages, () => appendStatements(db, list));
}

describe('the statements of the record', () => {
  it('should page appended statements, filling a last page left part full', async () => {
    const db = emptyDatabase();

    await append(db, statements(0, STATEMENT_PAGE + 50));
    await append(db, statements(STATEMENT_PAGE + 50, 180));
    const pages = await db.statementPages.toArray();

    expect(pages.map((page) => [page.at, page.statements.length])).toEqual([
      [0, STATEMENT_PAGE],
      [STATEMENT_PAGE, STATEMENT_PAGE],
      [2 * STATEMENT_PAGE, 30],
    ]);
    expect(modules(await readStatements(db))).toEqual(modules(statements(0, STATEMENT_PAGE + 230)));
  });

  it('should seal the statements recorded one by one before the appended ones', async () => {
    const db = emptyDatabase();
    await append(db, statements(0, 3));
    await db.statements.bulkAdd(statements(3, 2));

    await append(db, statements(5, 2));

    expect(await db.statements.count()).toBe(0);
    expect(modules(await readStatements(db))).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });

  it('should leave the record alone when there is nothing to append', async () => {
    const db = emptyDatabase();
    await db.statements.bulkAdd(statements(0, 2));

    await append(db, []);

    expect(await db.statements.count()).toBe(2);
    expect(await db.statementPages.count()).toBe(0);
  });

  it('should count and know every statement, paged or recorded one by one', async () => {
    const db = emptyDatabase();
    await append(db, statements(0, STATEMENT_PAGE + 1));
    await db.statements.bulkAdd(statements(STATEMENT_PAGE + 1, 4));

    const ids = await statementIds(db);

    expect(await statementCount(db)).toBe(STATEMENT_PAGE + 5);
    expect(ids.size).toBe(STATEMENT_PAGE + 5);
    expect(ids.has(statements(0, 1)[0]!.uuid)).toBe(true);
    expect(ids.has(statements(STATEMENT_PAGE + 4, 1)[0]!.uuid)).toBe(true);
  });
});
