/**
 * Exports every statement of the record as one JSON array of xAPI statements, the
 * body a learning record store accepts on `POST /statements`.
 */
import { fileOf, type Sink } from './backup-export';
import type { InflowDatabase } from './db';
import { ensureLearner } from './learner';
import { statementBatches } from './statement-pages';
import { actorOf, toXapiStatement } from './xapi-statement';

/** Writes the statements file's text to `sink`, in the order things happened. */
export async function writeXapi(db: InflowDatabase, sink: Sink): Promise<void> {
  const actor = actorOf(await ensureLearner(db));

  await db.transaction('r', db.statements, db.statementPages, async () => {
    sink('[');
    let first = true;

    for await (const batch of statementBatches(db)) {
      const lines = batch.map((statement) => JSON.stringify(toXapiStatement(statement, actor)));
      sink(`${first ? '\n' : ',\n'}${lines.join(',\n')}`);
      first = false;
    }
    sink('\n]\n');
  });
}

/** The statements file's text, in pieces (join them). */
export async function xapiChunks(db: InflowDatabase): Promise<string[]> {
  const chunks: string[] = [];
  await writeXapi(db, (text) => chunks.push(text));
  return chunks;
}

/** The statements as a file to download. */
export function xapiFile(db: InflowDatabase): Promise<Blob> {
  return fileOf((sink) => writeXapi(db, sink), 'application/json');
}
