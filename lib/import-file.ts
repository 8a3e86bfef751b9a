/**
 * Imports a backup file chosen by the learner: in a worker where the page can start
 * one, so the page stays responsive, else on the page itself (tests, old browsers).
 */
import { importBackupText, type ImportSummary } from './backup-import';
import { BackupError, type BackupRefusal } from './backup-problems';
import type { InflowDatabase } from './db';

/** What the worker answers. */
export type ImportReply =
  | { ok: true; summary: ImportSummary }
  | {
      ok: false;
      refusal?: { reason: BackupRefusal; message: string; values: string[]; problems: string[] };
      failure?: string;
    };

/** Imports `file`; throws `BackupError` for a refused file, `Error` for a failed write. */
export async function importFile(db: InflowDatabase, file: File): Promise<ImportSummary> {
  if (typeof Worker === 'undefined') return importBackupText(db, await file.text());

  const worker = new Worker(new URL('./backup-import-worker.ts', import.meta.url), {
    type: 'module',
  });
  try {
    return unwrap(await ask(worker, file));
  } finally {
    worker.terminate();
  }
}

function ask(worker: Worker, file: File): Promise<ImportReply> {
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => resolve(event.data));
    worker.addEventListener('error', (event) => reject(new Error(event.message)));
    worker.postMessage(file);
  });
}

function unwrap(reply: ImportReply): ImportSummary {
  if (reply.ok) return reply.summary;

  const refusal = reply.refusal;
  if (!refusal) throw new Error(reply.failure ?? 'the import failed');

  const error = new BackupError(refusal.reason, '', refusal.values, refusal.problems);
  error.message = refusal.message;
  throw error;
}
