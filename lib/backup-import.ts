/**
 * Writes a checked backup into the record, in one transaction: all of it or none.
 * Importing merges: a statement is added when its UUID is new; any other row is
 * added when new and replaces the local one only when it was changed later. The
 * learner's identity is the file's, so a restore names the learner as before. So
 * the same file imported twice changes nothing, and a restore into an empty record
 * gives back exactly what was exported.
 */
import type { Table } from 'dexie';

import type { Backup } from './backup-format';
import { BACKUP_TABLES, type BackupTable } from './backup-layout';
import { readBackup } from './backup-read';
import { canonicalJson } from './canonical-json';
import type { InflowDatabase, Learner } from './db';
import { appendStatements, statementIds } from './statement-pages';

export interface TableOutcome {
  added: number;
  updated: number;
}

export type ImportSummary = Record<BackupTable | 'learner', TableOutcome>;

interface Dated {
  updatedAt: string;
}

/** Checks `text` completely (throws `BackupError`), then imports it. */
export async function importBackupText(db: InflowDatabase, text: string): Promise<ImportSummary> {
  return importBackup(db, readBackup(text));
}

/** Imports a checked backup; see the module comment for how rows merge. */
export function importBackup(db: InflowDatabase, backup: Backup): Promise<ImportSummary> {
  const tables = [db.learner, db.statementPages, ...BACKUP_TABLES.map((name) => db[name])];

  return db.transaction('rw', tables, async () => {
    const learner = backup.learner ? await restoreLearner(db, backup.learner) : none();

    return {
      learner,
      packs: await mergeRows(db.packs, backup.packs, 'id'),
      progress: await mergeRows(db.progress, backup.progress, 'key'),
      reviews: await mergeRows(db.reviews, backup.reviews, 'key'),
      bookmarks: await mergeRows(db.bookmarks, backup.bookmarks, 'id'),
      statements: await addNewStatements(db, backup.statements),
    };
  });
}

// A new device makes an anonymous account the moment a page opens; the backup's
// account must still win, or a restored learner would appear as someone else.
async function restoreLearner(db: InflowDatabase, learner: Learner): Promise<TableOutcome> {
  const local = await db.learner.get('me');
  if (local && canonicalJson(local) === canonicalJson(learner)) return none();

  await db.learner.put(learner);
  return local ? { added: 0, updated: 1 } : { added: 1, updated: 0 };
}

function none(): TableOutcome {
  return { added: 0, updated: 0 };
}

async function mergeRows<Row extends Dated, Key, Insert extends Dated>(
  table: Table<Row, Key, Insert>,
  rows: readonly Insert[],
  key: keyof Insert & string,
): Promise<TableOutcome> {
  const local = await table.bulkGet(rows.map((row) => row[key] as Key));
  const added = rows.filter((_, index) => !local[index]);
  const updated = rows.filter((row, index) => {
    const mine = local[index];
    return mine !== undefined && Date.parse(row.updatedAt) > Date.parse(mine.updatedAt);
  });

  await table.bulkPut([...added, ...updated]);
  return { added: added.length, updated: updated.length };
}

// Statements only ever accumulate: a known UUID is the same event, already recorded.
async function addNewStatements(
  db: InflowDatabase,
  statements: Backup['statements'],
): Promise<TableOutcome> {
  const known = await statementIds(db);
  const added = statements.filter((statement) => !known.has(statement.uuid));

  await appendStatements(db, added);
  return { added: added.length, updated: 0 };
}
