import type { ComponentChildren } from 'preact';

import { t } from '@/lib/i18n';
import type { SourcesState } from '@/lib/pack-sources-view';
import { NO_POLICY } from '@/lib/policy';

import { formatTime } from './pack-sources';
import { Section } from './your-data-section';

/** "Effective policy": what the organization's policy sets, as Inflow uses it, and what it cannot use. */
export function EffectivePolicy({ state }: { state: SourcesState }) {
  const { policy, problems, policyReadAt } = state;

  return (
    <Section title={t('policyHeading')} testId="section-policy">
      <p>{t('policyIntro')}</p>
      <p class="hint" data-testid="policy-read">
        {policyReadAt ? t('policyReadAt', formatTime(policyReadAt)) : t('policyNotRead')}
      </p>
      <dl class="policy-values" data-testid="policy-values">
        <Value name={t('policyPackUrls')} testId="policy-pack-urls">
          <List items={policy.packUrls} />
        </Value>
        <Value name={t('policyTrustedKeys')} testId="policy-trusted-keys">
          <List items={policy.trustedKeys} />
        </Value>
        <Value name={t('policyRequireSignatures')} testId="policy-require-signatures">
          {policy.requireSignatures ? t('yes') : t('no')}
        </Value>
        <Value name={t('policyAllowLearnerPacks')} testId="policy-allow-learner-packs">
          {policy.allowLearnerPacks ? t('yes') : t('no')}
        </Value>
        <Value name={t('policyLockedPacks')} testId="policy-locked-packs">
          <List items={policy.lockedPacks} />
        </Value>
        <Value name={t('policyExtraHosts')} testId="policy-extra-hosts">
          <List
            items={policy.extraHosts.map(({ tool, hosts }) => `${tool}: ${hosts.join(', ')}`)}
          />
        </Value>
        <Value name={t('policyRefresh')} testId="policy-refresh">
          {policy.refreshHours
            ? t('policyHours', String(policy.refreshHours))
            : t('policyRefreshDefault')}
        </Value>
        <Value name={t('policyRecordStore')} testId="policy-record-store">
          {policy.recordStoreUrl ? <code>{policy.recordStoreUrl}</code> : t('policyNotSet')}
        </Value>
      </dl>
      <Problems problems={problems} />
      {isDefault(state) && <p data-testid="policy-none">{t('policyNone')}</p>}
    </Section>
  );
}

function Value({
  name,
  testId,
  children,
}: {
  name: string;
  testId: string;
  children: ComponentChildren;
}) {
  return (
    <div class="policy-value" data-testid={testId}>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function List({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <>{t('policyNotSet')}</>;

  return (
    <ul class="policy-list">
      {items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );
}

function Problems({ problems }: { problems: SourcesState['problems'] }) {
  if (problems.length === 0) return null;

  return (
    <div class="notice" data-testid="policy-problems">
      <p>{t('policyProblems')}</p>
      <ul class="problems">
        {problems.map(({ key, value, problem }) => (
          <li key={`${key}:${value}:${problem}`} data-testid="policy-problem">
            <code>{key}</code> <code>{value}</code>: {problem}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Whether no policy sets anything: the values shown are all the defaults. */
function isDefault({ policy, problems }: SourcesState): boolean {
  const lists = [policy.packUrls, policy.trustedKeys, policy.lockedPacks, policy.extraHosts];
  return (
    problems.length === 0 &&
    lists.every((list) => list.length === 0) &&
    policy.requireSignatures === NO_POLICY.requireSignatures &&
    policy.allowLearnerPacks === NO_POLICY.allowLearnerPacks &&
    policy.refreshHours === undefined &&
    policy.recordStoreUrl === undefined
  );
}
