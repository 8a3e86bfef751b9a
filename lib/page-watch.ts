/**
 * The content script's work: on load, on every in-page navigation and when the DOM
 * a rule reads changes, it sends the page's address, title and the answers to the
 * probes the packs declare for that address. It holds no rules and draws nothing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { sendMessage } from './messaging';
import { answerProbes } from './probes';
import { throttle } from './throttle';

/** At most four re-reads a second, however busy the page's DOM is. */
const REREAD_INTERVAL_MS = 250;

/** The longest wait before a failed send is tried again: the wait doubles up to it. */
const RETRY_CAP_MS = 30_000;

/** What the watch needs of the content script's context: its lifetime. */
export type WatchLifetime = Pick<
  ContentScriptContext,
  'isInvalid' | 'signal' | 'onInvalidated' | 'setInterval' | 'setTimeout'
>;

export function watchPage(ctx: WatchLifetime): void {
  let probes: string[] = [];
  let probesFor = '';
  let lastReport = '';
  let failuresInARow = 0;

  // The probe list asked for last, while it is on its way. An answer to an earlier ask
  // is dropped: the page has moved since, or the newer ask for the same address
  // answers more recently.
  let latestAsk: { url: string } | undefined;

  /** Takes the probe list for `url`; false while one is on its way or the page moved. */
  const takeProbesFor = async (url: string): Promise<boolean> => {
    // Until the list for this address comes, any report would carry the answers to
    // the previous address's probes; the answer's arrival reports instead.
    if (latestAsk?.url === url) return false;

    const ask = { url };
    latestAsk = ask;
    let superseded = false;
    const answer = await sendMessage('page.probes', { url }).finally(() => {
      superseded = latestAsk !== ask;
      if (!superseded) latestAsk = undefined;
    });
    if (superseded || ctx.isInvalid) return false;
    if (location.href !== url) {
      // The page moved on while the background answered: ask for where it is now.
      reread.trigger();
      return false;
    }
    probes = answer;
    probesFor = url;
    return true;
  };

  const report = async () => {
    if (ctx.isInvalid) return;
    const url = location.href;
    if (url !== probesFor) {
      // The observer stopped at the change that called for this re-read: watch on by
      // the old list while the new one is on its way.
      watchDom(domWatch, probes);
      if (!(await takeProbesFor(url)) || ctx.isInvalid) return;
    }

    // No wait between the re-read and its report when the list is known: the report
    // leaves in the same task, a quarter second after the one before.
    watchDom(domWatch, probes);
    const signals = { url, title: document.title, probes: answerProbes(probes, document) };
    const serialized = JSON.stringify(signals);
    if (serialized === lastReport) return;
    lastReport = serialized;
    try {
      await sendMessage('page.report', signals);
    } catch (error) {
      lastReport = '';
      throw error;
    }
  };

  const reread = throttle(() => {
    report().then(
      () => {
        failuresInARow = 0;
      },
      () => {
        // A background that is restarting misses a message: try again, less and less
        // often. One that is gone (the extension was updated) invalidates this
        // script, and the watch stops.
        failuresInARow += 1;
        const wait = Math.min(REREAD_INTERVAL_MS * 2 ** (failuresInARow - 1), RETRY_CAP_MS);
        if (!ctx.isInvalid) ctx.setTimeout(() => reread.trigger(), wait);
      },
    );
  }, REREAD_INTERVAL_MS);

  const domWatch = new MutationObserver(() => {
    // One change is enough to call for a re-read. Stop collecting the rest of the
    // burst until the re-read runs: a busy page then pays for a few change records a
    // second, not thousands, and the re-read sees the DOM as it is by then anyway.
    domWatch.disconnect();
    reread.trigger();
  });

  onNavigation(ctx, () => reread.trigger());
  ctx.onInvalidated(() => {
    domWatch.disconnect();
    reread.cancel();
  });
  reread.trigger();
}

/**
 * Watches the title always (its text, and the head, where a page without one may add
 * it later), and the rest of the DOM only when a probe needs it.
 */
function watchDom(observer: MutationObserver, probes: string[]): void {
  observer.disconnect();

  const title = document.querySelector('head > title');
  if (title) observer.observe(title, { childList: true, characterData: true, subtree: true });
  if (probes.length > 0) {
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
    });
  } else if (document.head) {
    observer.observe(document.head, { childList: true });
  }
}

/**
 * In-page navigations: the Navigation API sees pushState and replaceState from the
 * page's own world; where it is missing (older Firefox releases), a cheap address check.
 */
function onNavigation(ctx: WatchLifetime, changed: () => void): void {
  const options = { signal: ctx.signal };
  addEventListener('popstate', changed, options);
  addEventListener('hashchange', changed, options);

  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', changed, options);
    return;
  }

  let seen = location.href;
  ctx.setInterval(() => {
    if (location.href === seen) return;
    seen = location.href;
    changed();
  }, REREAD_INTERVAL_MS);
}
