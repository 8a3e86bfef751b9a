import { useEffect, useState } from 'preact/hooks';

import type { InflowDatabase } from '@/lib/db';
import { t, type MessageKey } from '@/lib/i18n';
import {
  recordHealth,
  watchDatabase,
  watchRecordHealth,
  type RecordHealth,
} from '@/lib/record-health';

import { useDatabase } from './database-context';
import './storage-banner.css';

const messages: Record<Exclude<RecordHealth, 'ok'>, MessageKey> = {
  unavailable: 'storageUnavailable',
  full: 'storageFull',
  blocked: 'storageBlocked',
};

/** Whether the record can be written now, followed for as long as the page shows it. */
export function useRecordHealth(db: InflowDatabase): RecordHealth {
  const [health, setHealth] = useState(recordHealth);

  useEffect(() => {
    const stopWatching = watchRecordHealth(setHealth);
    const stopDatabase = watchDatabase(db);
    setHealth(recordHealth());
    return () => {
      stopWatching();
      stopDatabase();
    };
  }, [db]);

  return health;
}

/**
 * Says plainly when the record cannot be saved (no storage, storage full) or when an
 * upgrade waits for other Inflow pages to close. Shows nothing when all is well.
 */
export function StorageBanner() {
  const health = useRecordHealth(useDatabase());

  // The live region is always in the page: screen readers ignore regions that appear
  // together with their text.
  return (
    <div aria-live="assertive">
      {health !== 'ok' && (
        <p class="banner" data-testid="storage-banner" data-health={health}>
          {t(messages[health])}
        </p>
      )}
    </div>
  );
}
