import './happy-dom-node-name';

import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { logger } from '@/lib/logger';
import { recordDone } from '@/lib/progress';

import { speakEnglish } from './english-messages';
import {
  announceChange,
  answerMessages,
  click,
  freshDatabase,
  mountPanel,
  lessons,
  opportunity,
  priceObjection,
  TAB,
  texts,
} from './panel-kit';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => vi.fn()) }));

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  answerMessages({ context: async () => opportunity(), module: async () => priceObjection });
});

afterEach(() => {
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

it('should keep a lesson done after the panel is closed and opened again', async () => {
  const db = freshDatabase();
  const first = mountPanel(db);
  await vi.waitFor(() => expect(first.byTestId('lesson')).toHaveLength(3));
  click(first, 'lesson', 'Handling a price objection');
  await vi.waitFor(() => expect(first.byTestId('mark-done')).toHaveLength(1));

  click(first, 'mark-done');
  await vi.waitFor(() => expect(texts(first, 'mark-done')).toEqual(['✓ Done']));
  await first.unmount();

  expect(await db.progress.get('inflow.salesforce/price-objection')).toMatchObject({
    done: true,
    doneAt: expect.any(String),
  });
  const reopened = mountPanel(db);
  await vi.waitFor(() => expect(reopened.byTestId('lesson-done')).toHaveLength(1));
  const doneTitles = reopened
    .byTestId('lesson')
    .filter((item) => item.querySelector('[data-testid="lesson-done"]'))
    .map((item) => item.querySelector('[data-testid="lesson-title"]')?.textContent);
  expect(doneTitles).toEqual(['Handling a price objection']);
  await reopened.unmount();
});

it('should show a done lesson as done when it is opened again', async () => {
  const db = freshDatabase();
  const panel = mountPanel(db);
  await vi.waitFor(() => expect(panel.byTestId('lesson')).toHaveLength(3));
  click(panel, 'lesson', 'Handling a price objection');
  await vi.waitFor(() => expect(panel.byTestId('mark-done')).toHaveLength(1));
  click(panel, 'mark-done');
  await vi.waitFor(() => expect(texts(panel, 'mark-done')).toEqual(['✓ Done']));

  click(panel, 'back');
  await vi.waitFor(() => expect(panel.byTestId('lesson-done')).toHaveLength(1));
  click(panel, 'lesson', 'Handling a price objection');

  await vi.waitFor(() => expect(texts(panel, 'mark-done')).toEqual(['✓ Done']));
  expect(panel.byTestId('mark-done')[0]?.getAttribute('aria-disabled')).toBe('true');
  const completions = await db.statements.where('verb').equals('completed').toArray();
  expect(completions).toEqual([
    {
      id: expect.any(Number),
      uuid: expect.any(String),
      verb: 'completed',
      pack: 'inflow.salesforce',
      module: 'price-objection',
      durationMs: expect.any(Number),
      timestamp: expect.any(String),
    },
  ]);
  await panel.unmount();
});

it('should say calmly when progress cannot be saved, and leave the lesson not done', async () => {
  const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
  const db = freshDatabase();
  vi.spyOn(db, 'transaction').mockRejectedValue(new Error('QuotaExceededError'));
  const panel = mountPanel(db);
  await vi.waitFor(() => expect(panel.byTestId('lesson')).toHaveLength(3));
  click(panel, 'lesson', 'Handling a price objection');
  await vi.waitFor(() => expect(panel.byTestId('mark-done')).toHaveLength(1));

  click(panel, 'mark-done');

  await vi.waitFor(() =>
    expect(texts(panel, 'save-failed')).toEqual([
      "Your progress couldn't be saved on this device.",
    ]),
  );
  expect(texts(panel, 'mark-done')).toEqual(['Mark as done']);
  expect(panel.byTestId('lesson-body')).toHaveLength(1);
  expect(warn).toHaveBeenCalledWith('Could not save progress', new Error('QuotaExceededError'));
  await panel.unmount();
});

it('should read the done marks again when the page moves on to other lessons', async () => {
  const db = freshDatabase();
  await recordDone(db, { pack: 'inflow.salesforce', module: 'price-objection' });
  answerMessages({ context: async () => opportunity(lessons.slice(1)) });
  const panel = mountPanel(db);
  await vi.waitFor(() => expect(panel.byTestId('lesson')).toHaveLength(2));
  expect(panel.byTestId('lesson-done')).toHaveLength(0);

  answerMessages({ context: async () => opportunity(lessons) });
  await announceChange(TAB);

  await vi.waitFor(() => expect(panel.byTestId('lesson-done')).toHaveLength(1));
  expect(panel.byTestId('lesson')[0]?.textContent).toContain('Handling a price objection');
  await panel.unmount();
});
