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

/** What the watch needs of the content script's context: its lifetime. */
export type WatchLifetime = Pick<
  ContentScriptContext,
  'isInvalid' | 'signal' | 'onInvalidated' | 'setInterval'
>;

/** Failed sends in a row that the watch retries by itself before it waits for the page to change. */
const RETRIES = 3;

export function watchPage(ctx: WatchLifetime): void {
  let probes: string[] = [];
  let probesFor = '';
  let askingFor = '';
  let lastReport = '';
  let failures = 0;

  const report = async () => {
    if (ctx.isInvalid) return;
    watchDom(domWatch, probes);

    const url = location.href;
    if (url !== probesFor) {
      // Until the list for this address comes, any report would carry the answers to
      // the previous address's probes; the answer's arrival reports instead.
      if (askingFor === url) return;
      const asked = await askProbes(url);
      if (ctx.isInvalid) return;
      if (location.href !== url) {
        // The page moved on while the background answered: ask for where it is now.
        reread.trigger();
        return;
      }
      probes = asked;
      probesFor = url;
      watchDom(domWatch, probes);
    }

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

  const askProbes = async (url: string) => {
    askingFor = url;
    try {
      return await sendMessage('page.probes', { url });
    } finally {
      if (askingFor === url) askingFor = '';
    }
  };

  const reread = throttle(() => {
    report().then(
      () => {
        failures = 0;
      },
      () => {
        // A background that is restarting misses a message; one that is gone (the
        // extension was updated) invalidates this script, and the watch stops.
        failures += 1;
        if (!ctx.isInvalid && failures <= RETRIES) reread.trigger();
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
