import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { backupFile } from '@/lib/backup-export';
import { downloadFile, exportName } from '@/lib/download';
import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';

import { useDatabase } from './database-context';
import './panel-data-links.css';

/** The panel's way to the learner's record: a backup in one click, and the Your data page. */
export function PanelDataLinks() {
  const db = useDatabase();
  const [failed, setFailed] = useState(false);

  const exportBackup = async () => {
    try {
      downloadFile(await backupFile(db), exportName('backup', 'json'));
      setFailed(false);
    } catch (error) {
      logger.warn('Could not export a backup', error);
      setFailed(true);
    }
  };

  const openYourData = () => {
    browser.runtime.openOptionsPage().catch((error: unknown) => logger.warn(error));
  };

  return (
    <footer class="panel-footer">
      <button
        type="button"
        class="link-button"
        data-testid="panel-export"
        onClick={() => void exportBackup()}
      >
        {t('exportFromPanel')}
      </button>
      <button type="button" class="link-button" data-testid="your-data-link" onClick={openYourData}>
        {t('yourDataLink')}
      </button>
      <div aria-live="polite">{failed && <p class="notice">{t('exportFailed')}</p>}</div>
    </footer>
  );
}
