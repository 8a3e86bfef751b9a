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

import { hostGlob, slug } from '@/rules/schema';
import { formatPublicKey, parsePublicKey } from '@/rules/signature';

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

export const REFRESH_HOURS = { min: 1, max: 168 } as const;

type Report = (value: unknown, problem: string, key?: string) => void;
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
    policy.refreshHours = readHours(value, report);
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

// Lists

/**
 * The text items of a list written as an array, as a string holding a JSON array
 * (how Windows registry admins often write lists), or as text with items separated
 * by line breaks, commas or spaces (no item of any list can contain a space).
 */
export function readList(value: unknown, report: Report): string[] {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text.startsWith('[')) return text.split(/[\s,]+/).filter(Boolean);

    // Text that starts with "[" and parses is always an array.
    const parsed = parseJson(text, report);
    return Array.isArray(parsed) ? textItems(parsed, report) : [];
  }
  if (Array.isArray(value)) return textItems(value, report);

  report(value, 'expected a list: an array of strings, or a string holding a JSON array; ignored');
  return [];
}

function textItems(items: readonly unknown[], report: Report): string[] {
  const texts: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.trim() !== '') texts.push(item.trim());
    else if (typeof item !== 'string')
      report(item, 'expected text in the list; this item is ignored');
  }
  return texts;
}

/** The items that check out, each in its normal form, without repeats; a problem for each other. */
function keep(
  items: readonly string[],
  check: (item: string) => string | { problem: string },
  report: Report,
): string[] {
  const kept = new Set<string>();
  for (const item of items) {
    const checked = check(item);
    if (typeof checked === 'string') kept.add(checked);
    else report(item, checked.problem);
  }
  return [...kept];
}

// Values

/**
 * An https address; http only on this computer (`localhost`, `127.0.0.1`, `[::1]`),
 * where a pack author tests a pack before publishing it.
 */
export function addressOf(text: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not an address: expected https://…' };
  }
  if (url.username || url.password)
    return { problem: 'an address must not carry a user name or password' };
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isThisComputer(url.hostname)) return url.href;
  return { problem: 'not an https:// address (http:// only for localhost)' };
}

function isThisComputer(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function keyOf(text: string): string | { problem: string } {
  const bytes = parsePublicKey(text);
  if (bytes) return formatPublicKey(bytes);
  return {
    problem:
      'not an Ed25519 public key: expected "ed25519:" and 44 base64 characters, as inflow keygen prints',
  };
}

function packIdOf(text: string): string | { problem: string } {
  return slug.safeParse(text).success
    ? text
    : { problem: 'not a pack id: lower-case letters, digits, ".", "_" or "-"' };
}

function hostOf(text: string): string | { problem: string } {
  const host = text.toLowerCase();
  const parsed = hostGlob.safeParse(host);
  return parsed.success
    ? host
    : { problem: `not a host: expected ${parsed.error.issues[0]?.message}` };
}

function readFlag(value: unknown, fallback: boolean, report: Report): boolean {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (text === true || text === 'true' || text === 1 || text === '1') return true;
  if (text === false || text === 'false' || text === 0 || text === '0') return false;

  report(value, `expected true or false; ${fallback} applies`);
  return fallback;
}

function readHours(value: unknown, report: Report): number | undefined {
  const hours = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (
    typeof hours === 'number' &&
    Number.isInteger(hours) &&
    hours >= REFRESH_HOURS.min &&
    hours <= REFRESH_HOURS.max
  ) {
    return hours;
  }
  report(
    value,
    `expected a whole number of hours from ${REFRESH_HOURS.min} to ${REFRESH_HOURS.max}; the default applies`,
  );
  return undefined;
}

// Extra hosts

/**
 * Hosts per tool, written as an object (`{ "jira": ["jira.corp.example"] }`, the
 * form the managed schema declares), a string holding that object as JSON, or a
 * list of `tool=host` items (read in Firefox, which checks no schema).
 */
function readExtraHosts(value: unknown, report: Report): EffectivePolicy['extraHosts'] {
  const entries = hostEntries(value, report);
  const byTool = new Map<string, Set<string>>();

  for (const [tool, hosts] of entries) {
    const key = `extraHosts.${tool}`;
    if (!slug.safeParse(tool).success) {
      report(
        tool,
        'not a tool id: lower-case letters, digits, ".", "_" or "-"; its hosts are ignored',
        key,
      );
      continue;
    }
    const kept = keep(readList(hosts, hostReport(report, key)), hostOf, hostReport(report, key));
    const known = byTool.get(tool) ?? new Set<string>();
    for (const host of kept) known.add(host);
    if (known.size > 0) byTool.set(tool, known);
  }
  return [...byTool].map(([tool, hosts]) => ({ tool, hosts: [...hosts] }));
}

function hostReport(report: Report, key: string): Report {
  return (found, problem) => report(found, problem, key);
}

function hostEntries(value: unknown, report: Report): [string, unknown][] {
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    const parsed = parseJson(value.trim(), report);
    return parsed === undefined ? [] : hostEntries(parsed, report);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value);
  }
  if (typeof value !== 'string' && !Array.isArray(value)) {
    report(
      value,
      'expected an object of tool ids to lists of hosts, such as {"jira": ["jira.corp.example"]}; ignored',
    );
    return [];
  }
  return readList(value, report).flatMap((item): [string, unknown][] => {
    const match = /^([^=]+)=(.+)$/.exec(item);
    if (match) return [[match[1]!.trim(), match[2]!.trim()]];
    report(item, 'expected tool=host, such as jira=jira.corp.example; ignored');
    return [];
  });
}

// Shared

function parseJson(text: string, report: Report): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    report(text, `looks like JSON but does not parse (${reason}); ignored`);
    return undefined;
  }
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
