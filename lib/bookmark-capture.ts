/**
 * What a bookmark is made of when the learner saves the page they are on: the
 * context menu's click data, the shortcut's tab, what was read in the page, and the
 * tool and context the background detected on that tab. Pure functions: the
 * background's handlers and the panel's button call them, and tests can too.
 */
import type { BookmarkPlace, PageDraft } from './bookmark-draft';
import type { TabContext } from './protocol';

/** The part of `contextMenus.OnClickData` a bookmark uses. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}

/** The part of `tabs.Tab` a bookmark uses; the address and title are there under activeTab. */
export interface ClickedTab {
  id?: number;
  url?: string;
  title?: string;
}

/** What a script read inside the page: its address, title and the selected text. */
export interface PageReading {
  url?: string;
  title?: string;
  selection?: string;
}

/**
 * The tool and context detected on the tab, if they were detected on this very page:
 * a context kept for the address before (the tab moved on since) is not this page's.
 */
export function placeOnPage(
  context: TabContext | null | undefined,
  url: string | undefined,
): BookmarkPlace | null {
  const detection = context?.detection;
  if (!detection || !url || !samePage(context.url, url)) return null;

  const { tool, toolName, context: place, contextName } = detection;
  return { tool, toolName, context: place, contextName };
}

/** Two addresses of the same page: only the fragment may differ. */
function samePage(a: string, b: string): boolean {
  try {
    const [left, right] = [new URL(a), new URL(b)];
    left.hash = '';
    right.hash = '';
    return left.href === right.href;
  } catch {
    return false;
  }
}

/** The title the tab shows, else the one the content script reported for the same page. */
function titleOf(
  tabTitle: string | undefined,
  context: TabContext | null | undefined,
  url?: string,
): string | undefined {
  if (tabTitle) return tabTitle;
  return context && url && samePage(context.url, url) ? context.title : undefined;
}

/** A bookmark from the context menu: the menu hands over the page address and the selection. */
export function draftFromMenu(
  click: MenuClick,
  tab: ClickedTab | undefined,
  context: TabContext | null | undefined,
): PageDraft {
  const url = click.pageUrl ?? tab?.url;
  return {
    url,
    title: titleOf(tab?.title, context, url),
    selection: click.selectionText,
    place: placeOnPage(context, url),
  };
}

/**
 * A bookmark from the shortcut or the panel's button: the tab's own address and title
 * when the browser gives them, else what was read in the page, and its selection.
 */
export function draftFromPage(
  tab: ClickedTab | undefined,
  reading: PageReading | undefined,
  context: TabContext | null | undefined,
): PageDraft {
  const url = tab?.url ?? reading?.url ?? context?.url;
  return {
    url,
    title: titleOf(tab?.title ?? reading?.title, context, url),
    selection: reading?.selection,
    place: placeOnPage(context, url),
  };
}
