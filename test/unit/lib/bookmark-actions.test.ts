import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';

import {
  BOOKMARK_COMMAND,
  BOOKMARK_MENUS,
  bookmarkFromCommand,
  bookmarkFromMenu,
  createBookmarkMenus,
  followBookmarkActions,
} from '@/lib/bookmark-actions';
import { FLASH_MS } from '@/lib/bookmark-feedback';
import { database } from '@/lib/db';
import { logger } from '@/lib/logger';
import { saveTabContext } from '@/lib/tab-contexts';
import type { Detection } from '@/rules/engine';

import { speakEnglish } from '../components/english-messages';

const article = 'https://field-notes.example.net/articles/pipeline-reviews';
const opportunity =
  'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00001rWkhYAAS/view';

const detection = {
  tool: 'salesforce',
  toolName: 'Salesforce',
  context: 'record:Opportunity',
  contextName: 'Opportunity record',
} as Detection;

const manifest = (version: 2 | 3) => ({
  manifest_version: version,
  name: 'Inflow',
  version: '0.1.0',
});

/** Makes `scripting.executeScript` answer as the page would, and records the calls. */
function pageAnswers(result: unknown) {
  return vi
    .spyOn(browser.scripting, 'executeScript')
    .mockImplementation((async () => [{ frameId: 0, result }]) as never);
}

beforeEach(async () => {
  fakeBrowser.reset();
  speakEnglish();
  // The fake browser reports an empty error after every call; a browser reports none.
  fakeBrowser.runtime.lastError = undefined;
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue(manifest(3));
  await database().bookmarks.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('bookmarking from the context menu', () => {
  it('should save the selection the menu hands over, on a page no pack knows', async () => {
    const injected = pageAnswers({});

    const saved = await bookmarkFromMenu(
      {
        menuItemId: BOOKMARK_MENUS.selection,
        selectionText: 'Review the pipeline weekly',
        pageUrl: article,
      },
      { id: 4, url: article, title: 'Pipeline reviews | Field notes' },
    );

    expect(await database().bookmarks.toArray()).toEqual([saved]);
    expect(saved).toMatchObject({
      kind: 'page',
      url: article,
      title: 'Pipeline reviews | Field notes',
      selection: 'Review the pipeline weekly',
    });
    expect(saved).not.toHaveProperty('tool');
    // The menu gives the selection itself: nothing runs in the page.
    expect(injected).not.toHaveBeenCalled();
  });

  it('should keep the tool and context the background detected on the tab', async () => {
    await saveTabContext({ tabId: 5, url: opportunity, title: 'Acme', detection, updatedAt: 0 });

    const saved = await bookmarkFromMenu(
      { menuItemId: BOOKMARK_MENUS.page, pageUrl: opportunity },
      { id: 5, url: opportunity, title: 'Acme renewal' },
    );

    expect(saved).toMatchObject({ tool: 'salesforce', contextName: 'Opportunity record' });
  });

  it('should flash ✓ on the tab’s badge, then put back the lesson count', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    await browser.action.setBadgeText({ tabId: 5, text: '3' });

    await bookmarkFromMenu({ menuItemId: BOOKMARK_MENUS.page, pageUrl: article }, { id: 5 });

    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('✓');
    expect(await browser.action.getTitle({ tabId: 5 })).toBe('Inflow: saved to your bookmarks');
    await vi.advanceTimersByTimeAsync(FLASH_MS);
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('3');
  });

  it('should keep a page saved twice once, and say it was saved already', async () => {
    const click = { menuItemId: BOOKMARK_MENUS.page, pageUrl: article };
    const first = await bookmarkFromMenu(click, { id: 5, url: article, title: 'Pipeline' });

    const again = await bookmarkFromMenu(click, { id: 5, url: article, title: 'Pipeline' });

    expect(first?.id).toEqual(expect.any(String));
    expect(again?.id).toBe(first?.id);
    expect(await database().bookmarks.count()).toBe(1);
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('✓');
    expect(await browser.action.getTitle({ tabId: 5 })).toBe('Inflow: already in your bookmarks');
  });

  it('should leave the clicks of other menu items alone', async () => {
    expect(
      await bookmarkFromMenu({ menuItemId: 'someone-else', pageUrl: article }, { id: 4 }),
    ).toBeNull();
    expect(await database().bookmarks.count()).toBe(0);
  });

  it('should never store a javascript: address', async () => {
    const saved = await bookmarkFromMenu(
      { menuItemId: BOOKMARK_MENUS.selection, selectionText: 'x', pageUrl: 'javascript:alert(1)' },
      { id: 4, title: 'Hostile' },
    );

    expect(saved).not.toHaveProperty('url');
    expect(JSON.stringify(await database().bookmarks.toArray())).not.toContain('javascript');
  });
});

describe('bookmarking with the shortcut', () => {
  it('should read the selection in the page under the shortcut’s activeTab grant', async () => {
    const injected = pageAnswers({
      url: article,
      title: 'Field notes',
      selection: 'Forecast call',
    });

    const saved = await bookmarkFromCommand({ id: 4, url: article, title: 'Pipeline reviews' });

    expect(injected).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 4 } }));
    expect(saved).toMatchObject({
      url: article,
      title: 'Pipeline reviews',
      selection: 'Forecast call',
    });
    expect(await database().bookmarks.get(saved.id)).toEqual(saved);
  });

  it('should take only strings from the page’s answer', async () => {
    pageAnswers({ url: article, title: { toString: 'x' }, selection: ['<img src=x>'] });

    const saved = await bookmarkFromCommand({ id: 4 });

    expect(saved).toMatchObject({ url: article, title: 'field-notes.example.net' });
    expect(saved).not.toHaveProperty('selection');
  });

  it('should save the page without its selection when the page cannot be read', async () => {
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(
      new Error('Cannot access contents of the page.'),
    );

    const saved = await bookmarkFromCommand({ id: 4, url: article, title: 'Pipeline reviews' });

    expect(saved).toMatchObject({ url: article, title: 'Pipeline reviews' });
    expect(saved).not.toHaveProperty('selection');
  });

  it('should save nothing and flash ! when it can learn nothing of the tab', async () => {
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('no access'));

    await expect(bookmarkFromCommand({ id: 6 })).rejects.toThrow('nothing to bookmark');

    expect(await database().bookmarks.count()).toBe(0);
    expect(await browser.action.getBadgeText({ tabId: 6 })).toBe('!');
  });
});

