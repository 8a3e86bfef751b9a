import { useId, useState } from 'preact/hooks';

import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { addTo, disabledPacks, removeFrom } from '@/lib/pack-settings';
import type { PackSourceView } from '@/lib/pack-sources-view';
import type { SourceOutcome } from '@/lib/protocol';

import { formatTime } from './pack-sources';

const originLabels: Record<PackSourceView['origin'], MessageKey> = {
  bundled: 'sourceBundled',
  policy: 'sourcePolicy',
  learner: 'sourceLearner',
  file: 'sourceFile',
};

/** One pack: name, version, where it comes from, how its last update went, and what the learner may do. */
export function PackSourceItem({ pack }: { pack: PackSourceView }) {
  const [outcome, setOutcome] = useState<SourceOutcome | null>(null);
  const ask = (type: 'sources.refresh' | 'sources.remove') => {
    setOutcome(null);
    sendMessage(type, { id: pack.id })
      .then(setOutcome)
      .catch((error: unknown) => setOutcome({ ok: false, error: String(error) }));
  };

  return (
    <li class="pack-item" data-testid="pack-source" data-pack={pack.id} data-origin={pack.origin}>
      <p class="pack-name">
        <strong dir="auto">{pack.name}</strong> <span class="hint">{pack.version}</span>
      </p>
      <p class="hint">
        {t(originLabels[pack.origin])}
        {pack.source && (
          <>
            {': '}
            <code data-testid="pack-address">{pack.source}</code>
          </>
        )}
      </p>
      <PackUse pack={pack} />
      <PackUpdates pack={pack} />
      <div class="button-row">
        {!pack.locked && pack.use.state !== 'replaced' && <UseToggle pack={pack} />}
        {pack.origin !== 'bundled' && pack.origin !== 'file' && (
          <button type="button" class="button" onClick={() => ask('sources.refresh')}>
            {t('sourceRefresh')}
          </button>
        )}
        {(pack.origin === 'learner' || pack.origin === 'file') && (
          <button
            type="button"
            class="button button--danger"
            data-testid="pack-remove"
            onClick={() => ask('sources.remove')}
          >
            {t('sourceRemove', pack.name)}
          </button>
        )}
      </div>
      <p aria-live="polite">{outcome && !outcome.ok && t('sourceActionFailed', outcome.error)}</p>
    </li>
  );
}

function PackUse({ pack }: { pack: PackSourceView }) {
  const { use } = pack;
  const lock = pack.locked ? ` · ${t('sourceLocked')}` : '';
  const text =
    use.state === 'used'
      ? t('useUsed')
      : use.state === 'off'
        ? t('useOff')
        : use.state === 'not-allowed'
          ? t('useNotAllowed')
          : use.state === 'replaced'
            ? t('useReplaced')
            : t('useRefused', use.reason);
  const problem = use.state === 'refused' || use.state === 'not-allowed';

  return (
    <p class={problem ? 'notice' : undefined} data-testid="pack-use" data-state={use.state}>
      {text}
      {lock}
    </p>
  );
}

function PackUpdates({ pack }: { pack: PackSourceView }) {
  if (pack.origin === 'bundled' || pack.origin === 'file') return null;

  return (
    <>
      <p class="hint" data-testid="pack-last-success">
        {pack.lastSuccessAt
          ? t('sourceLastSuccess', formatTime(pack.lastSuccessAt))
          : t('sourceNeverUpdated')}
      </p>
      {pack.lastError && (
        <p class="notice" data-testid="pack-last-error">
          {t('sourceLastError', [
            pack.lastCheckedAt ? formatTime(pack.lastCheckedAt) : '',
            pack.lastError,
          ])}
        </p>
      )}
    </>
  );
}

function UseToggle({ pack }: { pack: PackSourceView }) {
  const id = useId();
  const on = pack.use.state !== 'off';
  const toggle = (checked: boolean) =>
    void (checked ? removeFrom(disabledPacks, pack.id) : addTo(disabledPacks, pack.id));

  return (
    <label for={id} class="pack-toggle">
      <input
        id={id}
        type="checkbox"
        checked={on}
        data-testid="pack-toggle"
        onChange={(event) => toggle(event.currentTarget.checked)}
      />{' '}
      {t('sourceUse')}
    </label>
  );
}
