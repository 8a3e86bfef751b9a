import { browser } from 'wxt/browser';
import { useState } from 'preact/hooks';

import { t } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import type { SourcesState } from '@/lib/pack-sources-view';

import { PackSourceItem } from './pack-source-item';
import { AddPacks } from './pack-sources-add';
import { TrustedKeys } from './pack-sources-keys';
import { Section } from './your-data-section';

/** "Pack sources": every pack with where it comes from and how it fares, and ways to add more. */
export function PackSources({ state }: { state: SourcesState }) {
  const added = state.packs.filter((pack) => pack.origin !== 'bundled');
  const bundled = state.packs.filter((pack) => pack.origin === 'bundled');

  return (
    <Section title={t('sourcesHeading')} testId="section-pack-sources">
      <p>{t('sourcesIntro')}</p>
      {state.missingHosts.length > 0 && <HostsNeeded hosts={state.missingHosts} />}
      <ul class="pack-list" data-testid="pack-list">
        {added.map((pack) => (
          <PackSourceItem key={`${pack.origin}:${pack.id}`} pack={pack} />
        ))}
        {state.pending.map(({ url, error, at }) => (
          <li key={url} class="pack-item" data-testid="pack-pending">
            <p class="pack-name">{url}</p>
            <p class="notice">{t('sourcePending', [error, formatTime(at)])}</p>
          </li>
        ))}
      </ul>
      {/* Two dozen packs come with Inflow: folded, so the ones added stay in view. */}
      <details class="pack-bundled" data-testid="pack-bundled">
        <summary>{t('sourcesBundled', String(bundled.length))}</summary>
        <ul class="pack-list">
          {bundled.map((pack) => (
            <PackSourceItem key={`${pack.origin}:${pack.id}`} pack={pack} />
          ))}
        </ul>
      </details>
      {state.warnings.length > 0 && (
        <details data-testid="pack-warnings">
          <summary>{t('sourcesCombined')}</summary>
          <ul>
            {state.warnings.map((warning) => (
              <li key={warning}>
                <code>{warning}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {state.policy.allowLearnerPacks ? (
        <AddPacks />
      ) : (
        <p data-testid="learner-packs-off">{t('sourcesLearnerOff')}</p>
      )}
      <TrustedKeys keys={state.learnerKeys} />
    </Section>
  );
}

/**
 * Asks the browser for the hosts the packs in use need. The request must come from
 * the click itself: browsers allow the prompt only during a user gesture.
 */
function HostsNeeded({ hosts }: { hosts: string[] }) {
  const [denied, setDenied] = useState(false);
  const allow = () => {
    browser.permissions
      .request({ origins: hosts })
      .then((granted) => setDenied(!granted))
      .catch((error: unknown) => {
        logger.warn('The host permission request failed', error);
        setDenied(true);
      });
  };

  return (
    <div class="notice" data-testid="hosts-needed">
      <p>{t('hostsNeeded')}</p>
      <ul>
        {hosts.map((host) => (
          <li key={host}>
            <code>{host}</code>
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="button button--primary"
        data-testid="hosts-allow"
        onClick={allow}
      >
        {t('hostsAllow')}
      </button>
      <p aria-live="polite">{denied && t('hostsDenied')}</p>
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A stored ISO 8601 instant, in the learner's own format. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}
