/**
 * The record as spreadsheets: progress per module, and bookmarks. Column names are
 * fixed English identifiers, so a sheet that reads them keeps working in any language.
 */
import type { Bookmark, InflowDatabase, ModuleProgress } from './db';
import { csvDocument, type CsvValue } from './csv';

export const PROGRESS_COLUMNS = [
  'pack',
  'module',
  'done',
  'done_at',
  'questions_answered',
  'questions_right',
  'updated_at',
] as const;

export const BOOKMARK_COLUMNS = [
  'created_at',
  'kind',
  'title',
  'url',
  'pack',
  'module',
  'selection',
  'note',
  'tags',
  'tool',
  'context',
  'updated_at',
] as const;

export function progressRow(progress: ModuleProgress): CsvValue[] {
  const answers = Object.values(progress.answers);
  return [
    progress.pack,
    progress.module,
    progress.done,
    progress.doneAt,
    answers.length,
    answers.filter(Boolean).length,
    progress.updatedAt,
  ];
}

export function bookmarkRow(bookmark: Bookmark): CsvValue[] {
  return [
    bookmark.createdAt,
    bookmark.kind,
    bookmark.title,
    bookmark.url,
    bookmark.pack,
    bookmark.module,
    bookmark.selection,
    bookmark.note,
    bookmark.tags?.join(', '),
    bookmark.toolName,
    bookmark.contextName,
    bookmark.updatedAt,
  ];
}

/** Progress per module, ordered by pack and module. */
export async function progressCsv(db: InflowDatabase): Promise<string> {
  const rows = await db.progress.orderBy('key').toArray();
  return csvDocument(PROGRESS_COLUMNS, rows.map(progressRow));
}

/** Bookmarks, oldest first. */
export async function bookmarksCsv(db: InflowDatabase): Promise<string> {
  const rows = await db.bookmarks.orderBy('createdAt').toArray();
  return csvDocument(BOOKMARK_COLUMNS, rows.map(bookmarkRow));
}
