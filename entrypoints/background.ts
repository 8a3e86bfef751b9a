/**
 * Wiring only: packs in use (bundled at once, installed and policy packs as they
 * arrive), messages answered, tabs followed.
 * The service worker may stop at any moment; everything it must remember lives in
 * session storage or IndexedDB.
 */
import { followBookmarkActions } from '@/lib/bookmark-actions';
import { catalogueOf, type Catalogue } from '@/lib/catalogue';
import { clearUncoveredTabs, detectTab } from '@/lib/detector';
import { logger } from '@/lib/logger';
import { onMessage } from '@/lib/messaging';
import { PackSources } from '@/lib/pack-sources';
import { answerSourceMessages } from '@/lib/pack-sources-messages';
import { isPaused } from '@/lib/paused-sites';
import { followPausedSites, showPausedTab } from '@/lib/paused-tab';
import { pageSignalsSchema, probeRequestSchema } from '@/lib/protocol-schemas';
import { readTabContext, withFirstLessons } from '@/lib/tab-contexts';
import { openPanelFromToolbar } from '@/lib/toolbar';
import type { Pack } from '@/rules/schema';
import { loadBundledPacks } from '@/rules/bundled';

export default defineBackground(() => {
  const { packs, errors } = loadBundledPacks();
  for (const error of errors) logger.error(error);
  const sources = new PackSources(packs);
  const { rules } = sources;
  sources.follow();
  answerSourceMessages(sources);

  openPanelFromToolbar();
  clearUncoveredTabs();
  followBookmarkActions();

  followPausedSites(rules);

  // On a paused site the page is not probed and nothing is detected.
  onMessage('page.probes', async (data) => {
    const { url } = probeRequestSchema.parse(data);
    await sources.ready;
    return (await isPaused(url)) ? [] : rules.probesFor(url);
  });
  onMessage('page.report', async (data, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;

    const signals = pageSignalsSchema.parse(data);
    await sources.ready;
    if (await isPaused(signals.url)) await showPausedTab(tabId, signals);
    else await detectTab(rules, tabId, signals);
  });
  onMessage('panel.context', async ({ tabId, lessons }) => {
    const context = await readTabContext(tabId);
    return lessons === undefined ? context : withFirstLessons(context, lessons);
  });
  onMessage('panel.module', async ({ pack, module }) => {
    await sources.ready;
    return rules.module(pack, module) ?? null;
  });

  // Built on the first request after the packs in use change: most service-worker
  // starts never need it.
  let catalogue: { of: readonly Pack[]; value: Catalogue } | undefined;
  onMessage('panel.catalogue', async () => {
    await sources.ready;
    if (catalogue?.of !== sources.packs) {
      catalogue = { of: sources.packs, value: catalogueOf(sources.packs) };
    }
    return catalogue.value;
  });
});
