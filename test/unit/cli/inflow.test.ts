// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { generateSigningKeys } from '@/rules/signature';

import { inflow, inflowIn, root } from './inflow-command';

// Every command is a process start, one to several seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const dir = mkdtempSync(join(tmpdir(), 'inflow-cli-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const opportunity =
  'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00001rWkhYAAS/view';

describe('inflow validate', () => {
  it('should exit 0 and print nothing for the bundled packs', () => {
    const result = inflow('validate', 'rules/packs/salesforce.json', 'rules/packs/hubspot.json');

    expect(result).toMatchObject({ code: 0, stdout: '' });
  });

  it('should exit 1 with one line per problem: path, expected, found', () => {
    const bad = file(
      'bad.json',
      JSON.stringify({ format: 1, id: 'Bad Id', tools: [], modules: [], nmae: 'x' }),
    );

    const result = inflow('validate', bad);
    const lines = result.stdout.trim().split('\n');

    expect(result.code).toBe(1);
    expect(lines).toContain(
      `${bad}: $.id: expected lower-case letters, digits, ".", "_" or "-", found "Bad Id"`,
    );
    expect(lines).toContain(
      `${bad}: $: expected only known keys, found unknown key "nmae" (did you mean "name"?)`,
    );
    expect(lines.every((line) => line.startsWith(`${bad}: $`))).toBe(true);
  });

  it('should report a truncated file as one line', () => {
    const truncated = file('truncated.json', '{"format": 1, "tools": [');

    const result = inflow('validate', truncated);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`^${truncated}: \\$: expected valid JSON, found .+\\n$`),
    );
  });
});

describe('inflow on a file over the size limit', () => {
  it('should refuse it from its size, before reading it', () => {
    // Sparse: 600 MB on paper, nothing on disk. Read whole, it took 37 s and then
    // failed on JavaScript's longest string.
    const huge = join(dir, 'huge.json');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 600 * 1024 * 1024);

    const result = inflow('validate', huge);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${huge}: $: expected a file of at most 5 MB (5,242,880 bytes), found 629,145,600 bytes\n`,
    );
  });
});

describe('inflow on a file that is not UTF-8', () => {
  // "Café" saved as Latin-1: é is the single byte E9, the 27th byte of the file.
  const latin1 = join(dir, 'latin1.json');
  writeFileSync(latin1, Buffer.from('{"format":1,\n  "name":"Caf\u00e9"}', 'latin1'));
  const where =
    'expected UTF-8 text, found a byte that is not UTF-8 at line 2, column 14 (byte 27)';

  it('should refuse it in validate, saying where, not read it with a replacement character', () => {
    const result = inflow('validate', latin1);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${latin1}: $: ${where}\n`);
  });

  it('should count lines ended by a lone CR, as the duplicate-key check does', () => {
    const mac = join(dir, 'mac.json');
    writeFileSync(mac, Buffer.from([...Buffer.from('{\r"a":1,\r"b":"'), 0xff, 0x22, 0x7d]));

    expect(inflow('validate', mac).stdout).toContain('at line 3, column 6 (byte 15)');
  });

  it('should count the byte order mark in the byte number', () => {
    const marked = join(dir, 'marked.json');
    writeFileSync(marked, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"a":"'), 0xff, 0x7d]));

    expect(inflow('validate', marked).stdout).toContain('at line 1, column 7 (byte 10)');
  });

  it('should refuse it in policy and verify alike', async () => {
    const { publicKey: key } = await generateSigningKeys();

    expect(inflow('policy', latin1)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(where),
    });
    expect(inflow('verify', '--trusted-key', key, latin1)).toMatchObject({
      code: 1,
      stderr: `inflow: ${latin1}: ${where}\n`,
    });
  });
});

