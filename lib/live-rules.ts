/**
 * The rules in use, as the rest of the background sees them: one object that always
 * answers from the latest compile, and the open tabs matched again when it changes.
 */
import type { Rules } from '@/rules/engine';

import { detectTab } from './detector';
import { knownTabContexts } from './tab-contexts';

/** Rules that always answer from the latest compile, so their users never hold a stale one. */
export function liveRules(current: () => Rules): Rules {
  return {
    match: (signals) => current().match(signals),
    probesFor: (url) => current().probesFor(url),
    hostGlobs: () => current().hostGlobs(),
    module: (pack, id) => current().module(pack, id),
    get warnings() {
      return current().warnings;
    },
  };
}

/**
 * Matches the known tabs again with new rules. Their DOM probes are not kept, so a
 * context that needs one comes back with the page's next report.
 */
export async function matchOpenTabs(rules: Rules): Promise<void> {
  for (const tab of await knownTabContexts()) {
    if (tab.paused) continue;
    await detectTab(rules, tab.tabId, { url: tab.url, title: tab.title, probes: {} });
  }
}
