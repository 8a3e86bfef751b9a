/**
 * `inflow policy FILE`: what Inflow makes of a policy before it is deployed. Reads
 * a Linux policy file of Chrome or Edge, a Firefox `policies.json`, or the bare
 * values, and tells which values Chrome and Edge would drop for not fitting the
 * managed schema, and which values Inflow cannot use.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { readPolicy, type EffectivePolicy, type PolicyProblem } from '@/lib/policy';

import { FileTooLargeError, NotUtf8Error, readFailure, readUtf8 } from './read-text';
import { InputError } from './signing';

/** Inflow's add-on id in Firefox (`browser_specific_settings.gecko.id`). */
export const FIREFOX_ID = 'inflow@inflow.example';

type Browser = 'chrome' | 'firefox' | 'any';

export interface PolicyReport {
  /** Where the values were found in the file. */
  source: string;
  /** Values Chrome and Edge drop without a word: their type does not fit the schema. */
  dropped: { key: string; expected: string }[];
  policy: EffectivePolicy;
  problems: PolicyProblem[];
}

/** Reads a policy file and reports what the browsers and Inflow make of it. */
export async function checkPolicyFile(file: string): Promise<PolicyReport> {
  let text: string;
  try {
    text = await readUtf8(file);
  } catch (error) {
    const known = error instanceof NotUtf8Error || error instanceof FileTooLargeError;
    const reason = known ? error.message : readFailure(error);
    throw new InputError(`${file}: ${reason}`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The .reg and .mobileconfig examples are for deployment tools; their JSON twins
    // (Linux's managed policy file, Firefox's policies.json) hold the same values.
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `${file}: expected a JSON policy file, found ${reason} (this command reads Chrome's ` +
        `JSON policy file or Firefox's policies.json; a .reg or .mobileconfig file holds ` +
        `the same values for deployment tools)`,
    );
  }

  const { values, browser, source } = valuesIn(parsed, file);
  const dropped = browser === 'firefox' ? [] : droppedByChrome(values, await readManagedSchema());
  const kept = Object.fromEntries(
    Object.entries(values).filter(([key]) => !dropped.some((drop) => drop.key === key)),
  );
  return { source, dropped, ...readPolicy(browser === 'firefox' ? values : kept) };
}

/** The report as lines for the terminal. */
export function formatPolicyReport(report: PolicyReport): string {
  const lines = [`values: ${report.source}`];
  for (const { key, expected } of report.dropped) {
    lines.push(`dropped by Chrome and Edge, without an error: ${key}: expected ${expected}`);
  }
  for (const { key, value, problem } of report.problems) {
    lines.push(`problem: ${key}: ${JSON.stringify(value)}: ${problem}`);
  }
  lines.push(`policy in effect: ${JSON.stringify(report.policy, null, 2)}`);
  return lines.join('\n');
}

function valuesIn(
  parsed: unknown,
  file: string,
): { values: Record<string, unknown>; browser: Browser; source: string } {
  const firefox = at(parsed, ['policies', '3rdparty', 'Extensions']);
  if (firefox) {
    return {
      values: entryOf(firefox, file),
      browser: 'firefox',
      source: `policies.3rdparty.Extensions["${FIREFOX_ID}"] (Firefox)`,
    };
  }
  const chrome = at(parsed, ['3rdparty', 'extensions']);
  if (chrome) {
    const [id] = Object.keys(chrome);
    return {
      values: entryOf(chrome, file),
      browser: 'chrome',
      source: `3rdparty.extensions["${id}"] (Chrome, Edge)`,
    };
  }
  if (isObject(parsed)) return { values: parsed, browser: 'any', source: 'the whole file' };
  throw new InputError(`${file}: expected a JSON object of policy values`);
}

function entryOf(extensions: Record<string, unknown>, file: string): Record<string, unknown> {
  const ids = Object.keys(extensions);
  const id = ids.length === 1 ? ids[0]! : ids.includes(FIREFOX_ID) ? FIREFOX_ID : undefined;
  const values = id === undefined ? undefined : extensions[id];
  if (isObject(values)) return values;
  throw new InputError(
    `${file}: expected the values of one extension, found ${JSON.stringify(ids)}`,
  );
}

// The subset of JSON Schema that public/managed-schema.json uses, checked the way
// Chromium 156 was seen to check it: a value whose type does not fit is dropped
// whole, even when only one item of a list or one entry of an object is wrong.
export interface SchemaNode {
  type: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
  items?: SchemaNode;
}

/** The values Chrome and Edge drop, without a word, for not fitting the managed schema. */
export function droppedByChrome(
  values: Record<string, unknown>,
  schema: SchemaNode,
): { key: string; expected: string }[] {
  return Object.entries(values).flatMap(([key, value]) => {
    // An unknown key is dropped too, but readPolicy names it with a likely fix.
    const node = schema.properties?.[key];
    return !node || fits(value, node) ? [] : [{ key, expected: describe(node) }];
  });
}

function fits(value: unknown, node: SchemaNode): boolean {
  switch (node.type) {
    case 'array':
      return Array.isArray(value) && value.every((item) => fits(item, node.items!));
    case 'object':
      return (
        isObject(value) &&
        Object.entries(value).every(([key, child]) => {
          const childNode = node.properties?.[key] ?? node.additionalProperties;
          return childNode !== undefined && fits(child, childNode);
        })
      );
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === node.type;
  }
}

// The schema declares lists of strings and one object of such lists, nothing else.
function describe(node: SchemaNode): string {
  const names: Record<string, string> = {
    array: 'a list of strings',
    object: 'an object of tool ids to lists of strings',
    boolean: 'true or false',
    integer: 'a whole number',
    string: 'a string',
  };
  return names[node.type] ?? node.type;
}

function at(value: unknown, path: string[]): Record<string, unknown> | undefined {
  const found = path.reduce<unknown>(
    (node, key) => (isObject(node) ? node[key] : undefined),
    value,
  );
  return isObject(found) ? found : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The managed storage schema the extension ships (`public/managed-schema.json`). */
export async function readManagedSchema(): Promise<SchemaNode> {
  const file = resolve(import.meta.dirname, '../public/managed-schema.json');
  return JSON.parse(await readFile(file, 'utf8')) as SchemaNode;
}
