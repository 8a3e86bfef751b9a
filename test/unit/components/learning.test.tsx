import './happy-dom-node-name';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import { catalogueOf } from '@/lib/catalogue';
import type { InflowDatabase } from '@/lib/db';
import { scheduleReview } from '@/lib/review';
import type { Module, Pack } from '@/rules/schema';

import { speakEnglish } from './english-messages';
import {
  answerMessages,
  click,
  freshDatabase,
  mountPanel,
  lessons,
  opportunity,
  priceObjection,
  sent,
  texts,
  type Mounted,
} from './panel-kit';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => vi.fn()) }));

const valueFirst: Module = {
  id: 'value-first',
  title: 'Talking value before price',
  minutes: 1,
  kind: 'lesson',
  language: 'en',
  level: 'beginner',
  skills: ['objection-handling'],
  body: 'Name the outcome the buyer wants before any number.',
  showOn: [{ tool: 'salesforce', context: 'record:Opportunity' }],
};

const objection: Module = {
  ...priceObjection,
  level: 'intermediate',
  skills: ['objection-handling'],
  supplements: ['value-first'],
};

const pack: Pack = {
  format: 1,
  id: 'inflow.salesforce',
  name: 'Salesforce',
  version: '1.0.0',
  publisher: 'Inflow',
  tools: [],
  modules: [objection, valueFirst],
  paths: [
    {
      id: 'new-ae',
      title: 'Your first month',
      role: 'New account executive',
      modules: ['value-first', 'price-objection'],
    },
  ],
};

let db: InflowDatabase;
let panel: Mounted | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  db = freshDatabase();
  answerMessages({
    context: async () => opportunity(),
    module: async ({ module }) => pack.modules.find((m) => m.id === module) ?? null,
    catalogue: async () => catalogueOf([pack]),
  });
});

afterEach(async () => {
  await panel?.unmount();
  panel = undefined;
  vi.clearAllMocks();
});

async function mounted(): Promise<Mounted> {
  const result = mountPanel(db);
  await vi.waitFor(() => expect(result.byTestId('lesson')).toHaveLength(3));
  return result;
}

