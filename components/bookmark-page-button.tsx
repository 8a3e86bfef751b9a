import { t, type MessageKey } from '@/lib/i18n';

import { usePageBookmark, type PageBookmarkState } from './bookmark-page-save';
import './bookmarks.css';

const outcomes: Partial<Record<PageBookmarkState, MessageKey>> = {
  saved: 'pageBookmarked',
  already: 'pageAlreadyBookmarked',
  failed: 'bookmarkNotSaved',
  unreachable: 'bookmarkPageUnreachable',
};

/**
 * "Bookmark this page", in the panel's view of a tab: saves the page with its
 * detected tool and context, and the selected text when Inflow may read it (see
 * bookmark-page-save.ts). Says saved only once the bookmark is written.
 */
export function BookmarkPageButton({ tabId }: { tabId: number | null | undefined }) {
  const { state, save } = usePageBookmark(tabId);
  const outcome = outcomes[state];
  const kept = state === 'saved' || state === 'already';

  if (typeof tabId !== 'number') return null;

  return (
    <div class="bookmark-page">
      <button
        type="button"
        class="button"
        data-testid="bookmark-page"
        aria-disabled={state === 'saving'}
        onClick={() => void save()}
      >
        {t('bookmarkPage')}
      </button>
      <div aria-live="polite">
        {outcome && (
          <p class={kept ? 'bookmark-page-saved' : 'notice'} data-testid="bookmark-page-outcome">
            {kept && <span aria-hidden="true">✓ </span>}
            {t(outcome)}
          </p>
        )}
      </div>
    </div>
  );
}
