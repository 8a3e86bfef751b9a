/**
 * Whether the learner's record can be written right now, for the banner: a page
 * notes every failed and every successful write, and watches its database for an
 * upgrade that another open Inflow page blocks. Lessons never depend on this.
 */
import type { InflowDatabase } from './db';
import { logger } from './logger';

export type RecordHealth = 'ok' | 'unavailable' | 'full' | 'blocked';

type Listener = (health: RecordHealth) => void;

let current: RecordHealth = 'ok';
const listeners = new Set<Listener>();

export function recordHealth(): RecordHealth {
  return current;
}

/** Calls `listener` on every change. Returns the function that stops it. */
export function watchRecordHealth(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setHealth(health: RecordHealth): void {
  if (health === current) return;

  current = health;
  for (const listener of listeners) listener(health);
}

/** A write or the opening failed: full storage, or no usable storage at all. */
export function noteRecordFailure(error: unknown): void {
  logger.warn('The record could not be written', error);
  setHealth(isQuotaError(error) ? 'full' : 'unavailable');
}

/** A write landed: whatever was wrong before is over. */
export function noteRecordSuccess(): void {
  setHealth('ok');
}

// Dexie reports a full disk as QuotaExceededError, or as an AbortError whose inner
// error is one (the transaction aborted because a request inside it failed).
function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (each) => (each as { name?: string } | null)?.name,
  );
  return names.some((name) => name === 'QuotaExceededError');
}

/**
 * Opens `db` and follows it: an upgrade blocked by another open page of the
 * extension shows as `blocked` until that page closes. Returns the remover.
 */
export function watchDatabase(db: InflowDatabase): () => void {
  const onBlocked = () => setHealth('blocked');
  const onReady = () => {
    if (current === 'blocked') setHealth('ok');
  };

  db.on('blocked', onBlocked);
  db.on('ready', onReady, true);
  db.open().catch(noteRecordFailure);

  return () => {
    db.on('blocked').unsubscribe(onBlocked);
    db.on('ready').unsubscribe(onReady);
  };
}
