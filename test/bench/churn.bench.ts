/**
 * Cost on a busy page: 20,000 nodes changed 5,000 times a second, with the
 * content script watching it (a fixture pack reads a selector there, so the DOM
 * observer is on: the worst case) and without the extension (the baseline).
 * Main-thread time is Chromium's TaskDuration for the page (DevTools protocol
 * Performance.getMetrics) over the churn; re-evaluations are the content script's
 * reports that reach the background, one per re-read since every re-read differs.
 */
import type { Page } from 'playwright-core';

import { buildFixtureExtension } from '../browser/fixture-extension';
import type { BrowserSession } from '../browser/harness';
import { sleep, withExtension, withoutExtension } from './browser-kit';
import { atMost, versus, type Figure } from './report';

const CHURN_URL = 'https://crm.inflow-fixture.example/churn';

// The extension APIs the counter below calls inside the service worker.
declare const chrome: {
  runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
};

interface Run {
  taskMs: number;
  /** Self time of the content script's own functions, from a CPU profile (profiled runs). */
  scriptMs?: number;
  changes: number;
  nodes: number;
  reports?: number;
}

async function taskSeconds(page: Page): Promise<(run: () => Promise<unknown>) => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN;
  };
  return async (run) => {
    const before = await read();
    await run();
    return (await read()) - before;
  };
}

/** Runs `run` under the V8 sampling profiler; returns the self time spent in extension code. */
async function extensionSelfMs(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();

  const extensionNodes = new Set(
    profile.nodes
      .filter((node) => node.callFrame.url.startsWith('chrome-extension://'))
      .map((node) => node.id),
  );
  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  const micros = samples.reduce(
    (sum, node, i) => sum + (extensionNodes.has(node) ? (deltas[i + 1] ?? 0) : 0),
    0,
  );
  return micros / 1000;
}

async function profiledChurn(browser: BrowserSession, ms: number): Promise<number> {
  const page = await browser.openPage(CHURN_URL);
  await sleep(1000);
  const churn = () => page.evaluate((time) => (window as unknown as Churn).churn(time), ms);
  const self = await extensionSelfMs(page, churn);
  await page.close();
  return self;
}

async function churnOnce(browser: BrowserSession, ms: number): Promise<Run> {
  const page = await browser.openPage(CHURN_URL);
  await sleep(1000); // let the first report and any start-up work settle
  const measure = await taskSeconds(page);
  let changes = 0;
  const seconds = await measure(async () => {
    changes = await page.evaluate((time) => (window as unknown as Churn).churn(time), ms);
  });
  const nodes = await page.evaluate(() => (window as unknown as Churn).countNodes());
  await page.close();
  return { taskMs: seconds * 1000, changes, nodes };
}

interface Churn {
  churn(ms: number): Promise<number>;
  countNodes(): number;
}

async function withReportCount(
  browser: Parameters<Parameters<typeof withExtension>[1]>[0],
  ms: number,
) {
  await browser.serviceWorker.evaluate(() => {
    const scope = globalThis as { inflowReports?: number };
    scope.inflowReports = 0;
    chrome.runtime.onMessage.addListener((message) => {
      if ((message as { inflow?: string })?.inflow === 'page.report') scope.inflowReports! += 1;
      return undefined;
    });
  });
  const before = await browser.serviceWorker.evaluate(
    () => (globalThis as { inflowReports?: number }).inflowReports ?? 0,
  );
  const run = await churnOnce(browser, ms);
  const after = await browser.serviceWorker.evaluate(
    () => (globalThis as { inflowReports?: number }).inflowReports ?? 0,
  );
  // The first report of the page load falls before the churn; count only the churn's.
  return { ...run, reports: after - before - 1, scriptMs: await profiledChurn(browser, ms) };
}

export async function churnBenchmarks(quick: boolean): Promise<Figure[]> {
  const ms = quick ? 3000 : 10_000;
  const extensionDir = buildFixtureExtension();
  const without = await withoutExtension((browser) => churnOnce(browser, ms));
  const withIt = await withExtension(extensionDir, (browser) => withReportCount(browser, ms));

  const extra = ((withIt.taskMs - without.taskMs) / without.taskMs) * 100;
  const attributed = ((withIt.scriptMs ?? NaN) / without.taskMs) * 100;
  const perSecond = (withIt.reports ?? 0) / (ms / 1000);
  const rate = Math.round(withIt.changes / (ms / 1000));
  const label = `${withIt.nodes.toLocaleString('en')} nodes, ${rate.toLocaleString('en')} changes/s, ${ms / 1000} s`;
  return [
    { name: `page main thread, no extension (${label})`, value: without.taskMs, unit: 'ms' },
    {
      name: 'page main thread, with the content script',
      value: withIt.taskMs,
      unit: 'ms',
      ...versus(withIt.taskMs, without.taskMs, 'no extension'),
    },
    { name: 'difference with − without (A/B, noisy)', value: extra, unit: '%' },
    {
      name: 'content script JS self time (CPU profile)',
      value: withIt.scriptMs ?? NaN,
      unit: 'ms',
    },
    {
      name: 'content script main-thread cost, share of the page’s own',
      value: attributed,
      unit: '%',
      ...atMost(attributed, 2, '%'),
    },
    {
      name: 'content script re-evaluations on the busy page',
      value: perSecond,
      unit: '/s',
      ...atMost(perSecond, 4, '/s'),
    },
  ];
}
