/**
 * Each tab's detected context, in session storage: a service worker that the browser
 * stopped and restarted still knows every tab's context, and nothing outlives the
 * browser session.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

import type { TabContext } from './protocol';

const keyOf = (tabId: number) => `session:tab:${tabId}` as const;

// What this worker wrote, kept in memory too: reading a context of thousands of
// lessons back from session storage takes tens of milliseconds, the panel's whole
// budget. A restarted worker starts empty and reads storage.
const written = new Map<number, TabContext | null>();

export async function readTabContext(tabId: number): Promise<TabContext | null> {
  const known = written.get(tabId);
  if (known !== undefined) return known;
  return storage.getItem<TabContext>(keyOf(tabId));
}

export function saveTabContext(context: TabContext): Promise<void> {
  written.set(context.tabId, context);
  return storage.setItem(keyOf(context.tabId), context);
}

export function forgetTabContext(tabId: number): Promise<void> {
  written.set(tabId, null);
  return storage.removeItem(keyOf(tabId));
}

/**
 * A context with at most `count` of its lessons, and how many were left out: the
 * panel shows 20 at first, so it need not wait for thousands.
 */
export function withFirstLessons(context: TabContext | null, count: number): TabContext | null {
  const lessons = context?.detection?.lessons;
  if (!context?.detection || !lessons || lessons.length <= count) return context;

  const detection = { ...context.detection, lessons: lessons.slice(0, count) };
  return { ...context, detection, moreLessons: lessons.length - count };
}

/** Every tab context known in this browser session. */
export async function knownTabContexts(): Promise<TabContext[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith('tab:'))
    .map(([, context]) => context as TabContext);
}
