/**
 * The toolbar button: its badge counts the lessons for the tab, and a click opens
 * the side panel (Chrome, Edge) or toggles the sidebar (Firefox).
 */
import { browser } from 'wxt/browser';

import { logger } from './logger';

// MV3 has `action`; Firefox's MV2 build has `browserAction`.
const button = browser.action ?? browser.browserAction;

/** Shows the number of lessons, or clears the badge when no tool was found. */
export async function showLessonCount(tabId: number, count: number | null): Promise<void> {
  try {
    await button.setBadgeText({ tabId, text: count === null ? '' : String(count) });
  } catch (error) {
    // The tab may have closed between the report and now.
    logger.debug('badge not set', tabId, error);
  }
}

/** Makes the toolbar button open the panel. Returns the function that undoes it. */
export function openPanelFromToolbar(): () => void {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome
    ?.sidePanel;
  if (chromeSidePanel) {
    chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(logger.error);
    return () => {};
  }

  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  const toggle = () => void sidebar?.toggle();
  button.onClicked.addListener(toggle);
  return () => button.onClicked.removeListener(toggle);
}

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

interface FirefoxSidebar {
  toggle(): Promise<void>;
}
