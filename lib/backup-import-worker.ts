/**
 * The import, off the page's thread: reading, parsing and checking a large file
 * (50 MB and more) and writing it takes seconds that the page must not freeze for.
 * A dedicated worker shares the page's origin, so it opens the same database.
 */
import { importBackupText } from './backup-import';
import { BackupError } from './backup-problems';
import { database } from './db';
import type { ImportReply } from './import-file';

// The project's types are the DOM's; a dedicated worker's scope has these two.
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<File>) => void): void;
  postMessage(reply: ImportReply): void;
};

scope.addEventListener('message', (event: MessageEvent<File>) => {
  void run(event.data).then((reply) => scope.postMessage(reply));
});

async function run(file: File): Promise<ImportReply> {
  try {
    return { ok: true, summary: await importBackupText(database(), await file.text()) };
  } catch (error) {
    if (error instanceof BackupError) {
      const { reason, message, values, problems } = error;
      return {
        ok: false,
        refusal: { reason, message, values: [...values], problems: [...problems] },
      };
    }
    return {
      ok: false,
      failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