describe('inflow match', () => {
  it('should print one JSON object with tool, context, confidence, modules and why', () => {
    const result = inflow('match', '--url', opportunity);
    const output = JSON.parse(result.stdout);

    expect(result.code).toBe(0);
    expect(output).toMatchObject({
      tool: 'salesforce',
      context: 'record:Opportunity',
      confidence: 1,
    });
    expect(output.modules.map((m: { id: string }) => m.id)).toContain('sf-price-objection');
    expect(output.why).toBe(
      'Salesforce › Opportunity record: the address is the record page of an Opportunity',
    );
  });

  it('should read markers after a closed script, none inside an unclosed one, and never hang on scripts', () => {
    const url = 'https://tracker.acme.example/browse/OPS-1';
    const marker = '<meta name="application-name" content="JIRA">';
    const afterScript = file('after.html', `<SCRIPT src=a></script >${marker}`);
    const insideScript = file('inside.html', `<script>${marker}`);
    // Each unclosed "<script" once made the stripping scan to the end of the page again.
    const unclosed = file('unclosed.html', `${'<script'.repeat(250_000)}${marker}`);

    const tools = [afterScript, insideScript, unclosed].map(
      (html) => JSON.parse(inflow('match', '--url', url, '--html', html).stdout).tool,
    );

    expect(tools).toEqual(['jira', null, null]);
  });

  it('should say a saved page nests too deeply to read, and exit 1', () => {
    const html = file('deep.html', '<div>'.repeat(20_000));

    const result = inflow('match', '--url', 'https://tracker.acme.example/', '--html', html);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe('inflow: the saved page nests too deeply to read\n');
  });

  it('should read page markers from --html', () => {
    const html = file(
      'jira.html',
      '<html><head><meta name="application-name" content="JIRA"><title>OPS-1</title></head></html>',
    );
    const url = 'https://tracker.acme.example/browse/OPS-1';

    const withoutPage = JSON.parse(inflow('match', '--url', url).stdout);
    const withPage = JSON.parse(inflow('match', '--url', url, '--html', html).stdout);

    expect(withoutPage.tool).toBeNull();
    expect(withPage).toMatchObject({ tool: 'jira', context: 'issue' });
    expect(withPage.evidence).toContain('the meta tag application-name is "JIRA"');
  });

  it('should write one line per input line, in order, with null for no tool and an error for a bad line', () => {
    const input = file(
      'urls.jsonl',
      [
        JSON.stringify({ url: opportunity }),
        'not json',
        JSON.stringify({ url: 'https://www.salesforce.com/products/' }),
        JSON.stringify({ url: 'https://acme.atlassian.net/browse/ENG-1', title: 'ENG-1' }),
        JSON.stringify({ url: 'ftp://acme.lightning.force.com/lightning/page/home' }),
      ].join('\n'),
    );

    const result = inflow('match', '--urls', input);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));

    expect(result.code).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      url: opportunity,
      tool: 'salesforce',
      context: 'record:Opportunity',
    });
    expect(lines[1]).toMatchObject({ url: null, tool: null, context: null });
    expect(lines[1].error).toContain('not a JSON line');
    expect(lines[2]).toEqual({
      url: 'https://www.salesforce.com/products/',
      tool: null,
      context: null,
      confidence: 0,
    });
    expect(lines[3]).toMatchObject({ tool: 'jira', context: 'issue' });
    expect(lines[4]).toEqual({
      url: 'ftp://acme.lightning.force.com/lightning/page/home',
      tool: null,
      context: null,
      confidence: 0,
      error:
        'expected an http or https address, found "ftp://acme.lightning.force.com/lightning/page/home"',
    });
  });

  it('should refuse --urls together with --url, rather than drop one of them', () => {
    const input = file('one.jsonl', JSON.stringify({ url: opportunity }));

    const result = inflow('match', '--urls', input, '--url', opportunity);

    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(
      /^inflow: match takes --urls FILE.jsonl, or --url URL .* not both/,
    );
  });
});

/** A pack file for the tool x.acme.example, whose home page is its one context. */
function packWithTests(name: string, tests: object[]): string {
  const tool = {
    id: 'x',
    name: 'X',
    category: 'other',
    hosts: ['x.acme.example'],
    contexts: [{ id: 'home', name: 'Home', when: { path: '/' }, because: 'home' }],
  };
  const pack = { format: 1, id: 'acme.x', name: 'X', version: '1.0.0', publisher: 'Acme' };
  return file(name, JSON.stringify({ ...pack, modules: [], tools: [tool], tests }));
}

describe('inflow test and schema', () => {
  it('should run the embedded tests of the bundled packs and close with a count', () => {
    const result = inflow('test');

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('should exit 1 when an embedded test fails', () => {
    const pack = packWithTests('failing.json', [
      { url: 'https://x.acme.example/other', tool: 'x', context: 'home' },
    ]);

    const result = inflow('test', pack);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'FAIL  acme.x: https://x.acme.example/other: expected x › home, found no tool',
    );
  });

  it('should print a test address that holds line breaks and colours on its one line', () => {
    const forged = 'https://x.acme.example/\n\u001b[32mok    acme.x: forged\u001b[0m';
    const pack = packWithTests('forging.json', [{ url: forged, tool: null }]);

    const result = inflow('test', pack);

    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(
        /^(ok|FAIL) {2,4}acme\.x: https:\/\/x\.acme\.example\/\\u000a\\u001b\[32mok /,
      ),
      '1 passed, 0 failed',
      '',
    ]);
    expect(result.stdout).not.toContain('\u001b');
  });

  it('should print the JSON Schema', () => {
    const schema = JSON.parse(inflow('schema').stdout);

    expect(schema).toMatchObject({ title: 'Inflow rule pack', type: 'object' });
  });
});

describe('inflow for an admin new to it', () => {
  it('should print its usage and exit 0 when asked for help', () => {
    for (const asked of ['help', '--help']) {
      const result = inflow(asked);

      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^usage: npm run --silent inflow -- <command>/);
    }
  });

  it('should read a relative path from the folder the command was typed in', () => {
    const examples = resolve(root, 'docs/examples');

    expect(inflowIn(examples, 'validate', 'acme-crm.json')).toMatchObject({ code: 0, stdout: '' });
    expect(inflowIn(examples, 'validate', 'acme-crn.json').stdout).toBe(
      `acme-crn.json: $: expected a readable file, found no such file (tried ${examples}/acme-crn.json)\n`,
    );
  });

  it('should read a relative path from its own folder when started by another npm script', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'cli/inflow.ts', 'validate', 'docs/examples/acme-crm.json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, INIT_CWD: tmpdir(), npm_lifecycle_event: 'demo' },
      },
    );

    expect(result.stderr + result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('should refuse a --url that is not a web address rather than match nothing', () => {
    const result = inflow('match', '--url', 'acme.lightning.force.com/lightning/page/home');

    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^inflow: --url: expected an http or https address, found "/);
  });

  it('should name the option whose file is missing', () => {
    const missing = join(dir, 'missing.html');

    const result = inflow('match', '--url', opportunity, '--html', missing);

    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`inflow: --html ${missing}: no such file (tried ${missing})\n`);
  });

  it('should say that policy reads JSON files, for the .reg example', () => {
    const result = inflow('policy', 'docs/examples/policy/chrome-windows.reg');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^inflow: docs\/examples\/policy\/chrome-windows.reg: expected a JSON policy file, found /,
    );
    expect(result.stderr).toContain('a .reg or .mobileconfig file holds the same values');
  });
});
