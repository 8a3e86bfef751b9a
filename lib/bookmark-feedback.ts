/**
 * Says on the toolbar button that a bookmark was saved, was saved already, or was
 * not: the badge shows
 * ✓ (or !) for two seconds and the button's tooltip says what happened. The host
 * page is never touched, and no notification pops up.
 */
import { browser } from 'wxt/browser';

import { t } from './i18n';
import { logger } from './logger';

// MV3 has `action`; Firefox's MV2 build has `browserAction`.
const button = () => browser.action ?? browser.browserAction;

export const FLASH_MS = 2000;

/** What the badge and the tooltip say for each outcome. */
const outcomes = {
  saved: { mark: '✓', title: 'bookmarkSavedTitle' },
  already: { mark: '✓', title: 'bookmarkAlreadyTitle' },
  failed: { mark: '!', title: 'bookmarkFailedTitle' },
} as const;

/**
 * Flashes the outcome on the tab's badge, then puts back what it showed, unless the
 * badge changed meanwhile (a new lesson count is newer than what it replaced). If the
 * service worker stops within the two seconds, the mark stays until the tab's next
 * count; Chromium keeps a worker for 30 s after an event, so that is rare.
 */
export async function flashBookmarkOutcome(
  tabId: number,
  outcome: keyof typeof outcomes,
): Promise<void> {
  const { mark, title: shown } = outcomes[outcome];
  try {
    const [text, title] = await Promise.all([
      button().getBadgeText({ tabId }),
      button().getTitle({ tabId }),
    ]);
    await button().setBadgeText({ tabId, text: mark });
    await button().setTitle({ tabId, title: t(shown) });
    setTimeout(() => void putBack(tabId, mark, { text, title }), FLASH_MS);
  } catch (error) {
    // The tab may have closed since; the bookmark itself is saved or not regardless.
    logger.debug('bookmark outcome not shown', tabId, error);
  }
}

async function putBack(
  tabId: number,
  mark: string,
  before: { text: string; title: string },
): Promise<void> {
  try {
    if ((await button().getBadgeText({ tabId })) !== mark) return;
    await button().setBadgeText({ tabId, text: before.text });
    await button().setTitle({ tabId, title: before.title });
  } catch (error) {
    logger.debug('badge not restored', tabId, error);
  }
}
