import './happy-dom-node-name';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import type { InflowDatabase } from '@/lib/db';

import { speakEnglish } from './english-messages';
import {
  answerMessages,
  click,
  freshDatabase,
  mountPanel,
  opportunity,
  priceObjection,
  type Mounted,
} from './panel-kit';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => vi.fn()) }));

const key = 'inflow.salesforce/price-objection';

let db: InflowDatabase;
let panel: Mounted;

beforeEach(async () => {
  fakeBrowser.reset();
  speakEnglish();
  db = freshDatabase();
  answerMessages({ context: async () => opportunity(), module: async () => priceObjection });

  panel = mountPanel(db);
  await vi.waitFor(() => expect(panel.byTestId('lesson')).toHaveLength(3));
  click(panel, 'lesson', 'Handling a price objection');
  await vi.waitFor(() => expect(panel.byTestId('quiz')).toHaveLength(1));
});

afterEach(async () => {
  await panel.unmount();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

/** The question's element, found by the start of its prompt. */
function question(prompt: string): HTMLElement {
  const found = [...panel.container.querySelectorAll<HTMLElement>('.question')].find((element) =>
    element.textContent?.includes(prompt),
  );
  if (!found) throw new Error(`No question "${prompt}"`);
  return found;
}

function within(element: HTMLElement, id: string): HTMLElement[] {
  return [...element.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}

function choose(element: HTMLElement, text: string): void {
  const choice = within(element, 'choice').find((button) => button.textContent?.includes(text));
  if (!choice) throw new Error(`No choice "${text}"`);
  choice.click();
}

async function answers() {
  const statements = await db.statements.where('verb').equals('answered').toArray();
  return statements.map(({ question, response, success }) => ({ question, response, success }));
}

describe('a question with one right answer', () => {
  it('should say right at once, explain the choice and record a success', async () => {
    const first = question('What do you do first?');

    choose(first, 'Ask what they compare it with');

    await vi.waitFor(() => expect(within(first, 'feedback')).toHaveLength(1));
    const feedback = within(first, 'feedback')[0]!;
    expect(feedback.querySelector('.feedback-verdict')?.textContent).toBe('Right.');
    expect(within(feedback, 'explanation').map((element) => element.textContent)).toEqual([
      'Your answerAsk what they compare it withThe comparison tells you which value to show.',
    ]);
    expect(within(first, 'try-again')).toHaveLength(0);
    await vi.waitFor(async () =>
      expect(await answers()).toEqual([{ question: 'first-move', response: [1], success: true }]),
    );
    expect((await db.progress.get(key))?.answers).toEqual({ 'first-move': true });
  });

  it('should say not quite, explain the choice and the right one, and record a miss', async () => {
    const first = question('What do you do first?');

    choose(first, 'Offer a discount');

    await vi.waitFor(() => expect(within(first, 'feedback')).toHaveLength(1));
    const feedback = within(first, 'feedback')[0]!;
    expect(feedback.querySelector('.feedback-verdict')?.textContent).toBe('Not quite.');
    expect(feedback.textContent).toContain(
      'A quick discount teaches the buyer that pushing works.',
    );
    expect(feedback.textContent).toContain('Right answerAsk what they compare it with');
    expect(feedback.textContent).toContain('The comparison tells you which value to show.');
    expect(feedback.textContent).not.toContain('Repeating the price');
    await vi.waitFor(async () =>
      expect(await answers()).toEqual([{ question: 'first-move', response: [0], success: false }]),
    );
  });

  it('should ignore further choices until "Try again" clears the question', async () => {
    const first = question('What do you do first?');
    choose(first, 'Offer a discount');
    await vi.waitFor(() => expect(within(first, 'try-again')).toHaveLength(1));

    choose(first, 'Ask what they compare it with');
    within(first, 'try-again')[0]!.click();

    await vi.waitFor(() => expect(within(first, 'feedback')).toHaveLength(0));
    const pressed = within(first, 'choice').map((choice) => choice.getAttribute('aria-pressed'));
    expect(pressed).toEqual(['false', 'false', 'false']);

    choose(first, 'Ask what they compare it with');
    await vi.waitFor(() => expect(within(first, 'feedback')[0]?.textContent).toContain('Right.'));
    await vi.waitFor(async () => expect(await answers()).toHaveLength(2));
    expect((await db.progress.get(key))?.answers).toEqual({ 'first-move': true });
  });
});

describe('a question with several right answers', () => {
  it('should let choices be picked, then check them all at once', async () => {
    const second = question('Which of these show value');
    const [check] = within(second, 'check');
    expect(check?.getAttribute('aria-disabled')).toBe('true');

    choose(second, 'Hours saved each week');
    choose(second, 'Fewer support tickets');
    await vi.waitFor(() => expect(check?.getAttribute('aria-disabled')).toBe('false'));
    expect(within(second, 'feedback')).toHaveLength(0);
    check?.click();

    await vi.waitFor(() => expect(within(second, 'feedback')[0]?.textContent).toContain('Right.'));
    await vi.waitFor(async () =>
      expect(await answers()).toEqual([
        { question: 'value-signals', response: [0, 2], success: true },
      ]),
    );
  });

  it('should name the right answer missed when only some are picked', async () => {
    const second = question('Which of these show value');

    choose(second, 'Hours saved each week');
    await vi.waitFor(() =>
      expect(within(second, 'choice')[0]?.getAttribute('aria-pressed')).toBe('true'),
    );
    within(second, 'check')[0]?.click();

    await vi.waitFor(() => expect(within(second, 'feedback')).toHaveLength(1));
    const feedback = within(second, 'feedback')[0]!;
    expect(feedback.textContent).toContain('Not quite.');
    expect(feedback.textContent).toContain('Right answerFewer support tickets');
    await vi.waitFor(async () =>
      expect(await answers()).toEqual([
        { question: 'value-signals', response: [0], success: false },
      ]),
    );
  });
});
