/**
 * Bookmarks from any page, in real Chromium: a selection on a site no pack knows,
 * saved through the context menu's handler and through the shortcut's handler,
 * then listed, edited and found again in the side panel.
 *
 * Headless Chromium cannot open its native context menu or press a browser-level
 * shortcut, so the test calls, inside the real service worker, the very functions
 * those two run (exposed by the test build only, see worker-hooks.ts), with the
 * data the browser would hand them. What makes this honest is the permission: the
 * menu and the shortcut grant activeTab for their tab, and so does a click on the
 * toolbar button, which the DevTools protocol can make (Extensions.triggerAction).
 * The test grants access that way and no other: the extension has no host
 * permission for the site, as the first check shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildFixtureExtension, FIXTURE_EXTENSION_DIR } from './fixture-extension';
import {
  DEMO_URLS,
  EXTENSION_DIR,
  launchBrowser,
  startDemoServer,
  type DemoServer,
  type ExtensionSession,
} from './harness';
import type { WorkerHooks } from './worker-hooks';

let server: DemoServer;
let browser: ExtensionSession;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser({
    extensionDir: buildFixtureExtension(),
    port: server.port,
    // Lets the DevTools protocol click the toolbar button (Extensions.triggerAction).
    extraArgs: ['--enable-unsafe-extension-debugging'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// The extension APIs the test calls inside the service worker, where they exist.
declare const chrome: {
  tabs: { get(tabId: number): Promise<{ id?: number; url?: string; title?: string }> };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      func: () => unknown;
    }): Promise<{ result?: unknown }[]>;
  };
  sidePanel: { setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void> };
  contextMenus: { update(id: string, properties: object): Promise<void> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  runtime: { getManifest(): { permissions?: string[]; host_permissions?: string[] } };
};
declare const inflowTest: WorkerHooks;

/** Selects the text of the element matched by `selector`, as a learner would with the mouse. */
async function select(page: Page, selector: string): Promise<string> {
  return page.evaluate((css) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(css)!);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);
}

/** Whether the extension may run script in the tab right now. */
function canReadTab(tabId: number): Promise<boolean> {
  return browser.serviceWorker.evaluate(
    (id) =>
      chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.title }).then(
        () => true,
        () => false,
      ),
    tabId,
  );
}

/**
 * Clicks the toolbar button for the page's tab: Chromium then grants activeTab,
 * as it does for a context-menu click or the shortcut. Chromium grants nothing
 * when the click opens the side panel (extension_action_runner.cc), so the panel
 * behaviour is off for the click.
 */
async function grantActiveTab(page: Page): Promise<void> {
  const worker = browser.serviceWorker;
  const chromium = browser.context.browser();
  if (!chromium) throw new Error('no browser-level DevTools session');
  const cdp = await chromium.newBrowserCDPSession();
  const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<never>;

  await worker.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }));
  try {
    // The empty filter lists every target, tab targets included.
    const { targetInfos } = await send('Target.getTargets', { filter: [{}] });
    const tab = (targetInfos as { type: string; url: string; targetId: string }[]).find(
      (target) => target.type === 'tab' && target.url === page.url(),
    );
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
    await worker.evaluate(() =>
      chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }),
    );
  }
}

async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function openBookmarks(tabId: number): Promise<Page> {
  const panel = await browser.openSidePanel(tabId);
  await panel.getByTestId('tab-bookmarks').click();
  await panel.getByTestId('bookmarks-view').waitFor();
  // Counted before the list has come from IndexedDB, the bookmarks would number 0.
  await panel.getByTestId('bookmarks-loading').waitFor({ state: 'detached' });
  return panel;
}

const intranetTitle = 'How we run Q3 pipeline reviews | Acme Intranet';

