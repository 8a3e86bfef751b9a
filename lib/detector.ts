/**
 * The background's part in detection: signals from a tab in, the tab's context
 * stored, the badge set and open panels told.
 */
import { browser } from 'wxt/browser';

import type { Rules } from '@/rules/engine';
import type { PageSignals } from '@/rules/page';

import { logger } from './logger';
import { sendMessage } from './messaging';
import type { TabContext } from './protocol';
import { forgetTabContext, saveTabContext } from './tab-contexts';
import { showLessonCount } from './toolbar';

/** Matches a tab's page and records what was found. */
export async function detectTab(
  rules: Rules,
  tabId: number,
  signals: PageSignals,
): Promise<TabContext> {
  const detection = rules.match(signals);
  const context: TabContext = {
    tabId,
    url: signals.url,
    title: signals.title ?? '',
    detection,
    updatedAt: Date.now(),
  };

  await saveTabContext(context);
  await showLessonCount(tabId, detection ? detection.lessons.length : null);
  announce(tabId);
  logger.debug('tab', tabId, detection?.tool ?? 'no tool', detection?.context ?? '');
  return context;
}

/** Forgets a tab's context, for a closed tab or a page no pack covers. */
export async function clearTab(tabId: number): Promise<void> {
  await forgetTabContext(tabId);
  await showLessonCount(tabId, null);
  announce(tabId);
}

/** Tells open panels; with none open there is nobody to receive, which is fine. */
function announce(tabId: number): void {
  sendMessage('context.changed', { tabId }).catch(() => {});
}

/**
 * Clears a tab that starts loading a page whose address the extension may not see:
 * one that no pack covers, where no content script will report.
 */
export function clearUncoveredTabs(): () => void {
  const onUpdated = (tabId: number, change: { status?: string }, tab: { url?: string }) => {
    if (change.status === 'loading' && !tab.url) void clearTab(tabId);
  };
  const onRemoved = (tabId: number) => void forgetTabContext(tabId);

  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  return () => {
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
  };
}
