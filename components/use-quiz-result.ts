import { useRef } from 'preact/hooks';

import type { InflowDatabase } from '@/lib/db';
import type { ModuleRef } from '@/lib/progress';
import { recordQuizResult } from '@/lib/quiz-result';

/**
 * Follows a lesson's first answers; once every question has one, the quiz is
 * recorded as passed or failed (through `save`, which reports the outcome).
 */
export function useQuizResult(
  db: InflowDatabase,
  ref: ModuleRef,
  total: number,
  save: (write: Promise<unknown>) => Promise<boolean>,
): (question: string, success: boolean) => void {
  const firstAnswers = useRef(new Map<string, boolean>());

  return (question, success) => {
    const first = firstAnswers.current;
    if (first.has(question)) return;

    first.set(question, success);
    const right = [...first.values()].filter(Boolean).length;
    if (first.size === total) void save(recordQuizResult(db, ref, right, total));
  };
}
