/**
 * Reading one policy value in the forms admins write it, for `readPolicy`: lists as
 * arrays, JSON strings or separated text; switches as booleans, "true" or 1; hosts
 * per tool as an object or `tool=host` items. Each reader keeps what it can use and
 * reports the rest.
 */
import { hostGlob, slug } from '@/rules/schema';
import { formatPublicKey, parsePublicKey } from '@/rules/signature';

import { isThisComputer } from './pack-fetch';
import type { EffectivePolicy } from './policy';

/** Records a value that cannot be used: what was found, why, and under which key. */
export type Report = (value: unknown, problem: string, key?: string) => void;

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
export function keep(
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

export function keyOf(text: string): string | { problem: string } {
  const bytes = parsePublicKey(text);
  if (bytes) return formatPublicKey(bytes);
  return {
    problem:
      'not an Ed25519 public key: expected "ed25519:" and 44 base64 characters, as inflow keygen prints',
  };
}

export function packIdOf(text: string): string | { problem: string } {
  return slug.safeParse(text).success
    ? text
    : { problem: 'not a pack id: lower-case letters, digits, ".", "_" or "-"' };
}

export function hostOf(text: string): string | { problem: string } {
  const host = text.toLowerCase();
  const parsed = hostGlob.safeParse(host);
  return parsed.success
    ? host
    : { problem: `not a host: expected ${parsed.error.issues[0]?.message}` };
}

export function readFlag(value: unknown, fallback: boolean, report: Report): boolean {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (text === true || text === 'true' || text === 1 || text === '1') return true;
  if (text === false || text === 'false' || text === 0 || text === '0') return false;

  report(value, `expected true or false; ${fallback} applies`);
  return fallback;
}

/** A whole number in a range, written as a number or as a string of digits. */
export function readWholeNumber(
  value: unknown,
  range: { min: number; max: number; unit: string },
  report: Report,
): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (
    typeof number === 'number' &&
    Number.isInteger(number) &&
    number >= range.min &&
    number <= range.max
  ) {
    return number;
  }
  const expected = `a whole number of ${range.unit} from ${range.min} to ${range.max}`;
  report(value, `expected ${expected}; the default applies`);
  return undefined;
}

// Extra hosts

/**
 * Hosts per tool, written as an object (`{ "jira": ["jira.corp.example"] }`, the
 * form the managed schema declares), a string holding that object as JSON, or a
 * list of `tool=host` items (read in Firefox, which checks no schema).
 */
export function readExtraHosts(value: unknown, report: Report): EffectivePolicy['extraHosts'] {
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

export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
