/**
 * Hostile and awkward pages: elements taken away, a huge DOM, a hostile title
 * (stored as plain text and cut to the limit), and an editor that draws its text
 * on a canvas (Google Docs, detected from its address and title alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_TEXT_LENGTH } from '../../rules/page';
import { HOSTILE_HOST } from '../fixtures/packs/index';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { storedContext } from './context-watch';
import { buildFixtureExtension } from './fixture-extension';
import {
  DEMO_URLS,
  EXTENSION_DIR,
  launchBrowser,
  startDemoServer,
  type DemoServer,
  type ExtensionSession,
} from './harness';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server?.close();
});

async function withBrowser(dir: string, use: (browser: ExtensionSession) => Promise<void>) {
  const browser = await launchBrowser({ extensionDir: dir, port: server.port });
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}

async function contextOf(browser: ExtensionSession, url: string) {
  const page = await browser.openPage(url);
  const tabId = await browser.tabIdOf(page);
  await expect
    .poll(() => storedContext(browser.serviceWorker, tabId), { timeout: 10_000 })
    .not.toBeNull();
  return { page, tabId, stored: () => storedContext(browser.serviceWorker, tabId) };
}

describe('hostile pages, fixture packs', () => {
  it('should detect pages with missing elements, huge DOMs and hostile titles', async () => {
    await withBrowser(buildFixtureExtension(), async (browser) => {
      const bare = await contextOf(browser, `https://${HOSTILE_HOST}/bare`);
      await expect.poll(() => bare.page.evaluate(() => 'bareDone' in window)).toBe(true);
      expect((await bare.stored())?.detection?.context).toBe('page');

      const huge = await contextOf(browser, `https://${HOSTILE_HOST}/huge`);
      await expect.poll(async () => (await huge.stored())?.title.length).toBe(MAX_TEXT_LENGTH);
      expect(
        await huge.page.evaluate(() => document.getElementsByTagName('*').length),
      ).toBeGreaterThan(200_000);

      for (const title of XSS_PAYLOADS.slice(0, 10)) {
        const url = `https://${HOSTILE_HOST}/records/r1?title=${encodeURIComponent(title)}`;
        const hostile = await contextOf(browser, url);
        await expect.poll(async () => (await hostile.stored())?.title).toBe(title);
        expect((await hostile.stored())?.detection?.context).toBe('record:r1');
        await hostile.page.close();
      }
    });
  });
});

describe('an editor that draws its text on a canvas, bundled packs', () => {
  it('should detect Google Docs from the address and title alone', async () => {
    await withBrowser(EXTENSION_DIR, async (browser) => {
      const docs = await contextOf(browser, DEMO_URLS.googleDoc);
      const canvases = await docs.page.evaluate(() => document.querySelectorAll('canvas').length);

      expect(canvases).toBeGreaterThan(0);
      const stored = await docs.stored();
      expect([stored?.detection?.tool, stored?.detection?.context]).toEqual([
        'google_docs',
        'document_editor',
      ]);
    });
  });
});
