/**
 * The background's part in pausing: a tab on a paused site gets no detection and
 * no badge, and its context says `paused` so the panel can say so. When the list
 * changes, the tabs already known are brought in line at once.
 */
import type { Rules } from '@/rules/engine';
import type { PageSignals } from '@/rules/page';

import { detectTab } from './detector';
import { sendMessage } from './messaging';
import { isPausedIn, watchPausedSites } from './paused-sites';
import type { TabContext } from './protocol';
import { knownTabContexts, saveTabContext } from './tab-contexts';
import { showLessonCount } from './toolbar';

/** Records a tab as paused: no detection, an empty badge, open panels told. */
export async function showPausedTab(tabId: number, signals: PageSignals): Promise<void> {
  const context: TabContext = {
    tabId,
    url: signals.url,
    title: signals.title ?? '',
    detection: null,
    paused: true,
    updatedAt: Date.now(),
  };

  await saveTabContext(context);
  await showLessonCount(tabId, null);
  sendMessage('context.changed', { tabId }).catch(() => {});
}

/** Follows the paused list: pauses and resumes known tabs. Returns the remover. */
export function followPausedSites(rules: Rules): () => void {
  return watchPausedSites((paused) => {
    void knownTabContexts().then((tabs) =>
      Promise.all(tabs.map((tab) => update(rules, paused, tab))),
    );
  });
}

function update(rules: Rules, paused: readonly string[], tab: TabContext): Promise<unknown> {
  const signals = { url: tab.url, title: tab.title, probes: {} };
  const pausedNow = isPausedIn(paused, tab.url);

  if (pausedNow && !tab.paused) return showPausedTab(tab.tabId, signals);
  // The page's DOM probes are not kept; its next report (any navigation) adds them.
  if (!pausedNow && tab.paused) return detectTab(rules, tab.tabId, signals);
  return Promise.resolve();
}
