/**
 * Opening a bookmark: a page in a new tab, a lesson in the panel's reader. The
 * address is checked again here, because bookmarks also come from imported backups.
 */
import { browser } from 'wxt/browser';

import { bookmarkAddress } from '@/lib/bookmark-draft';
import type { Bookmark } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { Suggestion } from '@/rules/engine';

/** What the lesson needs to open; facts the bookmark does not keep come from `known`. */
export function lessonOf(
  bookmark: Bookmark,
  known?: Pick<Suggestion, 'minutes' | 'kind'>,
): Suggestion | null {
  const { pack, module, title } = bookmark;
  if (bookmark.kind !== 'lesson' || !pack || !module) return null;

  return {
    pack,
    module,
    title,
    minutes: known?.minutes ?? 2,
    kind: known?.kind ?? 'lesson',
    why: t('bookmarkWhy'),
  };
}

/** The address a page bookmark opens, or `undefined` when it has none that may be opened. */
export function pageAddressOf(bookmark: Bookmark): string | undefined {
  return bookmark.kind === 'page' ? bookmarkAddress(bookmark.url) : undefined;
}

/** Opens a page bookmark in a new tab next to the current one. */
export async function openPage(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}
