/**
 * Which tab the panel speaks about: the one named in its address, or else the
 * active tab of the panel's own window, followed as the learner switches tabs.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { logger } from '@/lib/logger';

/** The tab named by `?tab=<id>` (tests open the panel as an ordinary tab), else `null`. */
export function tabFromAddress(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * The tab to show: `fixed` when given, else the active tab of the panel's window.
 * `undefined` while it is being found, `null` when there is none.
 */
export function usePanelTab(fixed: number | null): number | null | undefined {
  const [active, setActive] = useState<number | null | undefined>(undefined);

  useEffect(() => (fixed === null ? followActiveTab(setActive) : undefined), [fixed]);

  return fixed ?? active;
}

function followActiveTab(show: (tabId: number | null) => void): () => void {
  let panelWindow: number | undefined;
  let stopped = false;

  // Other windows have panels of their own; this one follows its own window only.
  const onActivated = ({ tabId, windowId }: { tabId: number; windowId: number }) => {
    if (windowId === panelWindow) show(tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);

  const start = async () => {
    panelWindow = (await browser.windows.getCurrent())?.id;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!stopped) show(tab?.id ?? null);
  };
  start().catch((error: unknown) => {
    logger.warn('Could not find the active tab', error);
    if (!stopped) show(null);
  });

  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
  };
}
