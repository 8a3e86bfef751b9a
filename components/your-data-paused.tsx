import { useEffect, useId, useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { pausedSites, pauseSite, resumeSite, watchPausedSites } from '@/lib/paused-sites';

import { Section } from './your-data-section';

/** "Paused sites": where Inflow looks at nothing; add one, or resume. */
export function PausedSites() {
  const [paused, setPaused] = useState<string[]>([]);

  useEffect(() => {
    void pausedSites.getValue().then(setPaused);
    return watchPausedSites(setPaused);
  }, []);

  return (
    <Section title={t('pauseHeading')} testId="section-paused">
      <p>{t('pauseIntro')}</p>
      {paused.length === 0 ? (
        <p data-testid="paused-none">{t('pauseNone')}</p>
      ) : (
        <ul class="paused-list">
          {paused.map((host) => (
            <li key={host} data-testid="paused-site">
              <span>{host}</span>
              <button type="button" class="button" onClick={() => void resumeSite(host)}>
                {t('pauseResume', host)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PauseForm />
    </Section>
  );
}

function PauseForm() {
  const inputId = useId();
  const [site, setSite] = useState('');
  const [refused, setRefused] = useState<string | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const host = await pauseSite(site).catch((error: unknown) => {
      logger.warn('Could not pause', site, error);
      return null;
    });

    setRefused(host ? null : site.trim());
    if (host) setSite('');
  };

  return (
    <form class="field" noValidate onSubmit={(event) => void add(event)}>
      <label for={inputId}>{t('pauseLabel')}</label>
      <div class="field-row">
        <input
          id={inputId}
          data-testid="pause-input"
          aria-invalid={refused !== null}
          value={site}
          onInput={(event) => setSite(event.currentTarget.value)}
        />
        <button type="submit" class="button" data-testid="pause-add">
          {t('pauseAdd')}
        </button>
      </div>
      <p aria-live="polite">{refused !== null && t('pauseInvalid', refused)}</p>
    </form>
  );
}
