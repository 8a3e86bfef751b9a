/**
 * Deletes the whole record: every table emptied in one transaction, so a failure
 * leaves it as it was rather than half gone. Settings (paused sites) stay.
 */
import type { InflowDatabase } from './db';

export function eraseRecord(db: InflowDatabase): Promise<void> {
  return db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
