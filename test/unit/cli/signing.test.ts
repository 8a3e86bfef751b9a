// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { parsePublicKey } from '@/rules/signature';

import { inflow, root } from './inflow-command';

const dir = mkdtempSync(join(tmpdir(), 'inflow-signing-'));
const example = resolve(root, 'docs/examples/acme-crm.json');

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

// Each command is a process start (one to two seconds on a busy machine), and some
// tests run three.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

// One key pair and one signed pack for the whole file: each command is a process start.
const privateKeyFile = join(dir, 'signing.key');
const signedFile = join(dir, 'acme-crm.signed.json');
let publicKey = '';
let keygen: ReturnType<typeof inflow>;
let sign: ReturnType<typeof inflow>;

beforeAll(() => {
  keygen = inflow('keygen', '--out', privateKeyFile);
  publicKey = lastLine(keygen.stdout);
  sign = inflow('sign', '--key', privateKeyFile, '--out', signedFile, example);
});

describe('inflow keygen', () => {
  it('should write the private key for its owner only and print the public key last', () => {
    expect(keygen.code).toBe(0);
    expect(statSync(privateKeyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(privateKeyFile, 'utf8')).toMatch(/^ed25519-private:[A-Za-z0-9+/]{43}=\n$/);
    expect(publicKey).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
    expect(parsePublicKey(publicKey)).not.toBeNull();
  });

  it('should refuse to overwrite a key unless --force is given', () => {
    const keyFile = join(dir, 'other.key');
    inflow('keygen', '--out', keyFile);
    const before = readFileSync(keyFile, 'utf8');

    const refused = inflow('keygen', '--out', keyFile);
    const unchanged = readFileSync(keyFile, 'utf8');
    const forced = inflow('keygen', '--out', keyFile, '--force');

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${keyFile} already exists: keep that key, or pass --force`);
    expect(unchanged).toBe(before);
    expect(forced.code).toBe(0);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(before);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('should exit 2 with the usage when --out is missing', () => {
    const result = inflow('keygen');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('keygen needs --out FILE');
  });
});

describe('inflow sign', () => {
  it('should write a signed pack that is still a valid pack with passing tests', () => {
    expect(sign).toMatchObject({ code: 0, stderr: '' });
    expect(sign.stdout).toBe(`Wrote ${signedFile}: acme.crm 1.0.0, signed by ${publicKey}\n`);
    expect(inflow('validate', signedFile)).toMatchObject({ code: 0, stdout: '' });
    expect(inflow('test', signedFile).stdout).toMatch(/^6 passed, 0 failed$/m);
  });

  it('should sign nothing when the pack has problems', () => {
    const bad = file('bad.json', JSON.stringify({ format: 1, id: 'Bad Id' }));
    const out = join(dir, 'bad.signed.json');

    const result = inflow('sign', '--key', privateKeyFile, '--out', out, bad);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing signed: the pack has problems');
    expect(result.stderr).toContain(`${bad}: $.id: expected lower-case letters`);
    expect(existsSync(out)).toBe(false);
  });

  it('should refuse a public key in place of the private key', () => {
    const wrong = file('public.key', `${publicKey}\n`);

    const result = inflow('sign', '--key', wrong, '--out', join(dir, 'x.json'), example);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('it holds a public key; sign needs the file keygen wrote');
  });
});

describe('inflow verify', () => {
  it('should exit 0 for the signed pack, the key given as text or as keygen output in a file', () => {
    const keyFile = file('keygen-output.txt', keygen.stdout);

    const byText = inflow('verify', '--trusted-key', publicKey, signedFile);
    const byFile = inflow('verify', '--trusted-key', keyFile, signedFile);

    expect(byText).toEqual({ code: 0, stdout: `ok: signed by ${publicKey}\n`, stderr: '' });
    expect(byFile).toEqual(byText);
  });

  it('should exit 0 when the signed pack was re-formatted and its keys reordered', () => {
    const signed = JSON.parse(readFileSync(signedFile, 'utf8'));
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    const compact = file('compact.json', JSON.stringify(reordered));

    expect(inflow('verify', '--trusted-key', publicKey, compact).code).toBe(0);
  });

  it.each([
    [
      'an unsigned pack',
      () => example,
      () => `${example}: not signed: the pack has no "signature" field`,
    ],
    [
      'a pack changed after signing',
      () =>
        file(
          'altered.json',
          readFileSync(signedFile, 'utf8').replace('"minutes": 2', '"minutes": 3'),
        ),
      () => `signature does not match: the pack was changed after ${publicKey} signed it`,
    ],
    [
      'a signature cut short',
      () =>
        file('cut.json', readFileSync(signedFile, 'utf8').replace(/("value": ")[^"]{10}/, '$1')),
      () => 'malformed signature: "value" is not the base64 of a 64-byte Ed25519 signature',
    ],
    [
      'a file that is not JSON',
      () => file('broken.json', '{"format": 1,'),
      () => 'not valid JSON: ',
    ],
  ])('should exit 1 and say why for %s', (_name, pack, reason) => {
    const result = inflow('verify', '--trusted-key', publicKey, pack());

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(reason());
  });

  it('should name the signer when its key is not the trusted one', () => {
    const otherKey = lastLine(inflow('keygen', '--out', join(dir, 'third.key')).stdout);

    const result = inflow('verify', '--trusted-key', otherKey, signedFile);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `inflow: ${signedFile}: signed by ${publicKey}, which is not a trusted key\n`,
    );
  });

  it.each([
    ['a malformed key', 'ed25519:AAAA', 'malformed trusted key "ed25519:AAAA"'],
    ['the private key file', privateKeyFile, 'holds a private key: pass the public key'],
  ])('should exit 1 for %s given as the trusted key', (_name, key, message) => {
    const result = inflow('verify', '--trusted-key', key, signedFile);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
