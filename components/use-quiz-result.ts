import { useRef, useState } from 'preact/hooks';

import type { InflowDatabase } from '@/lib/db';
import type { ModuleRef } from '@/lib/progress';
import { isPassing, recordQuizResult } from '@/lib/quiz-result';

export interface QuizResult {
  right: number;
  total: number;
  passed: boolean;
}

/**
 * Follows the first answers of one attempt at a lesson's quiz; once every question
 * has one, the attempt is recorded as passed or failed (through `save`, which
 * reports the outcome). A new `attempt` starts afresh.
 */
export function useQuizResult(
  db: InflowDatabase,
  ref: ModuleRef,
  total: number,
  attempt: number,
  save: (write: Promise<unknown>) => Promise<boolean>,
): { result: QuizResult | null; noteFirstAnswer: (question: string, success: boolean) => boolean } {
  // Reset as the attempt changes, during render: an effect could run after the
  // first answer of the new attempt and forget it.
  const tracked = useRef({ attempt, firstAnswers: new Map<string, boolean>() });
  if (tracked.current.attempt !== attempt) tracked.current = { attempt, firstAnswers: new Map() };
  const [outcome, setOutcome] = useState<{ attempt: number; result: QuizResult } | null>(null);

  /** Notes an answer; `true` when it was the question's first in this attempt. */
  const noteFirstAnswer = (question: string, success: boolean) => {
    const first = tracked.current.firstAnswers;
    if (first.has(question)) return false;

    first.set(question, success);
    if (first.size === total) {
      const right = [...first.values()].filter(Boolean).length;
      setOutcome({ attempt, result: { right, total, passed: isPassing(right, total) } });
      void save(recordQuizResult(db, ref, right, total));
    }
    return true;
  };

  return { result: outcome?.attempt === attempt ? outcome.result : null, noteFirstAnswer };
}
