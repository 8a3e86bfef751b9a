import './happy-dom-node-name';

import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';

import { BookmarkPageButton } from '@/components/bookmark-page-button';
import { DatabaseProvider } from '@/components/database-context';
import type { InflowDatabase } from '@/lib/db';

import { speakEnglish } from './english-messages';
import { answerMessages, freshDatabase, opportunity, TAB } from './panel-kit';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => vi.fn()) }));

let db: InflowDatabase;
let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  db = freshDatabase();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

function mount(tabId: number | null | undefined): void {
  render(
    <DatabaseProvider value={db}>
      <BookmarkPageButton tabId={tabId} />
    </DatabaseProvider>,
    container,
  );
}

const outcome = () =>
  container.querySelector('[data-testid="bookmark-page-outcome"]')?.textContent ?? '';

function tabShows(tab: { url?: string; title?: string }): void {
  vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: TAB, ...tab } as never);
}

function pageHasSelected(selection: string | Error) {
  const spy = vi.spyOn(browser.scripting, 'executeScript');
  if (selection instanceof Error) return spy.mockRejectedValue(selection);
  return spy.mockResolvedValue([{ frameId: 0, result: { selection } }] as never);
}

describe('"Bookmark this page" in the panel', () => {
  it('should save the tab’s page with the detected place and the selection, then say so', async () => {
    const context = opportunity();
    answerMessages({ context: async () => context });
    tabShows({ url: context.url, title: 'Acme renewal | Salesforce' });
    pageHasSelected('Renewal at risk');
    mount(TAB);

    container.querySelector<HTMLButtonElement>('[data-testid="bookmark-page"]')!.click();

    await vi.waitFor(() => expect(outcome()).toContain('Saved to your bookmarks'));
    expect(await db.bookmarks.toArray()).toEqual([
      expect.objectContaining({
        kind: 'page',
        url: context.url,
        title: 'Acme renewal | Salesforce',
        selection: 'Renewal at risk',
        tool: 'salesforce',
        contextName: 'Opportunity record',
      }),
    ]);
  });

  it('should say a page saved before is in the bookmarks already, and keep it once', async () => {
    answerMessages({ context: async () => opportunity() });
    tabShows({ url: opportunity().url, title: 'Acme' });
    pageHasSelected('');
    mount(TAB);
    const button = container.querySelector<HTMLButtonElement>('[data-testid="bookmark-page"]')!;
    button.click();
    await vi.waitFor(() => expect(outcome()).toContain('Saved to your bookmarks'));

    button.click();

    await vi.waitFor(() => expect(outcome()).toContain('Already in your bookmarks'));
    expect(await db.bookmarks.count()).toBe(1);
  });

  it('should save without the selection when the page cannot be read', async () => {
    answerMessages({ context: async () => opportunity() });
    tabShows({ url: opportunity().url, title: 'Acme' });
    pageHasSelected(new Error('Cannot access contents of the page.'));
    mount(TAB);

    container.querySelector<HTMLButtonElement>('[data-testid="bookmark-page"]')!.click();

    await vi.waitFor(() => expect(outcome()).toContain('Saved'));
    const [saved] = await db.bookmarks.toArray();
    expect(saved).not.toHaveProperty('selection');
  });

  it('should explain, and save nothing, when the panel may not know the page’s address', async () => {
    answerMessages({ context: async () => null });
    tabShows({});
    const read = pageHasSelected('never read');
    mount(TAB);

    container.querySelector<HTMLButtonElement>('[data-testid="bookmark-page"]')!.click();

    await vi.waitFor(() => expect(outcome()).toContain('Right-click the page'));
    expect(await db.bookmarks.count()).toBe(0);
    expect(read).not.toHaveBeenCalled();
  });

  it('should not show without a tab', () => {
    mount(null);

    expect(container.querySelector('[data-testid="bookmark-page"]')).toBeNull();
  });
});
