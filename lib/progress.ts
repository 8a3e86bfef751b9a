/**
 * Recording learning: every write is one transaction over the statement log and
 * the progress table, so the two never disagree, even if the page closes midway.
 */
import type { InflowDatabase, ModuleProgress, Statement } from './db';

export interface ModuleRef {
  pack: string;
  module: string;
}

export function progressKey({ pack, module }: ModuleRef): string {
  return `${pack}/${module}`;
}

function emptyProgress(ref: ModuleRef, now: string): ModuleProgress {
  return { key: progressKey(ref), ...ref, done: false, answers: {}, updatedAt: now };
}

async function update(
  db: InflowDatabase,
  ref: ModuleRef,
  statement: Omit<Statement, 'pack' | 'module' | 'timestamp'>,
  change: (progress: ModuleProgress, now: string) => void,
): Promise<ModuleProgress> {
  const now = new Date().toISOString();
  // Only the reference itself: callers may pass richer objects (a suggestion).
  const { pack, module } = ref;

  return db.transaction('rw', db.statements, db.progress, async () => {
    const progress =
      (await db.progress.get(progressKey(ref))) ?? emptyProgress({ pack, module }, now);
    change(progress, now);
    progress.updatedAt = now;

    await db.statements.add({ ...statement, pack, module, timestamp: now });
    await db.progress.put(progress);
    return progress;
  });
}

/** The learner opened a lesson. */
export function recordOpened(db: InflowDatabase, ref: ModuleRef): Promise<ModuleProgress> {
  return update(db, ref, { verb: 'experienced' }, () => {});
}

/** The learner answered a quiz question. */
export function recordAnswer(
  db: InflowDatabase,
  ref: ModuleRef,
  answer: { question: string; response: number[]; success: boolean },
): Promise<ModuleProgress> {
  return update(db, ref, { verb: 'answered', ...answer }, (progress) => {
    progress.answers[answer.question] = answer.success;
  });
}

/** The learner marked a lesson as done, after `durationMs` in it when known. */
export function recordDone(
  db: InflowDatabase,
  ref: ModuleRef,
  durationMs?: number,
): Promise<ModuleProgress> {
  const statement = durationMs === undefined ? {} : { durationMs: Math.round(durationMs) };
  return update(db, ref, { verb: 'completed', ...statement }, (progress, now) => {
    progress.done = true;
    progress.doneAt ??= now;
  });
}

/** Progress for the given modules, keyed by `pack/module`. */
export async function progressOf(
  db: InflowDatabase,
  refs: readonly ModuleRef[],
): Promise<Map<string, ModuleProgress>> {
  const found = await db.progress.bulkGet(refs.map(progressKey));
  return new Map(found.flatMap((progress) => (progress ? [[progress.key, progress]] : [])));
}
