import { useId } from 'preact/hooks';

import { t } from '@/lib/i18n';

import { EffectivePolicy } from './effective-policy';
import { PackSources } from './pack-sources';
import { useSourcesState } from './use-sources-state';

/** The options page's packs part: where lessons come from, and what the policy sets. */
export function PackSettings() {
  const headingId = useId();
  const { load, reload } = useSourcesState();

  return (
    <section class="your-data" aria-labelledby={headingId} data-testid="pack-settings">
      <h1 id={headingId} class="page-title">
        {t('packsTitle')}
      </h1>
      {load.status === 'loading' && <p>{t('packsLoading')}</p>}
      {load.status === 'failed' && (
        <p class="notice" role="alert">
          {t('packsFailed')}{' '}
          <button type="button" class="button" onClick={reload}>
            {t('retry')}
          </button>
        </p>
      )}
      {load.status === 'ready' && (
        <>
          <PackSources state={load.state} />
          <EffectivePolicy state={load.state} />
        </>
      )}
    </section>
  );
}
