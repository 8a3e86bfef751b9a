import { t } from '@/lib/i18n';
import type { Suggestion } from '@/rules/engine';

import { useDatabase } from './database-context';
import { Notice } from './notice';
import { useLive } from './use-live';

/** The learner's bookmarks, newest first. */
export function BookmarksView({ onOpenLesson }: { onOpenLesson: (lesson: Suggestion) => void }) {
  const db = useDatabase();
  const bookmarks = useLive(() => db.bookmarks.orderBy('createdAt').reverse().toArray(), [db], []);

  if (bookmarks === undefined) return <Notice testId="bookmarks-loading">{t('loading')}</Notice>;

  return (
    <div class="page" data-testid="bookmarks-view">
      <h1 class="page-title">{t('bookmarksTitle')}</h1>
      {bookmarks.length === 0 ? (
        <Notice testId="no-bookmarks">{t('noBookmarks')}</Notice>
      ) : (
        <ul class="lessons">
          {bookmarks.map((bookmark) => (
            <li key={bookmark.id} class="lesson" data-testid="bookmark">
              {bookmark.pack && bookmark.module ? (
                <button
                  type="button"
                  class="lesson-open"
                  onClick={() =>
                    onOpenLesson({
                      pack: bookmark.pack!,
                      module: bookmark.module!,
                      title: bookmark.title,
                      minutes: 1,
                      kind: 'lesson',
                      why: t('bookmarkWhy'),
                    })
                  }
                >
                  <span class="lesson-title" dir="auto">
                    {bookmark.title}
                  </span>
                </button>
              ) : (
                <p class="lesson-title" dir="auto">
                  {bookmark.title}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
