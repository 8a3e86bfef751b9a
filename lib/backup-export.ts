/**
 * Writes the full backup: the whole record, read in one transaction so the file
 * is a consistent picture, a batch of rows at a time into one downloadable file.
 * One row a line, keys sorted, statements in the order they happened: the same
 * record always gives the same bytes.
 */
import type { Table } from 'dexie';

import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupTable } from './backup-layout';
import { canonicalJson } from './canonical-json';
import type { InflowDatabase } from './db';
import { statementBatches } from './statement-pages';
import { batchesOf } from './table-batches';

/** Rows read from IndexedDB at a time: bounds the memory an export holds at once. */
const BATCH = 2000;

/** Takes the text of a file as it is made, a piece at a time. */
export type Sink = (text: string) => void;

/** Writes the backup's text to `sink`, in order. */
export function writeBackup(db: InflowDatabase, sink: Sink): Promise<void> {
  const tables = [db.learner, db.statementPages, ...BACKUP_TABLES.map((name) => db[name])];

  return db.transaction('r', tables, async () => {
    const learner = (await db.learner.get('me')) ?? null;
    sink(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},\n`);
    sink(`"learner":${canonicalJson(learner)},\n`);

    for (const name of BACKUP_TABLES) {
      sink(`${JSON.stringify(name)}:[`);
      await writeRows(rowsOf(db, name), sink);
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

function rowsOf(db: InflowDatabase, name: BackupTable): AsyncGenerator<object[]> {
  return name === 'statements' ? statementBatches(db) : batchesOf(db[name] as Table<object>, BATCH);
}

async function writeRows(batches: AsyncGenerator<object[]>, sink: Sink): Promise<void> {
  let first = true;

  for await (const batch of batches) {
    sink(`${first ? '\n' : ',\n'}${batch.map((row) => canonicalJson(row)).join(',\n')}`);
    first = false;
  }
}
