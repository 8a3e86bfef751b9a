// @vitest-environment node
/**
 * The admin guide's worked example: the four policy files say the same thing, the
 * guide shows them as they are, and the signed pack verifies with the key it names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  checkPolicyFile,
  droppedByChrome,
  readManagedSchema,
  type SchemaNode,
} from '@/cli/policy-file';
import { readPolicy } from '@/lib/policy';
import { verifyPackSignature } from '@/rules/signature';

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const guide = read('docs/admin-guide.md');
const examples = 'docs/examples/policy';

const expected = {
  packUrls: ['https://packs.acme.example/acme-crm.signed.json'],
  trustedKeys: ['ed25519:IcGhD3ZrZOeiNykA7gmKy+RsUhUiWsWj6p2mznIWNAY='],
  requireSignatures: true,
  allowLearnerPacks: true,
  lockedPacks: ['acme.crm'],
  extraHosts: [{ tool: 'jira', hosts: ['jira.acme.example'] }],
  refreshHours: 12,
};

describe('the example policy files', () => {
  it.each(['chrome-linux.json', 'firefox-policies.json'])(
    'should give the example policy from %s, nothing dropped, no problem',
    async (name) => {
      const report = await checkPolicyFile(resolve(root, examples, name));

      expect(report).toMatchObject({ dropped: [], problems: [], policy: expected });
    },
  );

  it('should give the example policy from the Windows registry file, read the way Chrome reads it', async () => {
    const values = registryValues(
      read(`${examples}/chrome-windows.reg`),
      await readManagedSchema(),
    );

    expect(readPolicy(values)).toEqual({ policy: expected, problems: [] });
  });

  it('should give the example policy from the macOS profile, with values of the schema types', async () => {
    const profile = readPlist(read(`${examples}/chrome-macos.mobileconfig`)) as {
      PayloadContent: Record<string, unknown>[];
    };
    const payload = profile.PayloadContent[0]!;
    const values = Object.fromEntries(
      Object.entries(payload).filter(([key]) => !key.startsWith('Payload')),
    );

    expect(payload.PayloadType).toBe('com.google.Chrome.extensions.EXTENSION_ID');
    expect(droppedByChrome(values, await readManagedSchema())).toEqual([]);
    expect(readPolicy(values)).toEqual({ policy: expected, problems: [] });
  });

  it.each([
    'chrome-linux.json',
    'firefox-policies.json',
    'chrome-windows.reg',
    'chrome-macos.mobileconfig',
  ])('should be shown in the admin guide as it is: %s', (name) => {
    const content = read(`${examples}/${name}`).replaceAll('\r\n', '\n').trim();

    expect(guide).toContain(content);
  });
});

describe('the example signed pack', () => {
  const signed = JSON.parse(read('docs/examples/acme-crm.signed.json'));
  const key = 'ed25519:IcGhD3ZrZOeiNykA7gmKy+RsUhUiWsWj6p2mznIWNAY=';

  it('should verify with the key the guide names', async () => {
    expect(guide).toContain(`ok: signed by ${key}`);
    expect(await verifyPackSignature(signed, [key])).toEqual({ ok: true, key });
  });

  it('should be the example pack plus its signature (sign it again after editing the pack)', () => {
    const { signature: _signature, ...pack } = signed;

    expect(pack).toEqual(JSON.parse(read('docs/examples/acme-crm.json')));
  });
});

/**
 * The values of a `.reg` file under `…\policy`, converted to the schema's types as
 * Chromium's registry reader does (components/policy/core/common/registry_dict.cc):
 * lists from numbered values of a subkey (in text order) or from a JSON string,
 * switches from DWORDs, objects from JSON strings.
 */
function registryValues(text: string, schema: SchemaNode): Record<string, unknown> {
  const tree = new Map<string, Map<string, string | number>>();
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[.*\\policy(?:\\(.+))?\]$/.exec(line);
    if (header) section = header[1] ?? '';
    const value = /^"(.+?)"=(?:dword:([0-9a-f]{8})|"((?:[^"\\]|\\.)*)")$/.exec(line);
    if (!value) continue;
    const values = tree.get(section) ?? new Map<string, string | number>();
    values.set(value[1]!, value[2] ? parseInt(value[2], 16) : value[3]!.replace(/\\(.)/g, '$1'));
    tree.set(section, values);
  }

  const result: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    const subkey = tree.get(key);
    const value = tree.get('')?.get(key);
    if (subkey && node.type === 'array') {
      result[key] = [...subkey].sort(([a], [b]) => a.localeCompare(b)).map(([, item]) => item);
    } else if (value !== undefined) {
      result[key] = convert(value, node.type);
    }
  }
  return result;
}

function convert(value: string | number, type: string): unknown {
  if (type === 'boolean') return Number(value) !== 0;
  if (type === 'integer') return Number(value);
  if (type === 'array' || type === 'object') return JSON.parse(String(value));
  return value;
}

/** A property list's XML, read into plain values: dict, array, string, integer, true, false. */
function readPlist(xml: string): unknown {
  const tokens = [...xml.matchAll(/<(\/?)(\w+)(\/?)>([^<]*)/g)]
    .filter(([, , tag]) => tag !== 'plist')
    .map(([, close, tag, empty, text]) => ({
      close: close === '/',
      tag: tag!,
      empty: empty === '/',
      text: text!,
    }));
  let at = 0;

  function value(): unknown {
    const token = tokens[at++]!;
    if (token.empty) return token.tag === 'true';
    if (token.tag === 'string' || token.tag === 'key') return (at++, token.text);
    if (token.tag === 'integer') return (at++, Number(token.text));
    const items: unknown[] = [];
    while (!tokens[at]!.close) items.push(value());
    at++;
    if (token.tag === 'array') return items;
    return Object.fromEntries(
      Array.from({ length: items.length / 2 }, (_, index) => [
        items[index * 2],
        items[index * 2 + 1],
      ]),
    );
  }
  return value();
}
