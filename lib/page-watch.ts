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

export function watchPage(ctx: WatchLifetime): void {
  let probedUrl = '';
  let probes: string[] = [];
  let lastReport = '';

  const report = async () => {
    if (ctx.isInvalid) return;
    watchDom(domWatch, probes);

    const url = location.href;
    if (url !== probedUrl) {
      probedUrl = url;
      const asked = await sendMessage('page.probes', { url });
      // The page moved on while the background answered (or the answers crossed):
      // the re-read its navigation called for asks for the new address and reports.
      if (ctx.isInvalid || location.href !== url) return;
      probes = asked;
      watchDom(domWatch, probes);
    }

    const signals = { url, title: document.title, probes: answerProbes(probes, document) };
    const serialized = JSON.stringify(signals);
    if (serialized === lastReport) return;
    lastReport = serialized;
    await sendMessage('page.report', signals);
  };
  const reread = throttle(() => void report().catch(() => ctx.isInvalid), REREAD_INTERVAL_MS);

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
