/**
 * Spaced review: each quiz question and flashcard a learner meets becomes a card
 * that FSRS (ts-fsrs) brings back just before it would be forgotten. Cards are
 * rows of the `reviews` table; nothing is scheduled as a notification, so the
 * learner sees due cards when they choose to look (the Review tab, or the tool's
 * page in the panel).
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

import type { InflowDatabase, ReviewCard } from './db';

/** Which question or flashcard of which module a card asks. */
export interface ReviewItem {
  pack: string;
  module: string;
  /** The question's or flashcard's id. */
  item: string;
  from: 'question' | 'card';
  /** The tools whose pages show the module. */
  tools: readonly string[];
}

/** How well the learner knew it: FSRS's four grades. */
export type Recall = 'again' | 'hard' | 'good' | 'easy';

const grades: Record<Recall, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const states = ['new', 'learning', 'review', 'relearning'] as const satisfies readonly string[];

const scheduler = fsrs();

export function reviewKey({ pack, module, item }: Pick<ReviewItem, 'pack' | 'module' | 'item'>) {
  return `${pack}/${module}/${item}`;
}

/** A quiz answer as a grade: right the first time is "good", wrong is "again". */
export function recallOfAnswer(right: boolean): Recall {
  return right ? 'good' : 'again';
}

/** Schedules the item's next review from how well it was recalled `now`. */
export function scheduleReview(
  db: InflowDatabase,
  item: ReviewItem,
  recall: Recall,
  now = new Date(),
): Promise<ReviewCard> {
  const key = reviewKey(item);

  return db.transaction('rw', db.reviews, async () => {
    const saved = await db.reviews.get(key);
    const card = saved ? fsrsCardOf(saved) : createEmptyCard(now);
    const next = scheduler.next(card, now, grades[recall]).card;

    const row = rowOf(item, next, now);
    await db.reviews.put(row);
    return row;
  });
}

/** The cards due at `now`, the longest overdue first. */
export function dueCards(db: InflowDatabase, now = new Date()): Promise<ReviewCard[]> {
  return db.reviews.where('due').belowOrEqual(now.toISOString()).toArray();
}

/** When the next card that is not yet due comes back, if any. */
export async function nextDue(db: InflowDatabase, now = new Date()): Promise<string | undefined> {
  const card = await db.reviews.where('due').above(now.toISOString()).first();
  return card?.due;
}

function fsrsCardOf(row: ReviewCard): Card {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: 0,
    scheduled_days: row.scheduledDays ?? 0,
    learning_steps: row.learningSteps ?? 0,
    reps: row.reps,
    lapses: row.lapses,
    state: states.indexOf(row.state) as State,
    last_review: row.lastReview ? new Date(row.lastReview) : undefined,
  };
}

function rowOf(item: ReviewItem, card: Card, now: Date): ReviewCard {
  return {
    key: reviewKey(item),
    pack: item.pack,
    module: item.module,
    question: item.item,
    from: item.from,
    tools: [...item.tools],
    state: states[card.state],
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    lastReview: (card.last_review ?? now).toISOString(),
    updatedAt: now.toISOString(),
  };
}
