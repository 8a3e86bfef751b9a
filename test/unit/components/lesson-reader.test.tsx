import './happy-dom-node-name';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import type { InflowDatabase } from '@/lib/db';
import { logger } from '@/lib/logger';

import { speakEnglish } from './english-messages';
import {
  answerMessages,
  click,
  freshDatabase,
  mountPanel,
  opportunity,
  priceObjection,
  sent,
  texts,
  type Mounted,
} from './panel-kit';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => vi.fn()) }));

const ref = { pack: 'inflow.salesforce', module: 'price-objection' };

let db: InflowDatabase;
let panel: Mounted | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  db = freshDatabase();
});

afterEach(async () => {
  await panel?.unmount();
  panel = undefined;
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

async function openPriceObjection(): Promise<Mounted> {
  const mounted = mountPanel(db);
  await vi.waitFor(() => expect(mounted.byTestId('lesson')).toHaveLength(3));
  click(mounted, 'lesson', 'Handling a price objection');
  await vi.waitFor(() => expect(mounted.byTestId('reader')).toHaveLength(1));
  return mounted;
}

describe('the lesson reader', () => {
  it('should show the lesson with its Markdown rendered through the sanitizer', async () => {
    answerMessages({ context: async () => opportunity(), module: async () => priceObjection });

    panel = await openPriceObjection();

    await vi.waitFor(() => expect(panel!.byTestId('lesson-body')).toHaveLength(1));
    expect(sent('panel.module')).toEqual([ref]);
    const [reader] = panel.byTestId('reader');
    expect(reader?.querySelector('h1')?.textContent).toBe('Handling a price objection');
    expect(texts(panel, 'lesson-minutes')).toEqual(['2 min']);
    expect(panel.byTestId('lesson-list')).toHaveLength(0);

    const [body] = panel.byTestId('lesson-body');
    expect(body?.getAttribute('lang')).toBe('en');
    expect(body?.getAttribute('dir')).toBe('auto');
    expect(body?.querySelector('h2')?.textContent).toBe('Hear it out');
    expect(body?.querySelector('strong')?.textContent).toBe('"too expensive"');
    const link = body?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/guide');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('should record that the lesson was opened, with the lesson reference only', async () => {
    answerMessages({ context: async () => opportunity(), module: async () => priceObjection });

    panel = await openPriceObjection();

    await vi.waitFor(async () => expect(await db.statements.count()).toBe(1));
    const [statement] = await db.statements.toArray();
    expect(statement).toMatchObject({ verb: 'experienced', ...ref });
    expect(await db.progress.get('inflow.salesforce/price-objection')).toEqual({
      key: 'inflow.salesforce/price-objection',
      ...ref,
      done: false,
      answers: {},
      updatedAt: expect.any(String),
    });
  });

  it('should go back to the list and give focus to the lesson it came from', async () => {
    answerMessages({ context: async () => opportunity(), module: async () => priceObjection });
    panel = await openPriceObjection();

    click(panel, 'back');

    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(3));
    expect(panel.byTestId('reader')).toHaveLength(0);
    await vi.waitFor(() =>
      expect(document.activeElement?.textContent).toContain('Handling a price objection'),
    );
  });

  it('should say calmly that a lesson is gone when its pack no longer has it', async () => {
    answerMessages({ context: async () => opportunity(), module: async () => null });

    panel = await openPriceObjection();

    await vi.waitFor(() =>
      expect(texts(panel!, 'lesson-missing')).toEqual(['This lesson is no longer in your packs.']),
    );
    expect(await db.statements.count()).toBe(0);
  });

  it('should show a calm message when the lesson cannot be fetched, and try again', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    answerMessages({
      context: async () => opportunity(),
      module: () => Promise.reject(new Error('panel.module: no receiver')),
    });
    panel = await openPriceObjection();
    await vi.waitFor(() =>
      expect(texts(panel!, 'lesson-error')[0]).toContain(
        "This lesson couldn't be opened just now.",
      ),
    );

    expect(warn).toHaveBeenCalledOnce();

    answerMessages({ context: async () => opportunity(), module: async () => priceObjection });
    click(panel, 'retry');

    await vi.waitFor(() => expect(panel!.byTestId('lesson-body')).toHaveLength(1));
    expect(panel.byTestId('lesson-error')).toHaveLength(0);
  });
});
