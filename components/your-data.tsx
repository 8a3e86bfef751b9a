import { useState } from 'preact/hooks';

import { t } from '@/lib/i18n';

import { StorageBanner } from './storage-banner';
import { DeleteEverything } from './your-data-delete';
import { ExportData } from './your-data-export';
import { ImportBackup } from './your-data-import';
import { PausedSites } from './your-data-paused';
import { StoredData } from './your-data-stored';
import { WhereItGoes } from './your-data-where';

/** The options page: what Inflow stores, where it goes, and the learner's say over it. */
export function YourData() {
  // Imports and deletes change the counts; each bump reads them again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((count) => count + 1);

  return (
    <main class="your-data">
      <StorageBanner />
      <h1 class="page-title">{t('yourDataTitle')}</h1>
      <p>{t('yourDataIntro')}</p>
      <StoredData changes={changes} />
      <WhereItGoes />
      <ExportData />
      <ImportBackup onImported={changed} />
      <DeleteEverything onDeleted={changed} />
      <PausedSites />
    </main>
  );
}
