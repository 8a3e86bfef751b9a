// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { inflow } from './inflow-command';

const dir = mkdtempSync(join(tmpdir(), 'inflow-policy-'));
const key = 'ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

vi.setConfig({ testTimeout: 30_000 });

function inflowPolicy(name: string, content: unknown) {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  const result = inflow('policy', path);
  const effective = result.stdout.slice(result.stdout.indexOf('policy in effect: ') + 18);
  return { code: result.code, lines: result.stdout.split('\n'), policy: JSON.parse(effective) };
}

describe('inflow policy', () => {
  it('should say which values Chrome drops and which Inflow cannot use, and exit 1', () => {
    const result = inflowPolicy('chrome.json', {
      '3rdparty': {
        extensions: {
          abcdefghijklmnopabcdefghijklmnop: {
            packUrls: ['https://packs.acme.example/a.json', 'http://packs.acme.example/b.json'],
            trustedKeys: JSON.stringify([key]),
            requireSignatures: 'true',
            lockedPacks: ['acme.crm'],
          },
        },
      },
    });

    expect(result.code).toBe(1);
    expect(result.lines).toEqual(
      expect.arrayContaining([
        'values: 3rdparty.extensions["abcdefghijklmnopabcdefghijklmnop"] (Chrome, Edge)',
        'dropped by Chrome and Edge, without an error: trustedKeys: expected a list of strings',
        'dropped by Chrome and Edge, without an error: requireSignatures: expected true or false',
        'problem: packUrls: "http://packs.acme.example/b.json": not an https:// address (http:// only for localhost)',
      ]),
    );
    expect(result.policy).toMatchObject({
      packUrls: ['https://packs.acme.example/a.json'],
      trustedKeys: [],
      requireSignatures: false,
      lockedPacks: ['acme.crm'],
    });
  });

  it('should read a Firefox policies.json as written, since Firefox checks no schema', () => {
    const result = inflowPolicy('policies.json', {
      policies: {
        '3rdparty': {
          Extensions: {
            'inflow@inflow.example': {
              trustedKeys: JSON.stringify([key]),
              requireSignatures: 'true',
              extraHosts: ['jira=jira.corp.example'],
            },
          },
        },
      },
    });

    expect(result.code).toBe(0);
    expect(result.lines[0]).toBe(
      'values: policies.3rdparty.Extensions["inflow@inflow.example"] (Firefox)',
    );
    expect(result.policy).toMatchObject({
      trustedKeys: [key],
      requireSignatures: true,
      extraHosts: [{ tool: 'jira', hosts: ['jira.corp.example'] }],
    });
  });
});
