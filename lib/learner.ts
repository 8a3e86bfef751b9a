/**
 * Who the learner is in exported xAPI statements: an anonymous account (a random
 * UUID made on this device, kept in the record and in backups), or the email the
 * learner chose to give. Nothing here is sent anywhere.
 */
import { learnerEmailSchema } from './backup-format';
import type { InflowDatabase, Learner } from './db';

/** The learner, made on first use. */
export function ensureLearner(db: InflowDatabase): Promise<Learner> {
  return db.transaction('rw', db.learner, async () => {
    const known = await db.learner.get('me');
    if (known) return known;

    const learner: Learner = {
      id: 'me',
      account: crypto.randomUUID(),
      updatedAt: new Date().toISOString(),
    };
    await db.learner.add(learner);
    return learner;
  });
}

/**
 * Names the learner by `email` in exports from now on, or anonymously again when
 * it is empty. Throws a `RangeError` naming the problem when it is not an address.
 */
export function setLearnerEmail(db: InflowDatabase, email: string): Promise<Learner> {
  const trimmed = email.trim();
  const checked = trimmed === '' ? undefined : learnerEmailSchema.safeParse(trimmed);
  if (checked && !checked.success) {
    throw new RangeError(`"${trimmed}" is not an email address such as name@example.com`);
  }

  return db.transaction('rw', db.learner, async () => {
    const { email: _old, ...learner } = await ensureLearner(db);
    const next: Learner = { ...learner, updatedAt: new Date().toISOString() };
    if (checked?.data) next.email = checked.data;

    await db.learner.put(next);
    return next;
  });
}
