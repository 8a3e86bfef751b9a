import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';

import { clearTab, detectTab } from '@/lib/detector';
import { readTabContext } from '@/lib/tab-contexts';
import { loadBundledPacks } from '@/rules/bundled';
import { compileRules } from '@/rules/engine';

const rules = compileRules(loadBundledPacks().packs);
const opportunity =
  'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00001rWkhYAAS/view';

describe('detecting a tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep the tab context in session storage and count its lessons on the badge', async () => {
    const context = await detectTab(rules, 7, { url: opportunity, title: 'Acme | Salesforce' });

    const stored = await readTabContext(7);
    const badge = await browser.action.getBadgeText({ tabId: 7 });

    expect(stored?.detection?.context).toBe('record:Opportunity');
    expect(stored).toEqual(context);
    expect(badge).toBe(String(context.detection?.lessons.length));
    expect(Number(badge)).toBeGreaterThan(0);
  });

  it('should store "no tool" and show no badge on a page no pack knows', async () => {
    await detectTab(rules, 8, { url: 'https://www.salesforce.com/products/' });

    expect((await readTabContext(8))?.detection).toBeNull();
    expect(await browser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  it('should forget a cleared tab', async () => {
    await detectTab(rules, 9, { url: opportunity });

    await clearTab(9);

    expect(await readTabContext(9)).toBeNull();
    expect(await browser.action.getBadgeText({ tabId: 9 })).toBe('');
  });
});