describe('bookmarks from any page', () => {
  it('should expose the handlers in the test build only, never in the production build', () => {
    const worker = (folder: string) => readFileSync(join(folder, 'background.js'), 'utf8');

    expect(worker(FIXTURE_EXTENSION_DIR)).toContain('inflowTest');
    expect(worker(EXTENSION_DIR)).not.toContain('inflowTest');
  });

  it('should add the menu items and the shortcut, with no host access beyond the packs', async () => {
    const manifest = await browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    const commands = await browser.serviceWorker.evaluate(() => chrome.commands.getAll());
    // update() fails for an item that does not exist: both were added at install.
    const menus = await browser.serviceWorker.evaluate(async () => {
      await chrome.contextMenus.update('inflow-bookmark-page', {});
      await chrome.contextMenus.update('inflow-bookmark-selection', {});
      return 'both exist';
    });

    expect(manifest.permissions).toEqual(
      expect.arrayContaining(['activeTab', 'contextMenus', 'scripting']),
    );
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    expect(manifest.host_permissions?.some((host) => host.includes('intranet'))).toBe(false);
    expect(commands).toContainEqual(
      expect.objectContaining({ name: 'bookmark-page', shortcut: 'Alt+Shift+K' }),
    );
    expect(menus).toBe('both exist');
  });

  it('should save a selection on an unknown site through the menu and through the shortcut, under activeTab only', async () => {
    const menuPage = await browser.openPage(`${DEMO_URLS.intranet}?via=menu`);
    const menuTab = await browser.tabIdOf(menuPage);
    expect(await canReadTab(menuTab)).toBe(false);

    // The context menu: Chromium hands the handler the click data and the tab.
    const menuSelection = await select(menuPage, '#intro');
    await grantActiveTab(menuPage);
    const fromMenu = await browser.serviceWorker.evaluate(
      async ({ tabId, selectionText }) => {
        const tab = await chrome.tabs.get(tabId);
        return inflowTest.bookmarkFromMenu(
          { menuItemId: inflowTest.BOOKMARK_MENUS.selection, selectionText, pageUrl: tab.url },
          tab,
        );
      },
      { tabId: menuTab, selectionText: menuSelection },
    );
    expect(await browser.badgeText(menuTab)).toBe('✓');

    // The shortcut: the handler gets the tab and reads the selection itself.
    const keyPage = await browser.openPage(`${DEMO_URLS.intranet}?via=shortcut`);
    const keyTab = await browser.tabIdOf(keyPage);
    const keySelection = await select(keyPage, '#forecast-paragraph');
    await grantActiveTab(keyPage);
    const fromKey = await browser.serviceWorker.evaluate(
      async (tabId) => inflowTest.bookmarkFromCommand(await chrome.tabs.get(tabId)),
      keyTab,
    );

    if (!fromMenu) throw new Error('the menu handler saved nothing');
    expect(fromMenu).toMatchObject({
      kind: 'page',
      url: `${DEMO_URLS.intranet}?via=menu`,
      title: intranetTitle,
      selection: menuSelection.trim(),
    });
    expect(fromKey).toMatchObject({
      url: `${DEMO_URLS.intranet}?via=shortcut`,
      title: intranetTitle,
      selection: keySelection.trim().replace(/\r\n?/g, '\n'),
    });
    expect(fromMenu).not.toHaveProperty('tool');
    expect(fromKey).not.toHaveProperty('tool');
    expect(await browser.badgeText(keyTab)).toBe('✓');
    await expect.poll(() => browser.badgeText(keyTab), { timeout: 5_000 }).toBe('');

    // Written before the handlers returned: a stopped worker loses nothing.
    await stopServiceWorker(keyPage);
    const panel = await openBookmarks(keyTab);
    await expect.poll(() => panel.getByTestId('bookmark').count()).toBe(2);
    expect(await panel.getByTestId('bookmark-selection').allTextContents()).toEqual([
      fromKey.selection,
      fromMenu.selection,
    ]);
    const where = await panel.getByTestId('bookmark-where').allTextContents();
    expect(where.map((text) => text.split(' · ')[0])).toEqual([
      'intranet.example.org',
      'intranet.example.org',
    ]);

    // Search indexes the bookmarks table: a word of the selection finds the page.
    await panel.getByTestId('tab-search').click();
    await panel.getByTestId('search-field').fill('roll-up');
    await expect
      .poll(() => panel.getByTestId('search-result').allTextContents())
      .toEqual([expect.stringContaining(intranetTitle)]);
    await Promise.all([menuPage.close(), keyPage.close(), panel.close()]);
  });

  it('should save nothing from the shortcut on a tab it was given no access to', async () => {
    const page = await browser.openPage(`${DEMO_URLS.intranet}?via=nothing`);
    const tabId = await browser.tabIdOf(page);
    await select(page, '#intro');
    const panel = await openBookmarks(tabId);
    const before = await panel.getByTestId('bookmark').count();

    const outcome = await browser.serviceWorker.evaluate(
      (id) =>
        inflowTest.bookmarkFromCommand({ id }).then(
          () => 'saved',
          (error: Error) => error.message,
        ),
      tabId,
    );

    expect(outcome).toContain('nothing to bookmark');
    expect(await browser.badgeText(tabId)).toBe('!');
    expect(await panel.getByTestId('bookmark').count()).toBe(before);
    await Promise.all([page.close(), panel.close()]);
  });

  it('should bookmark a page of a known tool from the panel, with its place and selection', async () => {
    const page = await browser.openPage('https://crm.inflow-fixture.example/churn');
    const tabId = await browser.tabIdOf(page);
    const panel = await browser.openSidePanel(tabId);
    await expect
      .poll(() => panel.getByTestId('context').textContent(), { timeout: 10_000 })
      .toContain('Busy page');
    await select(page, '#churn-status');

    await panel.getByTestId('bookmark-page').click();

    await expect
      .poll(() => panel.getByTestId('bookmark-page-outcome').textContent())
      .toContain('Saved to your bookmarks');
    await panel.getByTestId('tab-bookmarks').click();
    const first = panel.getByTestId('bookmark').first();
    await expect
      .poll(() => first.getByTestId('bookmark-where').textContent())
      .toContain('Fixture CRM › Busy page');
    expect(await first.getByTestId('bookmark-title').textContent()).toBe('Fixture CRM: busy page');
    expect(await first.getByTestId('bookmark-selection').textContent()).toBe('tick 0');
    await Promise.all([page.close(), panel.close()]);
  });

  it('should keep a note and tags edited in the panel after it is closed and opened again', async () => {
    const page = await browser.openPage(`${DEMO_URLS.intranet}?via=edit`);
    const tabId = await browser.tabIdOf(page);
    await browser.serviceWorker.evaluate(
      ({ id, url }) =>
        inflowTest.bookmarkFromMenu(
          {
            menuItemId: inflowTest.BOOKMARK_MENUS.selection,
            selectionText: 'Edit me',
            pageUrl: url,
          },
          { id },
        ),
      { id: tabId, url: page.url() },
    );
    let panel = await openBookmarks(tabId);
    const item = (view: Page) => view.getByTestId('bookmark').filter({ hasText: 'Edit me' });

    await item(panel).getByTestId('bookmark-edit').click();
    await panel.getByTestId('bookmark-note-field').fill('Bring this to Monday’s review');
    await panel.getByTestId('bookmark-tags-field').fill('pipeline, Q3');
    await panel.getByTestId('bookmark-note-field').press('Enter');
    await expect.poll(() => panel.getByTestId('bookmark-editor').count()).toBe(0);
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    await panel.close();

    panel = await openBookmarks(tabId);
    await expect
      .poll(() => item(panel).getByTestId('bookmark-note').textContent())
      .toBe('Bring this to Monday’s review');
    expect(await item(panel).getByTestId('bookmark-tag').allTextContents()).toEqual([
      'pipeline',
      'Q3',
    ]);

    await panel.getByTestId('bookmark-filter').filter({ hasText: 'Q3' }).click();
    await expect.poll(() => panel.getByTestId('bookmark').count()).toBe(1);
    await Promise.all([page.close(), panel.close()]);
  });
});