/** Lets Preact render what the last event changed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function choose(mounted: Mounted, question: number, text: string): Promise<void> {
  const group = mounted.byTestId('quiz')[0]?.querySelectorAll('.question')[question];
  const choice = [...(group?.querySelectorAll('button') ?? [])].find((b) =>
    b.textContent?.includes(text),
  );
  if (!choice) throw new Error(`no choice "${text}"`);
  choice.click();
  await settle();
}

describe('the panel tabs', () => {
  it('should move between views with the arrow keys', async () => {
    panel = await mounted();
    const [pageTab] = panel.byTestId('tab-page');

    pageTab!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));

    await vi.waitFor(() => expect(panel!.byTestId('paths-view')).toHaveLength(1));
    expect(panel.byTestId('tab-paths')[0]?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(panel.byTestId('tab-paths')[0]);
  });
});

describe('a learner who struggles', () => {
  it('should be offered the supplement after a failed attempt, and pass on the next', async () => {
    panel = await mounted();
    click(panel, 'lesson', 'Handling a price objection');
    await vi.waitFor(() => expect(panel!.byTestId('quiz')).toHaveLength(1));

    await choose(panel, 0, 'Offer a discount');
    await choose(panel, 1, 'Hours saved');
    await choose(panel, 1, 'A lower price');
    click(panel, 'check');
    await settle();

    await vi.waitFor(async () =>
      expect((await db.statements.toArray()).map((s) => s.verb)).toContain('failed'),
    );
    await vi.waitFor(() => expect(panel!.byTestId('struggle-help')).toHaveLength(1));
    expect(texts(panel, 'lesson-title')).toEqual(['Talking value before price']);
    expect(texts(panel, 'lesson-why')[0]).toContain('Suggested by the author');

    click(panel, 'retake-quiz');
    await vi.waitFor(() => expect(panel!.byTestId('struggle-help')).toHaveLength(0));
    await choose(panel, 0, 'Ask what they compare');
    await choose(panel, 1, 'Hours saved');
    await choose(panel, 1, 'Fewer support');
    click(panel, 'check');
    await settle();

    await vi.waitFor(async () => {
      const verbs = (await db.statements.toArray()).map((s) => s.verb);
      expect(verbs.filter((verb) => verb === 'failed' || verb === 'passed')).toEqual([
        'failed',
        'passed',
      ]);
    });
    expect(panel.byTestId('struggle-help')).toHaveLength(0);
  });

  it('should turn each question into a review card on its first answer', async () => {
    panel = await mounted();
    click(panel, 'lesson', 'Handling a price objection');
    await vi.waitFor(() => expect(panel!.byTestId('quiz')).toHaveLength(1));

    await choose(panel, 0, 'Offer a discount');
    await choose(panel, 0, 'Ask what they compare');

    await vi.waitFor(async () => expect(await db.reviews.count()).toBe(1));
    const [card] = await db.reviews.toArray();
    expect(card).toMatchObject({ question: 'first-move', tools: ['salesforce'], lapses: 0 });
    expect(card?.reps).toBe(1);
  });
});

describe('spaced review', () => {
  const item = {
    pack: 'inflow.salesforce',
    module: 'price-objection',
    item: 'first-move',
    from: 'question' as const,
    tools: ['salesforce'],
  };

  it('should show a due card on its tool page and review it in the Review tab', async () => {
    await scheduleReview(db, item, 'again', new Date(Date.now() - 86_400_000));
    panel = await mounted();

    await vi.waitFor(() => expect(panel!.byTestId('due-here')).toHaveLength(1));
    expect(texts(panel, 'due-count')).toEqual(['1']);
    click(panel, 'review-here');

    await vi.waitFor(() => expect(panel!.byTestId('review-card')).toHaveLength(1));
    await choose(panel, 0, 'Ask what they compare');
    await vi.waitFor(() => expect(panel!.byTestId('review-next')).toHaveLength(1));
    click(panel, 'review-next');

    await vi.waitFor(() => expect(panel!.byTestId('nothing-due')).toHaveLength(1));
    const card = await db.reviews.get('inflow.salesforce/price-objection/first-move');
    expect(new Date(card!.due).getTime()).toBeGreaterThan(Date.now());
  });
});

describe('search', () => {
  it('should find a lesson from a misspelt word and open it', async () => {
    panel = await mounted();
    click(panel, 'tab-search');
    const [field] = await vi.waitFor(() => {
      const found = panel!.byTestId('search-field');
      expect(found).toHaveLength(1);
      return found as HTMLInputElement[];
    });
    expect(document.activeElement).toBe(field);

    field!.value = 'objecton';
    field!.dispatchEvent(new Event('input', { bubbles: true }));

    await vi.waitFor(() => expect(panel!.byTestId('search-result').length).toBeGreaterThan(0));
    expect(panel.byTestId('search-result')[0]?.textContent).toContain('Handling a price objection');
    click(panel, 'search-result', 'Handling a price objection');
    await vi.waitFor(() => expect(panel!.byTestId('reader')).toHaveLength(1));
  });
});

describe('paths', () => {
  it('should show a path with the share of its lessons done', async () => {
    await db.progress.put({
      key: 'inflow.salesforce/value-first',
      pack: 'inflow.salesforce',
      module: 'value-first',
      done: true,
      doneAt: new Date().toISOString(),
      answers: {},
      updatedAt: new Date().toISOString(),
    });
    panel = await mounted();
    click(panel, 'tab-paths');

    await vi.waitFor(() => expect(panel!.byTestId('path')).toHaveLength(1));
    const [bar] = panel.byTestId('progress-bar') as HTMLProgressElement[];
    expect([bar?.value, bar?.max]).toEqual([1, 2]);
    expect(texts(panel, 'badge').map((badge) => badge.replace('★', '').trim())).toEqual([
      'First lesson done',
    ]);
  });
});

describe('a page with more lessons than the first answer holds', () => {
  it('should show 20, then fetch the rest when the learner asks for more', async () => {
    const many = Array.from({ length: 130 }, (_, index) => ({
      ...lessons[0]!,
      module: `lesson-${index}`,
      title: `Lesson ${index}`,
    }));
    answerMessages({
      context: async ({ lessons: count }) => {
        const context = opportunity(many.slice(0, count ?? many.length));
        return count === undefined ? context : { ...context, moreLessons: many.length - count };
      },
    });
    panel = mountPanel(db);
    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(20));

    for (let click = 0; click < 6; click++) {
      panel.byTestId('show-more')[0]!.click();
      await settle();
    }

    await vi.waitFor(() => expect(panel!.byTestId('lesson')).toHaveLength(130));
    expect(sent('panel.context').map((request) => request.lessons)).toEqual([100, undefined]);
    expect(panel.byTestId('show-more')).toHaveLength(0);
  });
});
