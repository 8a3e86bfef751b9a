/**
 * Bookmarks: lessons and pages the learner saved to find again. Saving a lesson
 * also records a `bookmarked` statement, in the same transaction.
 */
import type { Bookmark, InflowDatabase } from './db';
import type { ModuleRef } from './progress';

/** The bookmark of a lesson, if it is saved. */
export function lessonBookmark(db: InflowDatabase, ref: ModuleRef): Promise<Bookmark | undefined> {
  return db.bookmarks.where('[pack+module]').equals([ref.pack, ref.module]).first();
}

/** Saves a lesson (once: saving it again returns the bookmark it has). */
export function saveLesson(
  db: InflowDatabase,
  lesson: ModuleRef & { title: string },
): Promise<Bookmark> {
  const { pack, module, title } = lesson;

  return db.transaction('rw', db.bookmarks, db.statements, async () => {
    const saved = await lessonBookmark(db, lesson);
    if (saved) return saved;

    const now = new Date().toISOString();
    const bookmark: Bookmark = {
      id: crypto.randomUUID(),
      kind: 'lesson',
      title,
      pack,
      module,
      createdAt: now,
      updatedAt: now,
    };
    await db.bookmarks.add(bookmark);
    await db.statements.add({ verb: 'bookmarked', pack, module, timestamp: now });
    return bookmark;
  });
}

/** Saves a page, with the text selected on it and a note when given. */
export async function savePage(
  db: InflowDatabase,
  page: { url: string; title: string; selection?: string; note?: string },
): Promise<Bookmark> {
  const now = new Date().toISOString();
  const bookmark: Bookmark = {
    id: crypto.randomUUID(),
    kind: 'page',
    ...page,
    createdAt: now,
    updatedAt: now,
  };

  await db.transaction('rw', db.bookmarks, () => db.bookmarks.add(bookmark));
  return bookmark;
}

export function removeBookmark(db: InflowDatabase, id: string): Promise<void> {
  return db.transaction('rw', db.bookmarks, () => db.bookmarks.delete(id));
}
