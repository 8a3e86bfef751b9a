/**
 * Reads a backup file's text into a checked backup, or refuses it with a
 * `BackupError` that says what is wrong, where and what to do. Nothing here
 * writes: the whole file is checked before the import touches the record.
 */
import { backupSchema, type Backup } from './backup-format';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-layout';
import { BackupError, describeIssues } from './backup-problems';
import { scanJson } from './json-scan';

/** Far above any real record (100,000 statements take about 25 MB). */
export const MAX_BACKUP_CHARS = 300 * 1024 * 1024;

/** A backup nests four levels (file, table, row, a row's answers); leave room, not more. */
const MAX_DEPTH = 16;

/** The checked backup in `text`; throws `BackupError` when it is not one. */
export function readBackup(text: string): Backup {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  checkSize(json);
  checkShape(json);

  const data = parseJson(json);
  checkHeader(data);

  const result = backupSchema.safeParse(data);
  if (!result.success) {
    throw invalid(describeIssues(result.error.issues), result.error.issues.length);
  }

  const duplicates = findDuplicates(result.data);
  if (duplicates.length > 0) throw invalid(duplicates, duplicates.length);
  return result.data;
}

function checkSize(text: string): void {
  if (text.length <= MAX_BACKUP_CHARS) return;

  const size = `${Math.round(text.length / 1024 / 1024)} MB`;
  const limit = `${MAX_BACKUP_CHARS / 1024 / 1024} MB`;
  throw new BackupError('too-large', `The file is ${size}; backups are read up to ${limit}.`, [
    size,
    limit,
  ]);
}

function checkShape(text: string): void {
  const shape = scanJson(text, MAX_DEPTH);
  if (shape.ok && text.trim() !== '') return;

  if (shape.ok || shape.reason === 'truncated') {
    throw new BackupError('truncated', 'The file ends before the backup does (cut off?).');
  }
  const where = String(shape.offset);
  throw new BackupError(
    'too-deep',
    `The file nests more than ${MAX_DEPTH} levels deep (at character ${where}).`,
    [String(MAX_DEPTH), where],
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError('not-json', `The file is not JSON: ${detail}.`, [detail]);
  }
}

// Format and version first: a newer file deserves "update Inflow", not a list of
// fields this version does not know.
function checkHeader(data: unknown): void {
  const header = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupError(
      'not-backup',
      `The file is not an Inflow backup (no "format": "${BACKUP_FORMAT}").`,
    );
  }

  const { version } = header;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    const found = String(version);
    throw new BackupError(
      'newer',
      `The backup is format ${found}, from a newer Inflow; this one reads up to ${BACKUP_VERSION}. Update Inflow, then import again.`,
      [found, String(BACKUP_VERSION)],
    );
  }
}

function invalid(problems: string[], total: number): BackupError {
  const count = String(total);
  return new BackupError(
    'invalid',
    `The backup has problems: ${problems.join('; ')}.`,
    [count],
    problems,
  );
}

/** Rows that appear twice: the import would have to pick one, so it refuses instead. */
function findDuplicates(backup: Backup): string[] {
  return [
    ...duplicatesIn(backup.statements, 'statements', 'uuid'),
    ...duplicatesIn(backup.bookmarks, 'bookmarks', 'id'),
    ...duplicatesIn(backup.progress, 'progress', 'key'),
    ...duplicatesIn(backup.reviews, 'reviews', 'key'),
    ...duplicatesIn(backup.packs, 'packs', 'id'),
  ];
}

function duplicatesIn<Row, K extends keyof Row>(rows: readonly Row[], table: string, key: K) {
  const seen = new Map<Row[K], number>();
  const problems: string[] = [];

  rows.forEach((row, index) => {
    const first = seen.get(row[key]);
    if (first === undefined) seen.set(row[key], index);
    else
      problems.push(
        `${table}[${index}].${String(key)}: the same as ${table}[${first}]; each must appear once`,
      );
  });
  return problems;
}
