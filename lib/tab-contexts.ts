/**
 * Each tab's detected context, in session storage: a service worker that the browser
 * stopped and restarted still knows every tab's context, and nothing outlives the
 * browser session.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

import type { TabContext } from './protocol';

const keyOf = (tabId: number) => `session:tab:${tabId}` as const;

export function readTabContext(tabId: number): Promise<TabContext | null> {
  return storage.getItem<TabContext>(keyOf(tabId));
}

export function saveTabContext(context: TabContext): Promise<void> {
  return storage.setItem(keyOf(context.tabId), context);
}

export function forgetTabContext(tabId: number): Promise<void> {
  return storage.removeItem(keyOf(tabId));
}

/** Every tab context known in this browser session. */
export async function knownTabContexts(): Promise<TabContext[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith('tab:'))
    .map(([, context]) => context as TabContext);
}
