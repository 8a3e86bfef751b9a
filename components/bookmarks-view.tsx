import { useEffect, useRef, useState } from 'preact/hooks';

import { annotateBookmark, bookmarksNewestFirst } from '@/lib/bookmarks';
import type { Bookmark } from '@/lib/db';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { noteRecordFailure, noteRecordSuccess } from '@/lib/record-health';
import type { Suggestion } from '@/rules/engine';

import type { Annotations } from './bookmark-editor';
import { BookmarkItem, sameTag } from './bookmark-item';
import { lessonOf, openPage, pageAddressOf } from './bookmark-open';
import { BookmarkTagFilter, tagsOf } from './bookmark-tag-filter';
import { useUndoableDelete } from './bookmark-undo';
import './bookmarks.css';
import { useDatabase } from './database-context';
import { LiveRegion } from './live-region';
import { Notice } from './notice';
import { useCatalogue } from './use-catalogue';
import { useLive } from './use-live';

/**
 * The learner's bookmarks, newest first, kept current as bookmarks are saved from
 * the context menu, the shortcut or another panel: open, edit the note and tags,
 * delete with Undo, and filter by tag.
 */
export function BookmarksView({ onOpenLesson }: { onOpenLesson: (lesson: Suggestion) => void }) {
  const db = useDatabase();
  const bookmarks = useLive(() => bookmarksNewestFirst(db), [db], null);
  const [filter, setFilter] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const removal = useUndoableDelete();
  const heading = useRef<HTMLHeadingElement>(null);
  const catalogue = useCatalogue();

  const open = (bookmark: Bookmark) => {
    const known =
      catalogue.status === 'ready'
        ? catalogue.catalogue.modules.find(
            (each) => each.pack === bookmark.pack && each.module === bookmark.module,
          )
        : undefined;
    const lesson = lessonOf(bookmark, known);
    if (lesson) return onOpenLesson(lesson);

    const url = pageAddressOf(bookmark);
    if (!url) return;
    openPage(url).catch((error: unknown) => {
      logger.warn('Could not open the bookmarked page', error);
      setMessage(t('bookmarkOpenFailed'));
    });
  };

  const annotate = async (bookmark: Bookmark, annotations: Annotations) => {
    try {
      await annotateBookmark(db, bookmark.id, annotations);
      noteRecordSuccess();
      setMessage(t('bookmarkChangesSaved'));
    } catch (error) {
      noteRecordFailure(error);
      throw error;
    }
  };

  const remove = async (bookmark: Bookmark) => {
    setFocusId(null);
    try {
      await removal.remove(bookmark);
      setMessage(t('bookmarkDeleted'));
    } catch (error) {
      noteRecordFailure(error);
      setMessage(t('bookmarkDeleteFailed'));
    }
  };

  const undo = async () => {
    try {
      const restored = await removal.undo();
      if (restored) setFocusId(restored.id);
      setMessage(t('bookmarkRestored'));
    } catch (error) {
      noteRecordFailure(error);
      setMessage(t('bookmarkNotSaved'));
    }
  };

  const tags = bookmarks ? tagsOf(bookmarks) : [];
  // A tag no bookmark has any more (its last one edited or deleted) filters nothing.
  const activeFilter = tags.find((tag) => sameTag(tag, filter)) ?? null;
  const shown = (bookmarks ?? []).filter(
    (bookmark) => !activeFilter || (bookmark.tags ?? []).some((tag) => sameTag(tag, activeFilter)),
  );

  return (
    <div class="page bookmarks" data-testid="bookmarks-view">
      <h1 ref={heading} class="page-title" tabIndex={-1}>
        {t('bookmarksTitle')}
      </h1>
      <LiveRegion message={message} />
      {removal.deleted && <UndoBar onUndo={() => void undo()} heading={heading} />}
      {bookmarks === undefined && <Notice testId="bookmarks-loading">{t('loading')}</Notice>}
      {bookmarks === null && <Notice testId="bookmarks-failed">{t('bookmarksFailed')}</Notice>}
      {bookmarks?.length === 0 && <Notice testId="no-bookmarks">{t('noBookmarks')}</Notice>}
      {bookmarks && bookmarks.length > 0 && (
        <>
          <BookmarkTagFilter
            tags={tags}
            current={activeFilter}
            onChange={(tag) => {
              setFocusId(null);
              setFilter(tag);
            }}
          />
          <ul class="bookmark-list" data-testid="bookmark-list">
            {shown.map((bookmark) => (
              <BookmarkItem
                key={bookmark.id}
                bookmark={bookmark}
                filter={activeFilter}
                focused={bookmark.id === focusId}
                onOpen={open}
                onAnnotate={annotate}
                onDelete={(each) => void remove(each)}
                onFilter={(tag) => setFilter(sameTag(tag, activeFilter) ? null : tag)}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface UndoBarProps {
  onUndo: () => void;
  heading: { current: HTMLHeadingElement | null };
}

/**
 * "Bookmark deleted. Undo": Undo takes focus, so Enter right after a slip puts the
 * bookmark back. When the offer ends with focus on it, focus goes to the heading
 * instead of being lost.
 */
function UndoBar({ onUndo, heading }: UndoBarProps) {
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    button.current?.focus();
    return () => {
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost) heading.current?.focus();
    };
  }, []);

  return (
    <div class="bookmark-undo" data-testid="bookmark-undo">
      <p>{t('bookmarkDeleted')}</p>
      <button
        ref={button}
        type="button"
        class="button"
        data-testid="bookmark-undo-button"
        onClick={onUndo}
      >
        {t('bookmarkUndo')}
      </button>
    </div>
  );
}
