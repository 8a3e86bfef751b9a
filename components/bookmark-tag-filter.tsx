import { useId } from 'preact/hooks';

import type { Bookmark } from '@/lib/db';
import { t } from '@/lib/i18n';

import { sameTag } from './bookmark-item';

interface BookmarkTagFilterProps {
  tags: readonly string[];
  current: string | null;
  onChange: (tag: string | null) => void;
}

/** "All" and every tag in use, as toggle buttons: the pressed one filters the list. */
export function BookmarkTagFilter({ tags, current, onChange }: BookmarkTagFilterProps) {
  const labelId = useId();
  if (tags.length === 0) return null;

  return (
    <div class="bookmark-filter" role="group" aria-labelledby={labelId}>
      <span id={labelId} class="bookmark-filter-label">
        {t('bookmarkFilterLabel')}
      </span>
      <button
        type="button"
        class="bookmark-tag"
        data-testid="bookmark-filter-all"
        aria-pressed={current === null}
        onClick={() => onChange(null)}
      >
        {t('bookmarkFilterAll')}
      </button>
      {tags.map((tag) => (
        <button
          key={tag}
          type="button"
          class="bookmark-tag"
          dir="auto"
          data-testid="bookmark-filter"
          aria-pressed={sameTag(tag, current)}
          onClick={() => onChange(sameTag(tag, current) ? null : tag)}
        >
          {tag}
        </button>
      ))}
    </div>
  );
}

/** Every tag of the bookmarks, once whatever its case, in the order first met. */
export function tagsOf(bookmarks: readonly Bookmark[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of bookmarks.flatMap((bookmark) => bookmark.tags ?? [])) {
    const key = tag.toLocaleLowerCase();
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}
