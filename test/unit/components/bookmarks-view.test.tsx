import './happy-dom-node-name';

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';

import { BookmarksView } from '@/components/bookmarks-view';
import { UNDO_MS } from '@/components/bookmark-undo';
import { DatabaseProvider } from '@/components/database-context';
import { CatalogueProvider } from '@/components/use-catalogue';
import type { Catalogue } from '@/lib/catalogue';
import { saveLesson, savePage } from '@/lib/bookmarks';
import { InflowDatabase, type Bookmark } from '@/lib/db';
import { logger } from '@/lib/logger';
import type { Suggestion } from '@/rules/engine';

import { speakEnglish } from './english-messages';

// Dexie caches live queries by database name across instances; every test's
// database is named "inflow", so the cache would carry one test's rows into the next.
const freshDatabase = () =>
  new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange, cache: 'disabled' });

// The lesson as the installed packs describe it: its length and kind are not in the bookmark.
const catalogue: Catalogue = {
  modules: [
    {
      pack: 'inflow.salesforce',
      packName: 'Salesforce',
      module: 'price-objection',
      title: 'Handling a price objection',
      minutes: 3,
      kind: 'quiz',
      skills: [],
      language: 'en',
      tools: ['salesforce'],
      supplements: [],
      text: '',
    },
  ],
  paths: [],
};

let db: InflowDatabase;
let container: HTMLElement;
let opened: Suggestion[];

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  db = freshDatabase();
  opened = [];
});

afterEach(async () => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function mountView(): void {
  container = document.createElement('div');
  document.body.append(container);
  render(
    <DatabaseProvider value={db}>
      <CatalogueProvider value={async () => catalogue}>
        <BookmarksView onOpenLesson={(lesson) => opened.push(lesson)} />
      </CatalogueProvider>
    </DatabaseProvider>,
    container,
  );
}

const all = (id: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const texts = (id: string) => all(id).map((element) => element.textContent?.trim() ?? '');
const itemOf = (title: string) =>
  all('bookmark').find((item) => item.querySelector('h2')?.textContent === title)!;
const button = (item: HTMLElement, id: string) =>
  item.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function press(target: Element, key: string, extra: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...extra }));
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

async function saveSome(): Promise<Record<'pricing' | 'opportunity' | 'lesson', Bookmark>> {
  const { bookmark: pricing } = await savePage(db, {
    url: 'https://field-notes.example.net/articles/pricing',
    title: 'Pricing notes',
    selection: 'Anchor on value,\nnot on price',
    note: 'Use in Friday’s call',
    tags: ['Pricing', 'calls'],
  });
  await tick();
  const { bookmark: opportunity } = await savePage(db, {
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
    title: 'Acme renewal',
    tags: ['renewals'],
    place: {
      tool: 'salesforce',
      toolName: 'Salesforce',
      context: 'record:Opportunity',
      contextName: 'Opportunity record',
    },
  });
  await tick();
  const lesson = await saveLesson(db, {
    pack: 'inflow.salesforce',
    module: 'price-objection',
    title: 'Handling a price objection',
  });
  return { pricing, opportunity, lesson };
}

async function mountWith(): Promise<Record<'pricing' | 'opportunity' | 'lesson', Bookmark>> {
  const saved = await saveSome();
  mountView();
  await vi.waitFor(() => expect(all('bookmark')).toHaveLength(3));
  return saved;
}

