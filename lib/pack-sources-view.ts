/**
 * What the options page shows of the pack sources and the policy in effect: one
 * view, built by the background from what it uses, so the page never guesses.
 */
import type { Pack } from '@/rules/schema';

import type { InstalledPack, PackOrigin } from './db';
import type { PolicyReading, SourceFailure } from './pack-settings';
import type { EffectivePolicy, PolicyProblem } from './policy';
import { isLocked, type PackSelection, type PackUse } from './stored-packs';

/** One pack as the "Pack sources" list shows it. */
export interface PackSourceView {
  id: string;
  name: string;
  version: string;
  origin: 'bundled' | PackOrigin;
  /** The address or the file name; empty for a bundled pack. */
  source: string;
  lastCheckedAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  /** The policy keeps it on (and, for a policy pack, installed). */
  locked: boolean;
  /** `replaced` for a bundled pack whose id an installed pack took. */
  use: PackUse | { state: 'replaced' };
}

/** An address the policy names whose first fetch failed: no copy to use yet. */
export interface PendingSource extends SourceFailure {
  url: string;
}

export interface SourcesState {
  /** In precedence order: policy packs, the learner's, the bundled ones. */
  packs: PackSourceView[];
  pending: PendingSource[];
  policy: EffectivePolicy;
  /** readPolicy's problems, and each address of the policy that gave no pack. */
  problems: PolicyProblem[];
  /** When managed storage last answered; absent until it has, since install. */
  policyReadAt?: string;
  learnerKeys: string[];
  /** Host patterns the packs in use need and the browser has not granted. */
  missingHosts: string[];
  /** How the precedence rule settled conflicts between packs. */
  warnings: string[];
}

/** What the view is built from. */
export interface ViewInput {
  bundled: readonly Pack[];
  rows: readonly InstalledPack[];
  selection: PackSelection;
  reading: PolicyReading | null;
  policy: EffectivePolicy;
  disabled: readonly string[];
  failures: Readonly<Record<string, SourceFailure>>;
  learnerKeys: string[];
  missingHosts: string[];
  warnings: string[];
}

export function sourcesView(input: ViewInput): SourcesState {
  const installed = input.rows
    .filter((row) => input.selection.uses.has(row.id))
    .sort((a, b) => order(input, a.id) - order(input, b.id))
    .map((row) => installedView(row, input));
  const pending = Object.entries(input.failures).map(([url, failure]) => ({ url, ...failure }));

  return {
    packs: [...installed, ...input.bundled.map((pack) => bundledView(pack, input))],
    pending,
    policy: input.policy,
    problems: [
      ...(input.reading?.problems ?? []),
      ...pending.map(({ url, error }) => ({ key: 'packUrls', value: url, problem: error })),
    ],
    policyReadAt: input.reading?.readAt,
    learnerKeys: input.learnerKeys,
    missingHosts: input.missingHosts,
    warnings: input.warnings,
  };
}

function order(input: ViewInput, id: string): number {
  return [...input.selection.uses.keys()].indexOf(id);
}

function installedView(row: InstalledPack, input: ViewInput): PackSourceView {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    origin: row.origin ?? 'file',
    source: row.source,
    lastCheckedAt: row.lastCheckedAt,
    lastSuccessAt: row.lastSuccessAt,
    lastError: row.lastError,
    locked: isLocked(row, input.policy),
    use: input.selection.uses.get(row.id) ?? { state: 'refused', reason: 'not checked' },
  };
}

function bundledView(pack: Pack, input: ViewInput): PackSourceView {
  const locked = isLocked({ id: pack.id }, input.policy);
  const replaced = input.selection.packs.some((used) => used.id === pack.id);
  const off = input.disabled.includes(pack.id) && !locked;
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    origin: 'bundled',
    source: '',
    locked,
    use: replaced ? { state: 'replaced' } : off ? { state: 'off' } : { state: 'used' },
  };
}
