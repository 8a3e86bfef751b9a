import { useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { isPausedIn, pausedSites, resumeSite, siteOf } from '@/lib/paused-sites';

/** The panel on a site where the learner paused Inflow: said plainly, with the way back. */
export function PausedNotice({ url }: { url: string }) {
  const host = siteOf(url) ?? url;
  const [busy, setBusy] = useState(false);

  // The paused entry may be a parent of the page's host (force.com for acme.force.com).
  const resume = async () => {
    setBusy(true);
    try {
      const paused = await pausedSites.getValue();
      const covering = paused.filter((site) => isPausedIn([site], url));
      for (const site of covering) await resumeSite(site);
    } catch (error) {
      logger.warn('Could not resume Inflow on', host, error);
    }
    setBusy(false);
  };

  return (
    <div class="notice" data-testid="paused">
      <p class="empty-state-title">{t('pausedTitle', host)}</p>
      <p>{t('pausedText')}</p>
      <button
        type="button"
        class="button"
        data-testid="resume"
        aria-disabled={busy}
        onClick={() => void resume()}
      >
        {t('resumeHere')}
      </button>
    </div>
  );
}
