/**
 * Where the record keeps its statements. IndexedDB's cost is per row, not per
 * byte: in Chromium 156, 100,000 statements as rows take about 10 s to write and
 * as 500 rows of 200 statements about 0.1 s. So a statement recorded in the panel
 * is one row of `statements` (one small write, as it happens), and an import seals
 * those rows, with the statements it adds, into `statementPages`.
 *
 * The record's order is every page by position, then every row by id: the order
 * in which statements were recorded or imported. Functions here that read or write
 * both tables run inside the caller's transaction over both.
 */
import type { InflowDatabase, PagedStatement, Statement, StatementPage } from './db';
import { batchesOf } from './table-batches';

/**
 * Statements a page holds. A page of usual statements (about 40 kB) stays below
 * 64 kB, past which Chromium stores an IndexedDB value as a file of its own.
 */
export const STATEMENT_PAGE = 200;

/** Statements read at a time: bounds what a reader holds at once. */
const BATCH = 2 * STATEMENT_PAGE;

type StatementTables = Pick<InflowDatabase, 'statements' | 'statementPages'>;

/** `statements` as pages whose positions start at `at`, the order kept. */
export function paginate(statements: readonly Statement[], at: number): StatementPage[] {
  const pages: StatementPage[] = [];

  for (let from = 0; from < statements.length; from += STATEMENT_PAGE) {
    const slice = statements.slice(from, from + STATEMENT_PAGE);
    pages.push({ at: at + from, statements: slice.map(withoutId) });
  }
  return pages;
}

/** How many statements the record holds, reading one page at most. */
export async function statementCount(db: StatementTables): Promise<number> {
  return endOf(await lastPage(db)) + (await db.statements.count());
}

/** The record's statements in order, a batch at a time. */
export async function* statementBatches(db: StatementTables): AsyncGenerator<PagedStatement[]> {
  for await (const pages of pageBatches(db)) {
    yield pages.flatMap((page) => page.statements);
  }
  for await (const rows of batchesOf(db.statements, BATCH)) {
    yield rows.map(withoutId);
  }
}

/**
 * The record's timestamps from the newest recorded back, for a reader that stops
 * early (the streak of days): rows first, then pages, each read only as needed.
 */
export async function* timestampsNewestFirst(db: StatementTables): AsyncGenerator<string> {
  const rows = await db.statements.orderBy(':id').reverse().toArray();
  for (const row of rows) yield row.timestamp;

  let before = Infinity;
  for (;;) {
    const pages = await db.statementPages.where(':id').below(before).reverse().limit(2).toArray();
    if (pages.length === 0) return;
    for (const page of pages) {
      for (let at = page.statements.length - 1; at >= 0; at--) yield page.statements[at]!.timestamp;
    }
    before = pages.at(-1)!.at;
  }
}

/** The record's statements in order, all at once: for small records and tests. */
export async function readStatements(db: StatementTables): Promise<PagedStatement[]> {
  const all: PagedStatement[] = [];
  for await (const batch of statementBatches(db)) all.push(...batch);
  return all;
}

/** The UUID of every statement in the record. */
export async function statementIds(db: StatementTables): Promise<Set<string>> {
  const ids = new Set(await db.statements.orderBy('uuid').keys()) as Set<string>;
  for await (const pages of pageBatches(db)) {
    for (const page of pages) for (const statement of page.statements) ids.add(statement.uuid);
  }
  return ids;
}

/**
 * Adds `statements` after the record's own, as pages: the rows recorded since the
 * last import go first, and a last page left part full is filled up.
 */
export async function appendStatements(
  db: StatementTables,
  statements: readonly PagedStatement[],
): Promise<void> {
  if (statements.length === 0) return;

  const last = await lastPage(db);
  const open = last && last.statements.length < STATEMENT_PAGE ? last : undefined;
  const recorded = await db.statements.orderBy(':id').toArray();
  const start = open?.at ?? endOf(last);

  await db.statementPages.bulkPut(
    paginate([...(open?.statements ?? []), ...recorded, ...statements], start),
  );
  await db.statements.clear();
}

function pageBatches(db: StatementTables): AsyncGenerator<StatementPage[]> {
  return batchesOf(db.statementPages, BATCH / STATEMENT_PAGE);
}

function lastPage(db: StatementTables): Promise<StatementPage | undefined> {
  return db.statementPages.orderBy(':id').last();
}

/** The position after the last paged statement: how many statements are paged. */
function endOf(last: StatementPage | undefined): number {
  return last ? last.at + last.statements.length : 0;
}

// The local id belongs to the row; a page keys statements by position instead.
function withoutId(statement: Statement): PagedStatement {
  const { id: _local, ...rest } = statement;
  return rest as PagedStatement;
}
