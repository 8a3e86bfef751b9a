import './happy-dom-node-name';

import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { InflowDatabase } from '@/lib/db';
import { logger } from '@/lib/logger';
import { pausedSites } from '@/lib/paused-sites';
import { noteRecordSuccess } from '@/lib/record-health';

import { speakEnglish } from './english-messages';
import {
  answerMessages,
  click,
  freshDatabase,
  mountPanel,
  opportunity,
  priceObjection,
  texts,
  type Mounted,
} from './panel-kit';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => vi.fn()) }));

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  answerMessages({ context: async () => opportunity(), module: async () => priceObjection });
});

afterEach(() => {
  noteRecordSuccess();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

async function openLesson(panel: Mounted): Promise<void> {
  await vi.waitFor(() => expect(panel.byTestId('lesson')).toHaveLength(3));
  click(panel, 'lesson', 'Handling a price objection');
  await vi.waitFor(() => expect(panel.byTestId('save-lesson')).toHaveLength(1));
}

it('should save a lesson as a bookmark, with a bookmarked statement', async () => {
  const db = freshDatabase();
  const panel = mountPanel(db);
  await openLesson(panel);

  click(panel, 'save-lesson');

  await vi.waitFor(() => expect(texts(panel, 'save-lesson')).toEqual(['✓ Saved']));
  expect(await db.bookmarks.toArray()).toMatchObject([
    {
      kind: 'lesson',
      pack: 'inflow.salesforce',
      module: 'price-objection',
      title: 'Handling a price objection',
    },
  ]);
  expect(await db.statements.where('verb').equals('bookmarked').count()).toBe(1);
  await panel.unmount();
});

it('should say the storage is full, and not claim the lesson done', async () => {
  vi.spyOn(logger, 'warn').mockImplementation(() => {});
  const db = freshDatabase();
  const panel = mountPanel(db);
  await openLesson(panel);
  vi.spyOn(db, 'transaction').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));

  click(panel, 'mark-done');

  await vi.waitFor(() => expect(panel.byTestId('storage-banner')).toHaveLength(1));
  expect(texts(panel, 'storage-banner')).toEqual([
    "This device's storage is full, so Inflow can't save new progress. Free up disk space, or export your data and delete it on the Your data page.",
  ]);
  expect(texts(panel, 'mark-done')).toEqual(['Mark as done']);
  expect(panel.byTestId('lesson-body')).toHaveLength(1);
  await panel.unmount();
});

it('should record a passed quiz with its score once every question has an answer', async () => {
  const db = freshDatabase();
  const panel = mountPanel(db);
  await openLesson(panel);
  const [first, second] = panel
    .byTestId('quiz')[0]!
    .querySelectorAll<HTMLElement>('[role="group"]');
  const choices = (group: HTMLElement) =>
    group.querySelectorAll<HTMLButtonElement>('[data-testid="choice"]');

  choices(first!)[1]!.click();
  choices(second!)[0]!.click();
  choices(second!)[2]!.click();
  await vi.waitFor(() => expect(second!.querySelector('[data-testid="check"]')).not.toBeNull());
  second!.querySelector<HTMLButtonElement>('[data-testid="check"]')!.click();

  await vi.waitFor(async () =>
    expect(await db.statements.where('verb').equals('passed').count()).toBe(1),
  );
  const [passed] = await db.statements.where('verb').equals('passed').toArray();
  expect(passed).toMatchObject({ success: true, score: { raw: 2, max: 2 } });
  await panel.unmount();
});

it('should say Inflow is paused on the site, and resume it', async () => {
  await pausedSites.setValue(['force.com']);
  answerMessages({ context: async () => ({ ...opportunity(), detection: null, paused: true }) });
  const panel = mountPanel(freshDatabase());

  await vi.waitFor(() => expect(panel.byTestId('paused')).toHaveLength(1));
  expect(panel.byTestId('paused')[0]?.textContent).toContain(
    'Inflow is paused on acme.lightning.force.com.',
  );
  click(panel, 'resume');

  await vi.waitFor(async () => expect(await pausedSites.getValue()).toEqual([]));
  await panel.unmount();
});

it('should keep lessons readable without IndexedDB, say so, and claim nothing saved', async () => {
  vi.spyOn(logger, 'warn').mockImplementation(() => {});
  const refusing = () => {
    throw new DOMException(
      'The user denied permission to access the database.',
      'InvalidStateError',
    );
  };
  const db = new InflowDatabase({
    indexedDB: { open: refusing, deleteDatabase: refusing, cmp: () => 0 } as never,
    IDBKeyRange,
  });
  const panel = mountPanel(db);
  await openLesson(panel);

  click(panel, 'mark-done');
  click(panel, 'save-lesson');

  await vi.waitFor(() => expect(panel.byTestId('save-failed')).toHaveLength(1));
  await vi.waitFor(() => expect(panel.byTestId('bookmark-failed')).toHaveLength(1));
  expect(texts(panel, 'storage-banner')).toEqual([
    "Inflow can't store anything in this browser right now. Lessons still work, but your progress and bookmarks won't be saved.",
  ]);
  expect(texts(panel, 'mark-done')).toEqual(['Mark as done']);
  expect(texts(panel, 'save-lesson')).toEqual(['Save lesson']);
  expect(panel.byTestId('lesson-body')[0]?.textContent).toContain('Hear it out');
  await panel.unmount();
});
