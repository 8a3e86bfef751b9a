/**
 * What the background script knows of a tab, fetched when the tab changes and
 * again whenever it announces that the tab's context changed.
 */
import { useEffect, useState } from 'preact/hooks';

import { logger } from '@/lib/logger';
import { onMessage, sendMessage } from '@/lib/messaging';
import type { TabContext } from '@/lib/protocol';

export type ContextState =
  { status: 'loading' } | { status: 'ready'; context: TabContext | null } | { status: 'failed' };

/** The context of `tabId` (`undefined`: not known yet; `null`: no tab), and a retry. */
export function useTabContext(tabId: number | null | undefined): {
  state: ContextState;
  retry: () => void;
} {
  const [state, setState] = useState<ContextState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (tabId === undefined) return undefined;
    if (tabId === null) {
      setState({ status: 'ready', context: null });
      return undefined;
    }

    setState({ status: 'loading' });
    return watchTab(tabId, setState);
  }, [tabId, attempt]);

  return { state, retry: () => setAttempt((count) => count + 1) };
}

function watchTab(tabId: number, show: (state: ContextState) => void): () => void {
  let latest = 0;
  let stopped = false;

  // Only the newest answer counts: an older, slower one must not overwrite it.
  const load = async () => {
    const request = ++latest;
    const state = await fetchContext(tabId);
    if (!stopped && request === latest) show(state);
  };

  const removeListener = onMessage('context.changed', (changed) => {
    if (changed.tabId === tabId) void load();
  });
  void load();

  return () => {
    stopped = true;
    removeListener();
  };
}

async function fetchContext(tabId: number): Promise<ContextState> {
  try {
    return { status: 'ready', context: await sendMessage('panel.context', { tabId }) };
  } catch (error) {
    logger.warn(`Could not read the context of tab ${tabId}`, error);
    return { status: 'failed' };
  }
}
