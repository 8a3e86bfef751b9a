import { useState } from 'preact/hooks';

import { backupFile } from '@/lib/backup-export';
import { bookmarksCsv, progressCsv } from '@/lib/csv-export';
import type { InflowDatabase } from '@/lib/db';
import { downloadFile, exportName } from '@/lib/download';
import { t, type MessageKey } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { xapiFile } from '@/lib/xapi-export';

import { useDatabase } from './database-context';
import { LearnerEmail } from './your-data-email';
import { Section } from './your-data-section';

interface ExportKind {
  id: string;
  label: MessageKey;
  name: () => string;
  file: (db: InflowDatabase) => Promise<Blob>;
}

const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

const kinds: ExportKind[] = [
  {
    id: 'backup',
    label: 'exportBackup',
    name: () => exportName('backup', 'json'),
    file: backupFile,
  },
  {
    id: 'progress',
    label: 'exportProgressCsv',
    name: () => exportName('progress', 'csv'),
    file: async (db) => csv(await progressCsv(db)),
  },
  {
    id: 'bookmarks',
    label: 'exportBookmarksCsv',
    name: () => exportName('bookmarks', 'csv'),
    file: async (db) => csv(await bookmarksCsv(db)),
  },
  {
    id: 'statements',
    label: 'exportStatements',
    name: () => exportName('statements', 'json'),
    file: xapiFile,
  },
];

type ExportState = { status: 'idle' } | { status: 'done'; name: string } | { status: 'failed' };

/** "Export": each format a button that saves a file to the learner's downloads. */
export function ExportData() {
  const db = useDatabase();
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const run = async (kind: ExportKind) => {
    try {
      const name = kind.name();
      downloadFile(await kind.file(db), name);
      setState({ status: 'done', name });
    } catch (error) {
      logger.warn(`Could not export ${kind.id}`, error);
      setState({ status: 'failed' });
    }
  };

  return (
    <Section title={t('exportHeading')} testId="section-export">
      <p>{t('exportIntro')}</p>
      <div class="button-row">
        {kinds.map((kind) => (
          <button
            key={kind.id}
            type="button"
            class="button"
            data-testid={`export-${kind.id}`}
            onClick={() => void run(kind)}
          >
            {t(kind.label)}
          </button>
        ))}
      </div>
      <p aria-live="polite" data-testid="export-status">
        {state.status === 'done' && t('exportDone', state.name)}
        {state.status === 'failed' && t('exportFailed')}
      </p>
      <LearnerEmail />
    </Section>
  );
}
