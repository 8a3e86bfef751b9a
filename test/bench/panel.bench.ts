/**
 * The side panel's first render with a pack of 5,000 modules, all placed on the
 * page the panel is opened for (the fixture build's large library): from the
 * panel page's navigation start to its lesson list in the DOM, timed inside the
 * page by a script that runs before the panel's own.
 */
import type { Page } from 'playwright-core';

import { buildFixtureExtension } from '../browser/fixture-extension';
import type { ExtensionSession } from '../browser/harness';
import { LARGE_HOST, LARGE_MODULE_COUNT } from '../fixtures/large-pack';
import { waitFor, withExtension } from './browser-kit';
import { atMost, percentile, type Figure } from './report';

const SMALL_URL = 'https://crm.inflow-fixture.example/app/delayed';

/** Notes, in page time, when the first lesson of the list is in the DOM. */
function noteFirstLessons(): void {
  const note = window as unknown as { lessonsShownAt?: number };
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="lesson"]')) return;
    note.lessonsShownAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true });
}

async function firstRender(browser: ExtensionSession, tabId: number): Promise<number> {
  const origin = `chrome-extension://${browser.extensionId}/`;
  const panel: Page = await browser.context.newPage();
  try {
    await panel.addInitScript(noteFirstLessons);
    await panel.goto(`${origin}sidepanel.html?tab=${tabId}`);
    return await waitFor(() =>
      panel.evaluate(() => (window as unknown as { lessonsShownAt?: number }).lessonsShownAt),
    );
  } finally {
    await panel.close();
  }
}

/** First renders of the panel for the page at `url`, sorted, after one not counted. */
async function firstRenders(browser: ExtensionSession, url: string, runs: number) {
  const page = await browser.openPage(url);
  const tabId = await browser.tabIdOf(page);
  await waitFor(async () => ((await browser.badgeText(tabId)) !== '' ? true : undefined));

  // The first opening warms the service worker and the disk cache; it is not counted.
  await firstRender(browser, tabId);
  const measured: number[] = [];
  for (let run = 0; run < runs; run++) measured.push(await firstRender(browser, tabId));
  await page.close();
  return measured.sort((a, b) => a - b);
}

export async function panelBenchmarks(quick: boolean): Promise<Figure[]> {
  const runs = quick ? 5 : 15;
  const { large, small } = await withExtension(buildFixtureExtension(), async (browser) => ({
    // The baseline: the same panel, for a page with one lesson.
    small: await firstRenders(browser, SMALL_URL, runs),
    large: await firstRenders(browser, `https://${LARGE_HOST}/`, runs),
  }));

  const median = Math.round(percentile(large, 50));
  const baseline = Math.round(percentile(small, 50));
  return [
    {
      name: `panel first render, ${LARGE_MODULE_COUNT} modules on the page, median of ${runs}`,
      value: median,
      unit: 'ms',
      ...atMost(median, 150, 'ms'),
      ratio: Math.round((median / baseline) * 100) / 100,
      baseline: 'a page with one lesson',
    },
    { name: 'panel first render, page with one lesson, median', value: baseline, unit: 'ms' },
    {
      name: 'panel first render, 5,000 modules, slowest',
      value: Math.round(large.at(-1)!),
      unit: 'ms',
    },
  ];
}
