/**
 * Watching what the background script decides, from inside its service worker:
 * every change of a tab's stored context, with the time it was written. Used by
 * the browser tests and benchmarks that time detection.
 */
import type { Worker } from 'playwright-core';

export interface ContextChange {
  tabId: number;
  /** The detected context id, or `null` when no tool was found or the tab was cleared. */
  context: string | null;
  url: string;
  /** Date.now() in the service worker when storage reported the change. */
  at: number;
}

interface SessionChange {
  newValue?: { url?: string; detection?: { context?: string } | null };
}

// The extension APIs the functions below call inside the service worker.
declare const chrome: {
  storage: {
    session: {
      onChanged: { addListener(listener: (changes: Record<string, SessionChange>) => void): void };
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
};

/** Starts logging context changes in the worker (once per worker). */
export async function watchContexts(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as { inflowContextLog?: ContextChange[] };
    if (scope.inflowContextLog) return;

    const log: ContextChange[] = (scope.inflowContextLog = []);
    chrome.storage.session.onChanged.addListener((changes) => {
      const at = Date.now();
      for (const [key, change] of Object.entries(changes)) {
        const tab = /^tab:(\d+)$/.exec(key)?.[1];
        if (tab === undefined) continue;
        const context = change.newValue?.detection?.context ?? null;
        log.push({ tabId: Number(tab), context, url: change.newValue?.url ?? '', at });
      }
    });
  });
}

/** The changes logged so far for one tab, oldest first. */
export function contextChanges(worker: Worker, tabId: number): Promise<ContextChange[]> {
  return worker.evaluate(
    (id) =>
      ((globalThis as { inflowContextLog?: ContextChange[] }).inflowContextLog ?? []).filter(
        (change) => change.tabId === id,
      ),
    tabId,
  );
}

/** The tab's context as the background stored it (what the panel reads). */
export async function storedContext(worker: Worker, tabId: number): Promise<StoredContext | null> {
  const key = `tab:${tabId}`;
  const found = await worker.evaluate((name) => chrome.storage.session.get(name), key);
  return (found[key] as StoredContext | undefined) ?? null;
}

export interface StoredContext {
  url: string;
  title: string;
  detection: { tool: string; context: string; contextName: string; toolName: string } | null;
}
