/**
 * A record header drawn 2.5 s after load and redrawn at 4 s (the fixture CRM page):
 * when the background first has the right context, measured from the page's load
 * event, and how many times the context changed after it (0: kept through the redraw).
 */
import { contextChanges, watchContexts } from '../browser/context-watch';
import { buildFixtureExtension } from '../browser/fixture-extension';
import { sleep, waitFor, withExtension } from './browser-kit';
import { atMost, type Figure } from './report';

const URL_DELAYED = 'https://crm.inflow-fixture.example/app/delayed';

interface HeaderTimes {
  load: number;
  redrawn?: number;
}

export async function delayedHeaderBenchmarks(): Promise<Figure[]> {
  const result = await withExtension(buildFixtureExtension(), async (browser) => {
    await watchContexts(browser.serviceWorker);
    const page = await browser.openPage(URL_DELAYED);
    const tabId = await browser.tabIdOf(page);
    const readTimes = () =>
      page.evaluate(() => {
        const times = (window as unknown as { headerTimes: HeaderTimes }).headerTimes;
        return times.redrawn === undefined ? undefined : performance.timeOrigin + times.load;
      });
    const loadedAt = await waitFor(readTimes, 10_000);
    await sleep(1000);

    const changes = await contextChanges(browser.serviceWorker, tabId);
    const first = changes.findIndex((change) => change.context === 'deal');
    const after = changes.slice(first + 1).filter((change) => change.context !== 'deal').length;
    return { rightAt: first < 0 ? NaN : changes[first]!.at - loadedAt, after };
  });

  return [
    {
      name: 'header drawn at 2.5 s: right context, after load',
      value: result.rightAt,
      unit: 'ms',
      ...atMost(result.rightAt, 3000, 'ms'),
    },
    {
      name: 'header redrawn at 4 s: wrong contexts after',
      value: result.after,
      unit: '',
      ...atMost(result.after, 0, ''),
    },
  ];
}
