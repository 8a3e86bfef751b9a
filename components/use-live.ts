import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

import { logger } from '@/lib/logger';

/**
 * A query over the learner's record that stays current: Dexie re-runs it when a
 * table it read changes, in this page or another extension page. `undefined`
 * until the first answer; `fallback` when the record cannot be read.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], fallback: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);

  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => {
        logger.warn('Could not read the learner record', error);
        setValue(fallback);
      },
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);

  return value;
}
