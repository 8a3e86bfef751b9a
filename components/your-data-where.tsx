import { useEffect, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { recordStoreAddress } from '@/lib/record-store';

import { Section } from './your-data-section';

/** "Where it goes": nowhere, unless exported, or unless policy names a record store. */
export function WhereItGoes() {
  const [recordStore, setRecordStore] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    void recordStoreAddress().then((address) => !stopped && setRecordStore(address));
    return () => {
      stopped = true;
    };
  }, []);

  return (
    <Section title={t('whereHeading')} testId="section-where">
      <p data-testid="where-text">
        {recordStore ? t('whereRecordStore', recordStore) : t('whereNowhere')}
      </p>
    </Section>
  );
}
