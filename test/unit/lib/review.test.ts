import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';

import { InflowDatabase } from '@/lib/db';
import { dueCards, nextDue, scheduleReview, type ReviewItem } from '@/lib/review';

const question: ReviewItem = {
  pack: 'inflow.salesforce',
  module: 'sf-price-objection',
  item: 'first-move',
  from: 'question',
  tools: ['salesforce'],
};

const monday = new Date('2026-12-07T09:00:00.000Z');
const days = (n: number) => new Date(monday.getTime() + n * 86_400_000);

describe('spaced review', () => {
  let db: InflowDatabase;
  beforeEach(() => {
    db = new InflowDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  });

  it('should bring a missed question back sooner than a known one', async () => {
    const missed = await scheduleReview(db, question, 'again', monday);
    const known = await scheduleReview(db, { ...question, item: 'second' }, 'easy', monday);

    expect(new Date(missed.due).getTime()).toBeLessThan(new Date(known.due).getTime());
    expect(missed).toMatchObject({ key: 'inflow.salesforce/sf-price-objection/first-move' });
    expect(missed.tools).toEqual(['salesforce']);
  });

  it('should list a card as due only once its time has come', async () => {
    const card = await scheduleReview(db, question, 'good', monday);

    expect(await dueCards(db, monday)).toEqual([]);
    expect(await nextDue(db, monday)).toBe(card.due);
    expect((await dueCards(db, days(30))).map((due) => due.key)).toEqual([card.key]);
  });

  it('should space the reviews further apart each time the card is known', async () => {
    let now = monday;
    const gaps: number[] = [];
    for (let review = 0; review < 4; review++) {
      const card = await scheduleReview(db, question, 'good', now);
      const due = new Date(card.due);
      gaps.push(due.getTime() - now.getTime());
      now = due;
    }

    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(gaps[3]).toBeGreaterThan(gaps[0]!);
    expect((await db.reviews.get('inflow.salesforce/sf-price-objection/first-move'))?.reps).toBe(4);
  });

  it('should count a lapse when a card in review is forgotten', async () => {
    let card = await scheduleReview(db, question, 'easy', monday);
    card = await scheduleReview(db, question, 'again', new Date(card.due));

    expect(card.lapses).toBe(1);
    expect(card.state).toBe('relearning');
  });
});
