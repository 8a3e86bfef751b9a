/**
 * What the record holds, for "Your data": how many rows of each kind, and how much
 * of this device's storage the extension uses.
 */
import type { InflowDatabase } from './db';
import { statementCount } from './statement-pages';

export interface RecordSummary {
  statements: number;
  progress: number;
  reviews: number;
  bookmarks: number;
  packs: number;
  /** Bytes the extension's storage takes, as the browser estimates it; `null` if unknown. */
  bytes: number | null;
}

export async function recordSummary(db: InflowDatabase): Promise<RecordSummary> {
  const counts = await db.transaction(
    'r',
    [db.statements, db.statementPages, db.progress, db.reviews, db.bookmarks, db.packs],
    async () => ({
      statements: await statementCount(db),
      progress: await db.progress.count(),
      reviews: await db.reviews.count(),
      bookmarks: await db.bookmarks.count(),
      packs: await db.packs.count(),
    }),
  );
  return { ...counts, bytes: await storageUsage() };
}

async function storageUsage(): Promise<number | null> {
  try {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    return estimate?.usage ?? null;
  } catch {
    // Some browsers refuse estimates in private windows; the counts still stand.
    return null;
  }
}
