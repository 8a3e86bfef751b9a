import { useId, useState } from 'preact/hooks';

import type { ImportSummary } from '@/lib/backup-import';
import { BackupError, type BackupRefusal } from '@/lib/backup-problems';
import type { InflowDatabase } from '@/lib/db';
import { t, type MessageKey } from '@/lib/i18n';
import { importFile } from '@/lib/import-file';
import { logger } from '@/lib/logger';
import { sendMessage } from '@/lib/messaging';

import { useDatabase } from './database-context';
import { Section } from './your-data-section';

type ImportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; summary: ImportSummary }
  | { status: 'refused'; error: BackupError }
  | { status: 'failed' };

const refusals: Record<BackupRefusal, MessageKey> = {
  'too-large': 'importTooLarge',
  truncated: 'importTruncated',
  'too-deep': 'importTooDeep',
  'not-json': 'importNotJson',
  'not-backup': 'importNotBackup',
  newer: 'importNewer',
  invalid: 'importInvalid',
};

interface ImportProps {
  onImported: () => void;
  /** How a file is imported; a worker by default (see lib/import-file.ts). */
  importer?: (db: InflowDatabase, file: File) => Promise<ImportSummary>;
}

/** "Import a backup": the file is checked completely, then written in one transaction. */
export function ImportBackup({ onImported, importer = importFile }: ImportProps) {
  const db = useDatabase();
  const inputId = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;

    setState({ status: 'working' });
    const result = await importState(() => importer(db, file));
    setState(result);
    // A backup can hold installed packs; the background reads them again. If it
    // cannot now, it reads them at its next start: the import itself is done.
    if (result.status === 'done') {
      sendMessage('sources.reload', {}).catch((error: unknown) =>
        logger.warn('The background could not read the imported packs yet', error),
      );
    }
    // The same file can be chosen again (and must then change nothing).
    input.value = '';
    onImported();
  };

  return (
    <Section title={t('importHeading')} testId="section-import">
      <p>{t('importIntro')}</p>
      <label for={inputId} class="field">
        {t('importChoose')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        data-testid="import-file"
        disabled={state.status === 'working'}
        onChange={(event) => void choose(event.currentTarget)}
      />
      <div aria-live="polite" data-testid="import-status">
        <ImportMessage state={state} />
      </div>
    </Section>
  );
}

async function importState(run: () => Promise<ImportSummary>): Promise<ImportState> {
  try {
    return { status: 'done', summary: await run() };
  } catch (error) {
    if (error instanceof BackupError) return { status: 'refused', error };
    logger.warn('The import could not be written', error);
    return { status: 'failed' };
  }
}

function ImportMessage({ state }: { state: ImportState }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'working':
      return <p>{t('importWorking')}</p>;
    case 'failed':
      return <p class="notice">{t('importFailed')}</p>;
    case 'done':
      return <p data-testid="import-done">{doneMessage(state.summary)}</p>;
    case 'refused':
      return <Refusal error={state.error} />;
  }
}

function doneMessage(summary: ImportSummary): string {
  const tables = Object.values(summary);
  const added = tables.reduce((sum, table) => sum + table.added, 0);
  const updated = tables.reduce((sum, table) => sum + table.updated, 0);
  if (added + updated === 0) return t('importNothingNew');
  return t('importDone', [String(added), String(updated)]);
}

function Refusal({ error }: { error: BackupError }) {
  return (
    <div class="notice" data-testid="import-refused" data-reason={error.reason}>
      <p>{t(refusals[error.reason], [...error.values])}</p>
      {error.problems.length > 0 && (
        <ul class="problems" data-testid="import-problems">
          {error.problems.map((problem) => (
            <li key={problem}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
