import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  annotateBookmark,
  bookmarksNewestFirst,
  removeBookmark,
  restoreBookmark,
  saveLesson,
  savePage,
} from '@/lib/bookmarks';
import type { PageDraft } from '@/lib/bookmark-draft';
import { InflowDatabase, type Bookmark } from '@/lib/db';

let db: InflowDatabase;

beforeEach(() => {
  db = new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
});

async function pageSaved(draft: PageDraft): Promise<Bookmark> {
  const { bookmark, alreadySaved } = await savePage(db, draft);
  expect(alreadySaved).toBe(false);
  return bookmark;
}

describe('the bookmarks', () => {
  it('should list the newest first, lessons and pages together', async () => {
    const first = await pageSaved({ url: 'https://example.org/1', title: 'One' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const lesson = await saveLesson(db, {
      pack: 'inflow.salesforce',
      module: 'price-objection',
      title: 'Handling a price objection',
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const last = await pageSaved({ url: 'https://example.org/3', title: 'Three' });

    expect((await bookmarksNewestFirst(db)).map((each) => each.id)).toEqual([
      last.id,
      lesson.id,
      first.id,
    ]);
  });

  it('should change the note and tags, cleaned as when saved, and nothing else', async () => {
    const saved = await pageSaved({
      url: 'https://example.org/',
      title: 'Page',
      selection: 'Kept',
      note: 'Old note',
      tags: ['old'],
    });

    const changed = await annotateBookmark(db, saved.id, {
      note: '  New\u0000 note  ',
      tags: 'Pricing, pricing, renewals',
    });

    expect(changed).toEqual({
      ...saved,
      note: 'New note',
      tags: ['Pricing', 'renewals'],
      updatedAt: expect.any(String),
    });
    expect(await db.bookmarks.get(saved.id)).toEqual(changed);
  });

  it('should drop a note and tags emptied in the form', async () => {
    const saved = await pageSaved({ url: 'https://example.org/', note: 'x', tags: ['y'] });

    await annotateBookmark(db, saved.id, { note: '  ', tags: ' , ' });

    const stored = await db.bookmarks.get(saved.id);
    expect(stored).not.toHaveProperty('note');
    expect(stored).not.toHaveProperty('tags');
  });

  it('should say a bookmark deleted meanwhile is gone rather than bring it back', async () => {
    const saved = await pageSaved({ url: 'https://example.org/' });
    await removeBookmark(db, saved.id);

    expect(await annotateBookmark(db, saved.id, { note: 'late' })).toBeUndefined();
    expect(await db.bookmarks.count()).toBe(0);
  });

  it('should put a deleted bookmark back exactly as it was', async () => {
    const saved = await pageSaved({
      url: 'https://example.org/',
      title: 'Page',
      selection: 'Quote',
      note: 'Note',
      tags: ['tag'],
    });
    await removeBookmark(db, saved.id);

    await restoreBookmark(db, saved);

    expect(await db.bookmarks.toArray()).toEqual([saved]);
  });

  it('should keep a page once, and say so when it is saved again', async () => {
    const saved = await pageSaved({ url: 'https://example.org/a#top', title: 'Page' });
    await annotateBookmark(db, saved.id, { note: 'Mine', tags: 'kept' });

    const again = await savePage(db, { url: 'https://example.org/a#top', title: 'Page, renamed' });

    expect(again.alreadySaved).toBe(true);
    expect(again.bookmark).toMatchObject({ id: saved.id, title: 'Page', note: 'Mine' });
    expect(await db.bookmarks.count()).toBe(1);
  });

  it('should keep each selection of a page apart, and the page without one', async () => {
    const url = 'https://example.org/guide';
    await pageSaved({ url, selection: 'First quote' });
    await pageSaved({ url, selection: 'Second quote' });
    await pageSaved({ url });
    await pageSaved({ url: `${url}?page=2`, selection: 'First quote' });

    expect((await savePage(db, { url, selection: ' First quote ' })).alreadySaved).toBe(true);
    expect((await savePage(db, { url })).alreadySaved).toBe(true);
    expect(await db.bookmarks.count()).toBe(4);
  });

  it('should not take a saved lesson for a saved page', async () => {
    await saveLesson(db, { pack: 'inflow.salesforce', module: 'price-objection', title: 'Price' });

    expect((await savePage(db, { title: 'Price', selection: 'Quote' })).alreadySaved).toBe(false);
  });
});
