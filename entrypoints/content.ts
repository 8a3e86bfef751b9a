/**
 * The page probe. On load and on every in-page navigation it sends the page's
 * address, title and the answers to the probes the packs declare for this host.
 * It runs only on the hosts of installed packs, holds no rules and draws nothing.
 */
import { sendMessage } from '@/lib/messaging';
import { answerProbes } from '@/lib/probes';
import { throttle } from '@/lib/throttle';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** At most four re-reads a second, however busy the page's DOM is. */
const REREAD_INTERVAL_MS = 250;

export default defineContentScript({
  // Filled at build time from the bundled packs' hosts (see wxt.config.ts).
  matches: ['*://inflow.invalid/*'],
  main(ctx) {
    watchPage(ctx);
  },
});

function watchPage(ctx: ContentScriptContext): void {
  let probedUrl = '';
  let probes: string[] = [];
  let lastReport = '';
  const domWatch = new MutationObserver(() => {
    // One change is enough to call for a re-read. Stop collecting the rest of the
    // burst until the re-read runs: a busy page then pays for a few change records a
    // second, not thousands, and the re-read sees the DOM as it is by then anyway.
    domWatch.disconnect();
    reread.trigger();
  });

  const report = async () => {
    watchDom(domWatch, probes);
    if (location.href !== probedUrl) {
      probedUrl = location.href;
      probes = await sendMessage('page.probes', { url: probedUrl });
      watchDom(domWatch, probes);
    }
    const signals = {
      url: location.href,
      title: document.title,
      probes: answerProbes(probes, document),
    };

    const serialized = JSON.stringify(signals);
    if (serialized === lastReport || ctx.isInvalid) return;
    lastReport = serialized;
    await sendMessage('page.report', signals);
  };
  const reread = throttle(() => void report().catch(() => ctx.isInvalid), REREAD_INTERVAL_MS);

  onNavigation(ctx, () => reread.trigger());
  ctx.onInvalidated(() => {
    domWatch.disconnect();
    reread.cancel();
  });
  reread.trigger();
}

/** Watches the title always, and the rest of the DOM only when a probe needs it. */
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
  }
}

/**
 * In-page navigations: the Navigation API sees pushState and replaceState from the
 * page's own world; where it is missing (older Firefox releases), a cheap address check.
 */
function onNavigation(ctx: ContentScriptContext, changed: () => void): void {
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
