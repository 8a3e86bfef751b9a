/**
 * End to end in real Chromium: the built extension, the demo pages served over
 * HTTPS under the real tools' host names, the side panel opened for a tab.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { loadBundledPacks } from '../../rules/bundled';
import { compileRules } from '../../rules/engine';
import { DEMO_URLS, screenshot } from './harness';
import { useDemoBrowser } from './demo-browser';

const rules = compileRules(loadBundledPacks().packs);

/** The lesson titles the bundled packs give a page, as the panel should list them. */
function expectedTitles(url: string): string[] {
  return rules.match({ url })?.lessons.map((lesson) => lesson.title) ?? [];
}

const demo = useDemoBrowser();

async function openWithPanel(url: string): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await demo.browser.openPage(url);
  const tabId = await demo.browser.tabIdOf(page);
  const panel = await demo.browser.openSidePanel(tabId);
  return { page, panel, tabId };
}

async function listedTitles(panel: Page): Promise<string[]> {
  return panel.getByTestId('lesson-title').allTextContents();
}

async function waitForLessons(panel: Page, titles: string[]): Promise<void> {
  await expect.poll(() => listedTitles(panel), { timeout: 10_000 }).toEqual(titles);
}

describe('the toolbar button', () => {
  it('should open the side panel', async () => {
    const behavior = await demo.browser.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: {
            sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick: boolean }> };
          };
        }
      ).chrome.sidePanel.getPanelBehavior(),
    );

    expect(behavior.openPanelOnActionClick).toBe(true);
  });
});

describe('a Salesforce Opportunity record page', () => {
  it('should count its lessons on the badge and list them with their reasons', async () => {
    const titles = expectedTitles(DEMO_URLS.opportunity);
    expect(titles.length).toBeGreaterThanOrEqual(3);

    const { page, panel, tabId } = await openWithPanel(DEMO_URLS.opportunity);
    await waitForLessons(panel, titles);

    await expect.poll(() => demo.browser.badgeText(tabId)).toBe(String(titles.length));
    await expect(panel.getByTestId('context').textContent()).resolves.toContain(
      'Salesforce › Opportunity record',
    );
    const reasons = await panel.getByTestId('lesson-why').allTextContents();
    expect(reasons[0]).toContain(
      'Salesforce › Opportunity record: the address is the record page of an Opportunity',
    );

    await screenshot(page, 'salesforce-opportunity-page');
    await screenshot(panel, 'panel-opportunity-lessons');
    await Promise.all([page.close(), panel.close()]);
  });

  it('should keep a lesson done and its quiz answered after the panel is closed and reopened', async () => {
    const { page, panel, tabId } = await openWithPanel(DEMO_URLS.opportunity);
    await waitForLessons(panel, expectedTitles(DEMO_URLS.opportunity));

    await panel.getByTestId('lesson').filter({ hasText: 'Handling a price objection' }).click();
    await expect.poll(() => panel.getByTestId('reader').isVisible()).toBe(true);
    await screenshot(panel, 'panel-lesson-reader');

    await panel.getByTestId('quiz').getByTestId('choice').first().click();
    await expect.poll(() => panel.getByTestId('feedback').first().textContent()).toBeTruthy();
    await screenshot(panel, 'panel-quiz-feedback');

    await panel.getByTestId('mark-done').click();
    // Closing the panel before the write lands would lose it: wait for the saved state.
    await expect.poll(() => panel.getByTestId('mark-done').textContent()).toContain('✓');
    await panel.close();

    const reopened = await demo.browser.openSidePanel(tabId);
    const done = reopened
      .getByTestId('lesson')
      .filter({ hasText: 'Handling a price objection' })
      .getByTestId('lesson-done');
    await expect.poll(() => done.count(), { timeout: 10_000 }).toBe(1);
    await screenshot(reopened, 'panel-lesson-done-after-reopen');
    await Promise.all([page.close(), reopened.close()]);
  });

  it('should follow a pushState navigation from the list view to a record within 500 ms', async () => {
    const { page, panel } = await openWithPanel(DEMO_URLS.opportunityList);
    await waitForLessons(panel, expectedTitles(DEMO_URLS.opportunityList));
    const context = panel.getByTestId('context');

    const clicked = Date.now();
    await page.locator('a[href*="/lightning/r/Opportunity/"]').first().click();
    await expect
      .poll(() => context.textContent(), { timeout: 5_000, interval: 10 })
      .toContain('Opportunity record');
    const elapsed = Date.now() - clicked;

    expect(page.url()).toMatch(/\/lightning\/r\/Opportunity\/\w+\/view$/);
    expect(elapsed).toBeLessThan(500);
    await waitForLessons(panel, expectedTitles(page.url()));
    await screenshot(panel, 'panel-after-pushstate');
    await Promise.all([page.close(), panel.close()]);
  });

  it('should still know the tab after the service worker is stopped', async () => {
    const { page, tabId } = await openWithPanel(DEMO_URLS.account);
    await expect.poll(() => demo.browser.badgeText(tabId), { timeout: 10_000 }).not.toBe('');

    const cdp = await demo.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();

    const panel = await demo.browser.openSidePanel(tabId);
    await waitForLessons(panel, expectedTitles(DEMO_URLS.account));
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('pages of no known tool', () => {
  it.each([
    ['an intranet page', DEMO_URLS.intranet],
    ["a vendor's marketing page that names and links the tools", DEMO_URLS.vendorPage],
  ])('should show the empty state and no badge on %s', async (name, url) => {
    const { page, panel, tabId } = await openWithPanel(url);

    await expect
      .poll(() => panel.getByTestId('empty-state').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await panel.getByTestId('lesson').count()).toBe(0);
    expect(await demo.browser.badgeText(tabId)).toBe('');

    await screenshot(panel, `panel-empty-${name.split(' ')[1]}`);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('other tools', () => {
  it.each([
    ['HubSpot deal', DEMO_URLS.hubspotDeal, 'HubSpot › deal record'],
    ['Google Docs editor', DEMO_URLS.googleDoc, 'Google Docs › Document editor'],
    ['Jira issue', DEMO_URLS.jiraIssue, 'Jira › Issue'],
  ])('should list the lessons of a %s page', async (name, url, heading) => {
    const titles = expectedTitles(url);
    expect(titles.length).toBeGreaterThan(0);

    const { page, panel, tabId } = await openWithPanel(url);
    await waitForLessons(panel, titles);

    await expect(panel.getByTestId('context').textContent()).resolves.toContain(heading);
    expect(await demo.browser.badgeText(tabId)).toBe(String(titles.length));
    await screenshot(panel, `panel-${name.replace(/\s+/g, '-').toLowerCase()}`);
    await Promise.all([page.close(), panel.close()]);
  });
});