describe('the Bookmarks view', () => {
  it('should list the bookmarks newest first, with where each was saved, its selection, note and tags', async () => {
    await mountWith();

    expect(texts('bookmark-title')).toEqual([
      'Handling a price objection',
      'Acme renewal',
      'Pricing notes',
    ]);
    const where = texts('bookmark-where').map((text) => text.split(' · ')[0]);
    expect(where).toEqual(['Lesson', 'Salesforce › Opportunity record', 'field-notes.example.net']);
    expect(texts('bookmark-selection')).toEqual(['Anchor on value,\nnot on price']);
    expect(texts('bookmark-note')).toEqual(['Use in Friday’s call']);
    expect(texts('bookmark-tag')).toEqual(['renewals', 'Pricing', 'calls']);
    for (const id of ['bookmark-title', 'bookmark-selection', 'bookmark-note', 'bookmark-tag']) {
      expect(all(id).every((element) => element.getAttribute('dir') === 'auto')).toBe(true);
    }
  });

  it('should say so calmly when there are none', async () => {
    mountView();

    await vi.waitFor(() => expect(all('no-bookmarks')).toHaveLength(1));
  });

  it('should show hostile text as text', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    await savePage(db, {
      url: 'https://example.org/',
      title: payload,
      selection: payload,
      note: payload,
      tags: [payload],
    });

    mountView();

    await vi.waitFor(() => expect(texts('bookmark-title')).toEqual([payload]));
    expect(texts('bookmark-selection')).toEqual([payload]);
    expect(texts('bookmark-note')).toEqual([payload]);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('editing a bookmark', () => {
  it('should save the note and tags on Enter and give focus back to Edit', async () => {
    const { pricing } = await mountWith();
    button(itemOf('Pricing notes'), 'bookmark-edit').click();
    await vi.waitFor(() => expect(all('bookmark-editor')).toHaveLength(1));
    const note = all('bookmark-note-field')[0] as HTMLTextAreaElement;
    await vi.waitFor(() => expect(document.activeElement).toBe(note));

    type(note, 'Ask about the budget first');
    type(all('bookmark-tags-field')[0] as HTMLInputElement, 'pricing, budget');
    press(note, 'Enter');

    await vi.waitFor(() => expect(all('bookmark-editor')).toHaveLength(0));
    expect(await db.bookmarks.get(pricing.id)).toMatchObject({
      note: 'Ask about the budget first',
      tags: ['pricing', 'budget'],
    });
    await vi.waitFor(() => expect(texts('bookmark-note')).toEqual(['Ask about the budget first']));
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(button(itemOf('Pricing notes'), 'bookmark-edit')),
    );
  });

  it('should start a new line on Shift+Enter, and change nothing on Escape', async () => {
    const { pricing } = await mountWith();
    button(itemOf('Pricing notes'), 'bookmark-edit').click();
    await vi.waitFor(() => expect(all('bookmark-note-field')).toHaveLength(1));
    const note = all('bookmark-note-field')[0] as HTMLTextAreaElement;

    type(note, 'Changed');
    press(note, 'Enter', { shiftKey: true });
    expect(all('bookmark-editor')).toHaveLength(1);
    press(note, 'Escape');

    await vi.waitFor(() => expect(all('bookmark-editor')).toHaveLength(0));
    expect(await db.bookmarks.get(pricing.id)).toEqual(pricing);
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(button(itemOf('Pricing notes'), 'bookmark-edit')),
    );
  });

  it('should keep what was typed when the change cannot be saved', async () => {
    await mountWith();
    const logged = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    vi.spyOn(db.bookmarks, 'put').mockRejectedValue(new Error('QuotaExceededError'));
    button(itemOf('Pricing notes'), 'bookmark-edit').click();
    await vi.waitFor(() => expect(all('bookmark-note-field')).toHaveLength(1));

    type(all('bookmark-note-field')[0] as HTMLTextAreaElement, 'Not lost');
    button(container, 'bookmark-save').click();

    await vi.waitFor(() => expect(all('bookmark-edit-failed')).toHaveLength(1));
    expect((all('bookmark-note-field')[0] as HTMLTextAreaElement).value).toBe('Not lost');
    expect(logged).toHaveBeenCalledWith('The record could not be written', expect.any(Error));
  });
});

describe('deleting a bookmark', () => {
  it('should offer Undo, focused, which puts the bookmark back as it was', async () => {
    const { pricing } = await mountWith();

    button(itemOf('Pricing notes'), 'bookmark-delete').click();

    await vi.waitFor(() => expect(all('bookmark')).toHaveLength(2));
    expect(await db.bookmarks.get(pricing.id)).toBeUndefined();
    const undo = all('bookmark-undo-button')[0]!;
    await vi.waitFor(() => expect(document.activeElement).toBe(undo));

    undo.click();

    await vi.waitFor(() => expect(all('bookmark')).toHaveLength(3));
    expect(await db.bookmarks.get(pricing.id)).toEqual(pricing);
    expect(all('bookmark-undo')).toHaveLength(0);
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(button(itemOf('Pricing notes'), 'bookmark-delete')),
    );
  });

  it('should make the delete final once the offer ends, and move focus to the heading', async () => {
    const { pricing } = await mountWith();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    button(itemOf('Pricing notes'), 'bookmark-delete').click();
    await vi.waitFor(() => expect(all('bookmark-undo')).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    vi.useRealTimers();

    await vi.waitFor(() => expect(all('bookmark-undo')).toHaveLength(0));
    expect(await db.bookmarks.get(pricing.id)).toBeUndefined();
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
  });
});

describe('filtering and opening', () => {
  it('should filter by a tag, whatever its case, and show all again', async () => {
    await mountWith();
    const filters = () => all('bookmark-filter');
    expect(filters().map((each) => each.textContent)).toEqual(['renewals', 'Pricing', 'calls']);

    filters()[1]!.click();
    await vi.waitFor(() => expect(texts('bookmark-title')).toEqual(['Pricing notes']));
    expect(filters()[1]!.getAttribute('aria-pressed')).toBe('true');

    all('bookmark-filter-all')[0]!.click();
    await vi.waitFor(() => expect(all('bookmark')).toHaveLength(3));
  });

  it('should filter from a tag on a bookmark too', async () => {
    await mountWith();

    button(itemOf('Acme renewal'), 'bookmark-tag').click();

    await vi.waitFor(() => expect(texts('bookmark-title')).toEqual(['Acme renewal']));
  });

  it('should open a page in a new tab and a lesson in the reader', async () => {
    await mountWith();
    const create = vi.spyOn(browser.tabs, 'create');

    button(itemOf('Pricing notes'), 'bookmark-open').click();
    button(itemOf('Handling a price objection'), 'bookmark-open').click();

    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
    expect(create).toHaveBeenCalledWith({
      url: 'https://field-notes.example.net/articles/pricing',
      active: true,
    });
    expect(opened).toEqual([
      {
        pack: 'inflow.salesforce',
        module: 'price-objection',
        title: 'Handling a price objection',
        minutes: 3,
        kind: 'quiz',
        why: 'You saved this lesson',
      },
    ]);
  });

  it('should offer no Open for an address that must not be opened, as an imported backup may hold', async () => {
    await db.bookmarks.add({
      id: crypto.randomUUID(),
      kind: 'page',
      title: 'Imported',
      url: 'javascript:alert(1)',
      createdAt: '2026-05-04T09:30:00.000Z',
      updatedAt: '2026-05-04T09:30:00.000Z',
    });

    mountView();

    await vi.waitFor(() => expect(texts('bookmark-title')).toEqual(['Imported']));
    expect(all('bookmark-open')).toHaveLength(0);
    expect(texts('bookmark-where')[0]).toContain('No web address');
  });
});
