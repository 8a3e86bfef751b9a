/**
 * A lesson's quiz, once every question has a first answer: passed or failed, with
 * the score. First answers only, since "Try again" until right would always pass.
 */
import type { InflowDatabase } from './db';
import type { ModuleRef } from './progress';

/** The share of right first answers a learner needs to pass (cmi5's usual mastery score). */
export const PASSING_SHARE = 0.8;

export function isPassing(right: number, total: number): boolean {
  return total > 0 && right / total >= PASSING_SHARE;
}

/** Records `right` of `total` questions answered right the first time. */
export function recordQuizResult(
  db: InflowDatabase,
  { pack, module }: ModuleRef,
  right: number,
  total: number,
): Promise<unknown> {
  const success = isPassing(right, total);

  return db.transaction('rw', db.statements, () =>
    db.statements.add({
      verb: success ? 'passed' : 'failed',
      pack,
      module,
      success,
      score: { raw: right, max: total },
      timestamp: new Date().toISOString(),
    }),
  );
}
