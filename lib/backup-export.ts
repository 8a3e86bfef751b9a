/**
 * Writes the full backup: the whole record, read in one transaction so the file
 * is a consistent picture, a page of rows at a time into one downloadable file.
 * One row a line, keys sorted, statements in the order they happened: the same
 * record always gives the same bytes.
 */
import type { Table } from 'dexie';

import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupTable } from './backup-layout';
import { canonicalJson } from './canonical-json';
import type { InflowDatabase, Statement } from './db';

/** Rows read from IndexedDB at a time: bounds the memory an export holds at once. */
const PAGE = 2000;

/** Takes the text of a file as it is made, a piece at a time. */
export type Sink = (text: string) => void;

/** Writes the backup's text to `sink`, in order. */
export function writeBackup(db: InflowDatabase, sink: Sink): Promise<void> {
  const tables = BACKUP_TABLES.map((name) => db[name]);

  return db.transaction('r', [db.learner, ...tables], async () => {
    const learner = (await db.learner.get('me')) ?? null;
    sink(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},\n`);
    sink(`"learner":${canonicalJson(learner)},\n`);

    for (const name of BACKUP_TABLES) {
      sink(`${JSON.stringify(name)}:[`);
      await writeRows(db[name] as Table, name, sink);
      sink(name === BACKUP_TABLES.at(-1) ? '\n]}\n' : '\n],\n');
    }
  });
}

/** The backup's text, in pieces (join them). */
export async function backupChunks(db: InflowDatabase): Promise<string[]> {
  const chunks: string[] = [];
  await writeBackup(db, (text) => chunks.push(text));
  return chunks;
}

/** The backup as a file to download. */
export function backupFile(db: InflowDatabase): Promise<Blob> {
  return fileOf((sink) => writeBackup(db, sink), 'application/json');
}

/**
 * A file made by `write`. Each piece becomes a Blob at once: browsers keep Blob
 * data outside the page's heap (Chromium in its browser process, on disk when
 * large), so a page never holds a whole large export as strings.
 */
export async function fileOf(write: (sink: Sink) => Promise<void>, type: string): Promise<Blob> {
  const parts: Blob[] = [];
  await write((text) => parts.push(new Blob([text])));
  return new Blob(parts, { type });
}

async function writeRows(table: Table, name: BackupTable, sink: Sink): Promise<void> {
  let first = true;

  for await (const page of pagesOf(table)) {
    const rows = page.map((row) => canonicalJson(name === 'statements' ? withoutId(row) : row));
    sink(`${first ? '\n' : ',\n'}${rows.join(',\n')}`);
    first = false;
  }
}

/** A table's rows in primary-key order, a page at a time. */
export async function* pagesOf<Row>(table: Table<Row>, size = PAGE): AsyncGenerator<Row[]> {
  let page = await table.orderBy(':id').limit(size).toArray();

  while (page.length > 0) {
    yield page;
    if (page.length < size) return;

    const last = keyOf(table, page.at(-1)!);
    page = await table.where(':id').above(last).limit(size).toArray();
  }
}

function keyOf(table: Table, row: unknown): string | number {
  return (row as Record<string, string | number>)[table.schema.primKey.keyPath as string]!;
}

// The local auto-increment id is this database's business; the UUID identifies a statement.
function withoutId(statement: Statement): Omit<Statement, 'id'> {
  const { id: _local, ...rest } = statement;
  return rest;
}
