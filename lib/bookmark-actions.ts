/**
 * Bookmarks from any page, in the background: the context menu (on the page and on
 * a selection) and the keyboard shortcut. Both grant `activeTab` for the tab they
 * were used in, which is all the access Inflow needs there. The handlers are plain
 * functions that finish only once the bookmark is written: the service worker may
 * stop right after, and the bookmark is in IndexedDB by then.
 */
import { browser } from 'wxt/browser';

import { draftFromMenu, draftFromPage, type ClickedTab, type MenuClick } from './bookmark-capture';
import type { PageDraft } from './bookmark-draft';
import { flashBookmarkOutcome } from './bookmark-feedback';
import { readPage } from './bookmark-page-reading';
import { savePage } from './bookmarks';
import { database, type Bookmark } from './db';
import { t } from './i18n';
import { logger } from './logger';
import { readTabContext } from './tab-contexts';

/** The command's name in the manifest (wxt.config.ts). */
export const BOOKMARK_COMMAND = 'bookmark-page';

export const BOOKMARK_MENUS = {
  page: 'inflow-bookmark-page',
  selection: 'inflow-bookmark-selection',
} as const;

const menuIds: readonly (string | number)[] = Object.values(BOOKMARK_MENUS);

/**
 * Saves the page a context-menu item was clicked on, with the selection the menu
 * hands over. Returns `null` for another extension menu item's click.
 */
export async function bookmarkFromMenu(
  click: MenuClick,
  tab: ClickedTab | undefined,
): Promise<Bookmark | null> {
  if (!menuIds.includes(click.menuItemId)) return null;

  const context = tab?.id === undefined ? null : await readTabContext(tab.id);
  return keep(draftFromMenu(click, tab, context), tab?.id);
}

/**
 * Saves the page the shortcut was pressed on, with the text selected there, read
 * under the `activeTab` grant the shortcut gives. A browser that passes no tab with
 * the command means the active tab of the focused window.
 */
export async function bookmarkFromCommand(tab: ClickedTab | undefined): Promise<Bookmark> {
  const target = tab ?? (await activeTab());
  const tabId = target?.id;
  const [context, reading] =
    tabId === undefined
      ? [null, undefined]
      : await Promise.all([readTabContext(tabId), readPage(tabId)]);

  const draft = draftFromPage(target, reading, context);
  if (!draft.url && !draft.selection) {
    // Only without the activeTab grant, which the shortcut always gives.
    if (tabId !== undefined) await flashBookmarkOutcome(tabId, 'failed');
    throw new Error(`Tab ${tabId} cannot be read: nothing to bookmark`);
  }
  return keep(draft, tabId);
}

async function activeTab(): Promise<ClickedTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

/** Writes the bookmark, then tells the learner on the toolbar button. */
async function keep(draft: PageDraft, tabId: number | undefined): Promise<Bookmark> {
  try {
    const { bookmark, alreadySaved } = await savePage(database(), draft);
    if (tabId !== undefined) await flashBookmarkOutcome(tabId, alreadySaved ? 'already' : 'saved');
    return bookmark;
  } catch (error) {
    if (tabId !== undefined) await flashBookmarkOutcome(tabId, 'failed');
    throw error;
  }
}

/**
 * Adds the two menu items. Chromium keeps the menus of a service-worker extension
 * across restarts, so Manifest V3 adds them once per install or update; Firefox
 * forgets those of a persistent background page, so Manifest V2 adds them at every
 * start. Removing all first means an update never meets a duplicate id.
 */
export async function createBookmarkMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  await Promise.all([
    addMenu(BOOKMARK_MENUS.page, t('menuBookmarkPage'), 'page'),
    addMenu(BOOKMARK_MENUS.selection, t('menuBookmarkSelection'), 'selection'),
  ]);
}

function addMenu(id: string, title: string, context: 'page' | 'selection'): Promise<void> {
  return new Promise((done) => {
    browser.contextMenus.create({ id, title, contexts: [context] }, () => {
      const error = browser.runtime.lastError;
      if (error) logger.warn(`Menu item ${id} not added: ${error.message}`);
      done();
    });
  });
}

/** Listens to the menu and the shortcut. Returns the function that stops listening. */
export function followBookmarkActions(): () => void {
  const onClicked = (click: MenuClick, tab?: ClickedTab) =>
    void bookmarkFromMenu(click, tab).catch(failed);
  const onCommand = (command: string, tab?: ClickedTab) => {
    if (command === BOOKMARK_COMMAND) void bookmarkFromCommand(tab).catch(failed);
  };
  const onInstalled = () => void createBookmarkMenus().catch(failed);

  browser.contextMenus.onClicked.addListener(onClicked);
  browser.commands.onCommand.addListener(onCommand);
  if (browser.runtime.getManifest().manifest_version === 2) onInstalled();
  else browser.runtime.onInstalled.addListener(onInstalled);

  return () => {
    browser.contextMenus.onClicked.removeListener(onClicked);
    browser.commands.onCommand.removeListener(onCommand);
    browser.runtime.onInstalled.removeListener(onInstalled);
  };
}

function failed(error: unknown): void {
  logger.error('Bookmark not saved', error);
}
