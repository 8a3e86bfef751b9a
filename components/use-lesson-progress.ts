import { useEffect, useState } from 'preact/hooks';

import type { ModuleProgress } from '@/lib/db';
import { logger } from '@/lib/logger';
import { progressKey, progressOf, type ModuleRef } from '@/lib/progress';

import { useDatabase } from './database-context';

/** The learner's progress on the listed lessons, by `pack/module`, read as the list renders. */
export function useLessonProgress(lessons: readonly ModuleRef[]): Map<string, ModuleProgress> {
  const db = useDatabase();
  const [progress, setProgress] = useState(() => new Map<string, ModuleProgress>());

  // A new array with the same lessons arrives on every re-fetch: read again only when
  // the lessons themselves change.
  const keys = lessons.map(progressKey).join('\n');

  useEffect(() => {
    let stopped = false;
    progressOf(db, lessons).then(
      (found) => {
        if (!stopped) setProgress(found);
      },
      (error: unknown) => logger.warn('Could not read lesson progress', error),
    );
    return () => {
      stopped = true;
    };
  }, [db, keys]);

  return progress;
}
