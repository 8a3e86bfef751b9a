/**
 * Enterprise policy: what an organization's admin sets for Inflow through Chrome's
 * or Edge's managed storage (schema: `public/managed-schema.json`) or Firefox's
 * `3rdparty` policies (no schema), read into the policy in effect.
 *
 * Policy is untrusted input written by hand in registry editors, plists and JSON
 * files, so reading is forgiving about form and strict about content: a list may
 * be an array, a JSON string of one, or text with one item per line; a flag may be
 * `true` or `"true"`. Every usable value is kept; every value that cannot be used
 * becomes a problem that the options page names under "Effective policy".
 */
import { closest, distance } from 'fastest-levenshtein';

import {
  addressOf,
  keep,
  keyOf,
  packIdOf,
  readExtraHosts,
  readFlag,
  readList,
  readWholeNumber,
  shown,
  type Report,
} from './policy-values';

export { addressOf, readList } from './policy-values';

/** The policy in effect: the defaults where the admin set nothing usable. */
export interface EffectivePolicy {
  /** Packs to install and keep up to date, in order of precedence. */
  packUrls: string[];
  /** Public keys whose pack signatures are trusted, as `ed25519:<base64>`. */
  trustedKeys: string[];
  /** Refuse a pack from an address or a file unless a trusted key signed it. */
  requireSignatures: boolean;
  /** Whether the learner may add packs of their own (a file or an address). */
  allowLearnerPacks: boolean;
  /** Ids of packs the learner may not turn off. */
  lockedPacks: string[];
  /** Hosts added to tools of any pack, for installs on the organization's own hosts. */
  extraHosts: { tool: string; hosts: string[] }[];
  /** How often packs from addresses are fetched again; the extension's default when unset. */
  refreshHours?: number;
  /** The learning record store that receives xAPI statements, when the organization names one. */
  recordStoreUrl?: string;
}

/** A policy value that cannot be used: shown in the options page's "Effective policy". */
export interface PolicyProblem {
  /** The policy key, with the tool for `extraHosts` (`extraHosts.jira`). */
  key: string;
  /** The value as the admin set it, shortened. */
  value: string;
  /** What is wrong with it and what happens instead. */
  problem: string;
}

/** The policy in effect when no policy is set. */
export const NO_POLICY: EffectivePolicy = Object.freeze({
  packUrls: Object.freeze([]) as unknown as string[],
  trustedKeys: Object.freeze([]) as unknown as string[],
  requireSignatures: false,
  allowLearnerPacks: true,
  lockedPacks: Object.freeze([]) as unknown as string[],
  extraHosts: Object.freeze([]) as unknown as EffectivePolicy['extraHosts'],
});

/** The names admins write, as in `public/managed-schema.json`. */
export const POLICY_KEYS = [
  'packUrls',
  'trustedKeys',
  'requireSignatures',
  'allowLearnerPacks',
  'lockedPacks',
  'extraHosts',
  'refreshHours',
  'recordStoreUrl',
] as const satisfies readonly (keyof EffectivePolicy)[];

/** Hours between two fetches of every pack address; `default` when policy sets none. */
export const REFRESH_HOURS = { min: 1, max: 168, default: 24 } as const;

type Reader = (value: unknown, policy: EffectivePolicy, report: Report) => void;

const readers: Record<(typeof POLICY_KEYS)[number], Reader> = {
  packUrls(value, policy, report) {
    policy.packUrls = keep(readList(value, report), addressOf, report);
  },
  trustedKeys(value, policy, report) {
    policy.trustedKeys = keep(readList(value, report), keyOf, report);
  },
  requireSignatures(value, policy, report) {
    policy.requireSignatures = readFlag(value, NO_POLICY.requireSignatures, report);
  },
  allowLearnerPacks(value, policy, report) {
    policy.allowLearnerPacks = readFlag(value, NO_POLICY.allowLearnerPacks, report);
  },
  lockedPacks(value, policy, report) {
    policy.lockedPacks = keep(readList(value, report), packIdOf, report);
  },
  extraHosts(value, policy, report) {
    policy.extraHosts = readExtraHosts(value, report);
  },
  refreshHours(value, policy, report) {
    policy.refreshHours = readWholeNumber(value, { ...REFRESH_HOURS, unit: 'hours' }, report);
  },
  recordStoreUrl(value, policy, report) {
    const address = typeof value === 'string' ? addressOf(value.trim()) : undefined;
    if (typeof address === 'string') policy.recordStoreUrl = address;
    else
      report(
        value,
        `${address?.problem ?? 'expected an address as text'}; no record store is used`,
      );
  },
};

/** Reads `storage.managed` (or Firefox's `3rdparty` values) into the policy in effect. */
export function readPolicy(managed: Record<string, unknown>): {
  policy: EffectivePolicy;
  problems: PolicyProblem[];
} {
  const policy: EffectivePolicy = {
    ...NO_POLICY,
    packUrls: [],
    trustedKeys: [],
    lockedPacks: [],
    extraHosts: [],
  };
  const problems: PolicyProblem[] = [];

  for (const [key, value] of Object.entries(managed ?? {})) {
    if (value === undefined || value === null) continue;

    const report: Report = (found, problem, at = key) =>
      problems.push({ key: at, value: shown(found), problem });
    if (isPolicyKey(key)) readers[key](value, policy, report);
    else report(value, unknownKeyProblem(key));
  }

  if (policy.requireSignatures && policy.trustedKeys.length === 0) {
    problems.push({
      key: 'requireSignatures',
      value: 'true',
      problem:
        'signatures are required but no trusted key is usable: every pack from an address or a file will be refused',
    });
  }
  return { policy, problems };
}

function isPolicyKey(key: string): key is (typeof POLICY_KEYS)[number] {
  return (POLICY_KEYS as readonly string[]).includes(key);
}

function unknownKeyProblem(key: string): string {
  const sameLetters = POLICY_KEYS.find((known) => known.toLowerCase() === key.toLowerCase());
  if (sameLetters)
    return `not a policy Inflow reads: did you mean "${sameLetters}"? (names are case-sensitive)`;

  const near = closest(key, [...POLICY_KEYS]);
  const hint = distance(key, near) <= 3 ? `: did you mean "${near}"?` : '';
  return `not a policy Inflow reads${hint}`;
}
