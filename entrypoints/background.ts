/**
 * Wiring only: packs compiled once at start, messages answered, tabs followed.
 * The service worker may stop at any moment; everything it must remember lives in
 * session storage or IndexedDB.
 */
import { followBookmarkActions } from '@/lib/bookmark-actions';
import { catalogueOf, type Catalogue } from '@/lib/catalogue';
import { clearUncoveredTabs, detectTab } from '@/lib/detector';
import { logger } from '@/lib/logger';
import { onMessage } from '@/lib/messaging';
import { isPaused } from '@/lib/paused-sites';
import { followPausedSites, showPausedTab } from '@/lib/paused-tab';
import { pageSignalsSchema, probeRequestSchema } from '@/lib/protocol-schemas';
import { readTabContext } from '@/lib/tab-contexts';
import { openPanelFromToolbar } from '@/lib/toolbar';
import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';

export default defineBackground(() => {
  const { packs, errors } = loadBundledPacks();
  for (const error of errors) logger.error(error);
  const rules = compileRules(packs);

  openPanelFromToolbar();
  clearUncoveredTabs();
  followBookmarkActions();

  followPausedSites(rules);

  // On a paused site the page is not probed and nothing is detected.
  onMessage('page.probes', async (data) => {
    const { url } = probeRequestSchema.parse(data);
    return (await isPaused(url)) ? [] : rules.probesFor(url);
  });
  onMessage('page.report', async (data, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;

    const signals = pageSignalsSchema.parse(data);
    if (await isPaused(signals.url)) await showPausedTab(tabId, signals);
    else await detectTab(rules, tabId, signals);
  });
  onMessage('panel.context', ({ tabId }) => readTabContext(tabId));
  onMessage('panel.module', ({ pack, module }) => rules.module(pack, module) ?? null);

  // Built on the first request: most service-worker starts never need it.
  let catalogue: Catalogue | undefined;
  onMessage('panel.catalogue', () => (catalogue ??= catalogueOf(packs)));
});
