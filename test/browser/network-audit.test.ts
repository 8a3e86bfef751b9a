/**
 * The network audit: a tour of every demo page with the production build, the
 * panel opened, a lesson read and answered, the worker stopped and woken, and
 * then the list of requests the extension made. Only its own files are allowed
 * today (no pack URL or record store is configured). Every other browser test
 * runs the same audit when its session closes (harness.ts), so this holds over
 * the whole suite; the log is in test-output/network/requests.jsonl.
 */
import { describe, expect, it } from 'vitest';

import { forbiddenRequests } from './network-log';
import { DEMO_HOSTS, DEMO_URLS } from './harness';
import { useDemoBrowser } from './demo-browser';

const demo = useDemoBrowser();

async function tour(): Promise<void> {
  for (const url of Object.values(DEMO_URLS)) {
    const page = await demo.browser.openPage(url);
    const panel = await demo.browser.openSidePanel(await demo.browser.tabIdOf(page));
    await panel.getByTestId('loading').waitFor({ state: 'detached', timeout: 10_000 });
    const lesson = panel.getByTestId('lesson').first();
    if ((await lesson.count()) > 0) {
      await lesson.click();
      await panel.getByTestId('lesson-body').waitFor();
      await panel.getByTestId('choice').first().click();
    }
    await Promise.all([page.close(), panel.close()]);
  }
}

describe('requests the extension makes', () => {
  it('should be its own files only, over a tour of every demo page and the panel', async () => {
    await tour();
    const own = `chrome-extension://${demo.browser.extensionId}/`;
    const extensionRequests = demo.browser.requests.filter((request) => request.from !== 'page');

    expect(extensionRequests.length).toBeGreaterThan(0);
    expect(extensionRequests.filter((request) => !request.url.startsWith(own))).toEqual([]);
    const policy = { extensionId: demo.browser.extensionId, servedHosts: DEMO_HOSTS };
    expect(forbiddenRequests(demo.browser.requests, policy)).toEqual([]);
  });

  it('should be caught when the worker or a content script reaches elsewhere', async () => {
    const policy = { extensionId: demo.browser.extensionId, servedHosts: DEMO_HOSTS };
    const before = demo.browser.requests.length;
    await demo.browser.serviceWorker.evaluate(() =>
      fetch('https://telemetry.inflow-fixture.example/t').catch(() => null),
    );
    await expect.poll(() => demo.browser.requests.length).toBeGreaterThan(before);

    const caught = forbiddenRequests(demo.browser.requests.slice(before), policy);
    expect(caught.map((request) => [request.from, request.url])).toEqual([
      ['service-worker', 'https://telemetry.inflow-fixture.example/t'],
    ]);
    // Take it out again so this session's own audit on close stays about the product.
    demo.browser.requests.length = before;
  });
});
