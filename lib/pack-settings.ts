/**
 * The learner's and the policy's settings about packs, as typed storage items: keys
 * the learner trusts, packs they turned off, the policy last read (used at start
 * until managed storage answers), and addresses policy names that have no copy yet.
 */
import { storage } from 'wxt/utils/storage';

import type { EffectivePolicy, PolicyProblem } from './policy';

/** Public keys (`ed25519:…`) the learner added; they count with the policy's keys. */
export const learnerKeys = storage.defineItem<string[]>('local:learnerKeys', {
  fallback: [],
  version: 1,
});

/** Ids of packs the learner turned off; a pack the policy locks stays on regardless. */
export const disabledPacks = storage.defineItem<string[]>('local:disabledPacks', {
  fallback: [],
  version: 1,
});

/** The policy as last read, and what could not be used in it. */
export interface PolicyReading {
  policy: EffectivePolicy;
  problems: PolicyProblem[];
  /** ISO 8601: when managed storage last answered. */
  readAt: string;
}

/**
 * Reading managed storage takes seconds after the browser starts; until it
 * answers, the policy read last time applies, so policy packs stay locked and
 * signatures stay required across restarts.
 */
export const lastPolicy = storage.defineItem<PolicyReading | null>('local:lastPolicy', {
  fallback: null,
  version: 1,
});

/** Why an address the policy names has no copy yet: its first fetch failed. */
export interface SourceFailure {
  error: string;
  /** ISO 8601. */
  at: string;
}

export const policySourceFailures = storage.defineItem<Record<string, SourceFailure>>(
  'local:policySourceFailures',
  { fallback: {}, version: 1 },
);

/**
 * Digests of the pack copies the background has checked in full (the backtracking
 * check included). A copy that arrives some other way, such as restored from a
 * backup, has no digest here, so it is checked in full before first use.
 */
export const checkedCopies = storage.defineItem<Record<string, string>>('local:checkedCopies', {
  fallback: {},
  version: 1,
});

/** Adds `value` to a list item, once. */
export async function addTo(item: typeof learnerKeys, value: string): Promise<void> {
  const list = await item.getValue();
  if (!list.includes(value)) await item.setValue([...list, value]);
}

/** Removes `value` from a list item. */
export async function removeFrom(item: typeof learnerKeys, value: string): Promise<void> {
  const list = await item.getValue();
  await item.setValue(list.filter((entry) => entry !== value));
}
