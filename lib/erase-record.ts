/**
 * Deletes the whole record: every table emptied in one transaction, so a failure
 * leaves it as it was rather than half gone. Settings (paused sites) and the
 * installed packs stay: they are where lessons come from, not what the learner did,
 * and the options page lists the packs with a Remove button of their own.
 */
import type { InflowDatabase } from './db';

export function eraseRecord(db: InflowDatabase): Promise<void> {
  const record = db.tables.filter((table) => table.name !== db.packs.name);
  return db.transaction('rw', record, async () => {
    await Promise.all(record.map((table) => table.clear()));
  });
}
