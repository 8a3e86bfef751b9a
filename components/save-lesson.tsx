import { t } from '@/lib/i18n';
import type { ModuleRef } from '@/lib/progress';

import { useLessonBookmark } from './use-lesson-bookmark';

/** "Save lesson": bookmarks the lesson being read. Says saved only once it is. */
export function SaveLesson({ lesson, title }: { lesson: ModuleRef; title: string }) {
  const { saved, failed, save } = useLessonBookmark(lesson, title);

  return (
    <>
      <button
        type="button"
        class={saved ? 'button button--done' : 'button'}
        data-testid="save-lesson"
        aria-disabled={saved}
        onClick={() => void (saved ? undefined : save())}
      >
        {saved && <span aria-hidden="true">✓ </span>}
        {t(saved ? 'lessonSaved' : 'saveLesson')}
      </button>
      <div aria-live="polite">
        {failed && (
          <p class="notice" data-testid="bookmark-failed">
            {t('bookmarkNotSaved')}
          </p>
        )}
      </div>
    </>
  );
}
