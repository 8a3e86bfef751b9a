/**
 * The panel's "Bookmark this page": the tab's address and title, the tool and
 * context detected on it, and its selection when Inflow may read the page.
 *
 * The panel has no access to pages outside the packs' hosts, and the browser tells
 * it a tab's address and title only where it has access: on the packs' hosts (host
 * permission), and on a tab where the context menu or the shortcut was used (their
 * activeTab grant lasts until the tab navigates). Firefox also grants activeTab
 * when the toolbar button opens the sidebar; Chromium does not when the button
 * opens the side panel (extension_action_runner.cc, crbug.com/40904917). Where
 * Inflow has access, the selection is read once with `scripting.executeScript`, and
 * if that fails the page is saved without it. Without access the panel cannot know
 * the address, and says to use the context menu or the shortcut instead.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { draftFromPage, type ClickedTab } from '@/lib/bookmark-capture';
import { readPage } from '@/lib/bookmark-page-reading';
import { savePage } from '@/lib/bookmarks';
import type { InflowDatabase } from '@/lib/db';
import { logger } from '@/lib/logger';
import { sendMessage } from '@/lib/messaging';
import { noteRecordFailure, noteRecordSuccess } from '@/lib/record-health';

import { useDatabase } from './database-context';

export type PageBookmarkState = 'ready' | 'saving' | 'saved' | 'already' | 'failed' | 'unreachable';

/** Saves the tab's page; `unreachable` when the panel may not know its address. */
export async function bookmarkTab(
  db: InflowDatabase,
  tabId: number,
): Promise<'saved' | 'already' | 'unreachable'> {
  const [tab, context] = await Promise.all([
    browser.tabs.get(tabId).catch((): ClickedTab | undefined => undefined),
    // The place is enough: a bookmark keeps no lessons.
    sendMessage('panel.context', { tabId, lessons: 0 }).catch((error: unknown) => {
      logger.warn(`Could not read the context of tab ${tabId}`, error);
      return null;
    }),
  ]);
  if (!tab?.url && !context?.url) return 'unreachable';

  const reading = await readPage(tabId);
  const { alreadySaved } = await savePage(db, draftFromPage(tab, reading, context));
  return alreadySaved ? 'already' : 'saved';
}

/** The button's state for `tabId`, reset when the panel moves to another tab. */
export function usePageBookmark(tabId: number | null | undefined): {
  state: PageBookmarkState;
  save: () => Promise<void>;
} {
  const db = useDatabase();
  const [state, setState] = useState<PageBookmarkState>('ready');

  useEffect(() => setState('ready'), [tabId]);

  const save = async () => {
    if (typeof tabId !== 'number' || state === 'saving') return;

    setState('saving');
    try {
      const outcome = await bookmarkTab(db, tabId);
      if (outcome !== 'unreachable') noteRecordSuccess();
      setState(outcome);
    } catch (error) {
      noteRecordFailure(error);
      setState('failed');
    }
  };

  return { state, save };
}
