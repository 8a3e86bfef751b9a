/**
 * Delay from an in-page navigation (history.pushState) to the updated context, in
 * the background (its session storage written) and in the side panel (its header
 * redrawn). Timestamps are taken where things happen (Date.now() in the page, the
 * service worker and the panel, one machine clock), so polling adds no delay.
 */
import type { Page } from 'playwright-core';

import { contextChanges, watchContexts } from '../browser/context-watch';
import { DEMO_URLS, EXTENSION_DIR, type ExtensionSession } from '../browser/harness';
import { waitFor, sleep, withExtension } from './browser-kit';
import { atMost, percentile, type Figure } from './report';

const TARGETS = [
  { url: DEMO_URLS.account, header: 'Account record' },
  { url: DEMO_URLS.opportunity, header: 'Opportunity record' },
];
// A person navigates at most every few hundred ms; this also keeps each navigation
// from being merged into the previous one's throttled re-read.
const PAUSE_MS = 300;

/** Logs the panel's context header text each time it changes, with the time. */
function watchPanelHeader(panel: Page): Promise<void> {
  return panel.evaluate(() => {
    const log: { text: string; at: number }[] = [];
    (window as unknown as { headerLog: typeof log }).headerLog = log;
    let last = '';
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="context"]')?.textContent ?? '';
      if (text !== last) log.push({ text: (last = text), at: Date.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function navigateOnce(
  browser: ExtensionSession,
  page: Page,
  panel: Page,
  tabId: number,
  n: number,
) {
  const target = TARGETS[n % TARGETS.length]!;
  const started = await page.evaluate((url) => {
    const now = Date.now();
    history.pushState(null, '', url);
    return now;
  }, target.url);

  const background = await waitFor(async () => {
    const changes = await contextChanges(browser.serviceWorker, tabId);
    return changes.find((change) => change.url === target.url && change.at >= started)?.at;
  });
  const panelAt = await waitFor(() =>
    panel.evaluate(
      ({ header, since }) =>
        (window as unknown as { headerLog: { text: string; at: number }[] }).headerLog.find(
          (entry) => entry.text.includes(header) && entry.at >= since,
        )?.at,
      { header: target.header, since: started },
    ),
  );
  return { background: background - started, panel: panelAt - started };
}

async function measure(browser: ExtensionSession, count: number) {
  const page = await browser.openPage(DEMO_URLS.opportunityList);
  const tabId = await browser.tabIdOf(page);
  const panel = await browser.openSidePanel(tabId);
  await panel.getByTestId('context').waitFor({ timeout: 10_000 });
  await watchContexts(browser.serviceWorker);
  await watchPanelHeader(panel);

  const background: number[] = [];
  const shown: number[] = [];
  for (let n = 0; n < count; n++) {
    await sleep(PAUSE_MS);
    const delay = await navigateOnce(browser, page, panel, tabId, n);
    background.push(delay.background);
    shown.push(delay.panel);
  }
  return { background: background.sort((a, b) => a - b), panel: shown.sort((a, b) => a - b) };
}

// The count, in quick runs too: a p95 of fewer navigations is one outlier.
const NAVIGATIONS = 50;

export async function navigationBenchmarks(): Promise<Figure[]> {
  const count = NAVIGATIONS;
  const delays = await withExtension(EXTENSION_DIR, (browser) => measure(browser, count));
  const p95 = (times: number[]) => percentile(times, 95);

  return [
    {
      name: `pushState → context in background, p95 of ${count}`,
      value: p95(delays.background),
      unit: 'ms',
      ...atMost(p95(delays.background), 100, 'ms'),
    },
    {
      name: `pushState → context in panel, p95 of ${count}`,
      value: p95(delays.panel),
      unit: 'ms',
      ...atMost(p95(delays.panel), 100, 'ms'),
    },
    {
      name: 'pushState → context in panel, median',
      value: percentile(delays.panel, 50),
      unit: 'ms',
    },
  ];
}
