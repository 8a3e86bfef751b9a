/**
 * Bookmarks: lessons and pages the learner saved to find again. Saving a lesson
 * also records a `bookmarked` statement, in the same transaction.
 */
import { cleanAnnotations, pageBookmark, type PageDraft } from './bookmark-draft';
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

/** A page bookmark as saved, and whether the same one was kept already. */
export interface SavedPage {
  bookmark: Bookmark;
  alreadySaved: boolean;
}

/**
 * Saves a page, with the text selected on it, a note, tags and the detected place
 * when given. Everything is checked and cut to its limit first (see bookmark-draft.ts).
 * The same address with the same selection (or none) is kept once: saving it again
 * returns the bookmark it has, with its note and tags, as a browser's star does.
 */
export function savePage(db: InflowDatabase, page: PageDraft): Promise<SavedPage> {
  const now = new Date().toISOString();
  const bookmark = pageBookmark(page, { id: crypto.randomUUID(), now });

  return db.transaction('rw', db.bookmarks, async () => {
    // A person's own saves are few: a scan spares an index, and the new database
    // version an index would need.
    const saved = await db.bookmarks.filter((other) => isSamePage(other, bookmark)).first();
    if (saved) return { bookmark: saved, alreadySaved: true };

    await db.bookmarks.add(bookmark);
    return { bookmark, alreadySaved: false };
  });
}

function isSamePage(a: Bookmark, b: Bookmark): boolean {
  return a.kind === 'page' && a.url === b.url && a.selection === b.selection;
}

/** Every bookmark, the newest first. */
export function bookmarksNewestFirst(db: InflowDatabase): Promise<Bookmark[]> {
  return db.bookmarks.orderBy('createdAt').reverse().toArray();
}

/**
 * Changes a bookmark's note and tags, checked as when it was saved. Returns the
 * bookmark as stored, or `undefined` when it is gone (deleted in another window).
 */
export function annotateBookmark(
  db: InflowDatabase,
  id: string,
  annotations: Pick<PageDraft, 'note' | 'tags'>,
): Promise<Bookmark | undefined> {
  return db.transaction('rw', db.bookmarks, async () => {
    const bookmark = await db.bookmarks.get(id);
    if (!bookmark) return undefined;

    const { note, tags, ...rest } = bookmark;
    const changed: Bookmark = {
      ...rest,
      ...cleanAnnotations(annotations),
      updatedAt: new Date().toISOString(),
    };
    await db.bookmarks.put(changed);
    return changed;
  });
}

export function removeBookmark(db: InflowDatabase, id: string): Promise<void> {
  return db.transaction('rw', db.bookmarks, () => db.bookmarks.delete(id));
}

/** Puts a deleted bookmark back as it was, for "Undo". */
export function restoreBookmark(db: InflowDatabase, bookmark: Bookmark): Promise<void> {
  return db.transaction('rw', db.bookmarks, async () => {
    await db.bookmarks.put(bookmark);
  });
}
