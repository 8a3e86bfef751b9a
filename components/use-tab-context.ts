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

/**
 * How many lessons the panel asks for at first: it shows 20, and a page with
 * thousands should not make it wait for all of them.
 */
export const FIRST_LESSONS = 100;

/**
 * The context of `tabId` (`undefined`: not known yet; `null`: no tab), a retry, and
 * a way to fetch every lesson when the first ones are not enough.
 */
export function useTabContext(tabId: number | null | undefined): {
  state: ContextState;
  retry: () => void;
  loadAllLessons: () => void;
} {
  const [state, setState] = useState<ContextState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Which tab every lesson was asked for: another tab starts with the first ones again.
  const [allFor, setAllFor] = useState<number | null>(null);
  const all = tabId !== undefined && tabId !== null && allFor === tabId;

  useEffect(() => {
    if (tabId === undefined) return undefined;
    if (tabId === null) {
      setState({ status: 'ready', context: null });
      return undefined;
    }

    // Asking for all lessons keeps the first ones on screen meanwhile.
    if (!all) setState({ status: 'loading' });
    return watchTab(tabId, all ? undefined : FIRST_LESSONS, setState);
  }, [tabId, attempt, all]);

  return {
    state,
    retry: () => setAttempt((count) => count + 1),
    loadAllLessons: () => setAllFor(tabId ?? null),
  };
}

function watchTab(
  tabId: number,
  lessons: number | undefined,
  show: (state: ContextState) => void,
): () => void {
  let latest = 0;
  let stopped = false;

  // Only the newest answer counts: an older, slower one must not overwrite it.
  const load = async () => {
    const request = ++latest;
    const state = await fetchContext(tabId, lessons);
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

async function fetchContext(tabId: number, lessons: number | undefined): Promise<ContextState> {
  const request = lessons === undefined ? { tabId } : { tabId, lessons };
  try {
    return { status: 'ready', context: await sendMessage('panel.context', request) };
  } catch (error) {
    logger.warn(`Could not read the context of tab ${tabId}`, error);
    return { status: 'failed' };
  }
}