describe('the menu items and listeners', () => {
  it('should remove the old items before adding the page and the selection item', async () => {
    const calls: string[] = [];
    vi.spyOn(browser.contextMenus, 'removeAll').mockImplementation(async () => {
      calls.push('removeAll');
    });
    vi.spyOn(browser.contextMenus, 'create').mockImplementation((properties, done) => {
      calls.push(`${properties.id} ${properties.contexts?.join()} ${properties.title}`);
      done?.();
      return properties.id ?? '';
    });

    await createBookmarkMenus();

    expect(calls).toEqual([
      'removeAll',
      'inflow-bookmark-page page Bookmark this page in Inflow',
      'inflow-bookmark-selection selection Bookmark selection in Inflow',
    ]);
  });

  it('should bookmark on the command and on a click, and add the menus at install', async () => {
    const listeners: Record<string, (...args: never[]) => unknown> = {};
    const capture = (name: string) => (listener: (...args: never[]) => unknown) => {
      listeners[name] = listener;
    };
    vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(capture('click'));
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(capture('command'));
    vi.spyOn(browser.runtime.onInstalled, 'addListener').mockImplementation(capture('installed'));
    const removeAll = vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(browser.contextMenus, 'create').mockImplementation((_, done) => (done?.(), 'id'));
    vi.spyOn(logger, 'error').mockImplementation(() => {});
    pageAnswers({ url: article, title: 'Field notes', selection: 'By shortcut' });

    followBookmarkActions();
    listeners.command!(...([BOOKMARK_COMMAND, { id: 4 }] as never[]));
    listeners.command!(...(['other-command', { id: 4 }] as never[]));
    listeners.click!(
      ...([{ menuItemId: BOOKMARK_MENUS.page, pageUrl: article }, { id: 4 }] as never[]),
    );
    listeners.installed!();

    await vi.waitFor(async () => expect(await database().bookmarks.count()).toBe(2));
    expect(removeAll).toHaveBeenCalledOnce();
    const selections = (await database().bookmarks.toArray()).map((each) => each.selection);
    expect(selections.sort()).toEqual(['By shortcut', undefined]);
  });

  it('should add the menus at every start in Firefox, whose persistent background page forgets them', async () => {
    vi.mocked(browser.runtime.getManifest).mockReturnValue(manifest(2));
    const installed = vi.spyOn(browser.runtime.onInstalled, 'addListener');
    vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const removeAll = vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi
      .spyOn(browser.contextMenus, 'create')
      .mockImplementation((_, done) => (done?.(), 'id'));

    followBookmarkActions();

    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(removeAll).toHaveBeenCalledOnce();
    expect(installed).not.toHaveBeenCalled();
  });
});
