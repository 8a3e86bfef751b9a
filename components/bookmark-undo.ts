import { useEffect, useState } from 'preact/hooks';

import { removeBookmark, restoreBookmark } from '@/lib/bookmarks';
import type { Bookmark } from '@/lib/db';

import { useDatabase } from './database-context';

/** How long "Undo" is offered after a delete. */
export const UNDO_MS = 10_000;

export interface UndoableDelete {
  /** The bookmark just deleted, while it can be put back. */
  deleted: Bookmark | null;
  remove: (bookmark: Bookmark) => Promise<void>;
  /** Puts the deleted bookmark back as it was; resolves to it. */
  undo: () => Promise<Bookmark | null>;
}

/**
 * Deletes a bookmark at once and keeps it in memory for ten seconds, so one slip
 * loses nothing. A second delete makes the first final.
 */
export function useUndoableDelete(): UndoableDelete {
  const db = useDatabase();
  const [deleted, setDeleted] = useState<Bookmark | null>(null);

  useEffect(() => {
    if (!deleted) return undefined;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const remove = async (bookmark: Bookmark) => {
    await removeBookmark(db, bookmark.id);
    setDeleted(bookmark);
  };

  const undo = async () => {
    if (!deleted) return null;
    await restoreBookmark(db, deleted);
    setDeleted(null);
    return deleted;
  };

  return { deleted, remove, undo };
}
