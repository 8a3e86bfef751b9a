// @vitest-environment node
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  canonicalPackBytes,
  canonicalPackText,
  formatPublicKey,
  generateSigningKeys,
  parsePrivateKey,
  parsePublicKey,
  signPack,
  verifyPackSignature,
} from '@/rules/signature';
import { validatePack } from '@/rules/validate';

const root = resolve(import.meta.dirname, '../../..');
const examplePack = JSON.parse(readFileSync(resolve(root, 'docs/examples/acme-crm.json'), 'utf8'));

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// RFC 8032, section 7.1, TEST 1: a published key pair, so the key handling is
// checked against numbers this code did not produce.
const rfcSecret = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const rfcPublic = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const rfcPrivateKey = `ed25519-private:${base64(rfcSecret)}`;
const rfcPublicKey = `ed25519:${base64(rfcPublic)}`;

describe('canonical form', () => {
  it('should sort keys by UTF-16 code units, drop whitespace and the top-level signature only', () => {
    const pack = {
      z: 1,
      signature: { value: 'x' },
      a: { signature: 'kept below the top', '10': true, '2': null, B: 'é' },
      m: [3, 0.1, 1e21, -0, 'line\nbreak', '\u{1F600}', '\uff61'],
      '\u{1F600}': 'an astral key sorts by its first surrogate, U+D83D',
      '\uff61': 'so U+FF61 comes after it, unlike in code point order',
    };

    expect(canonicalPackText(pack)).toBe(
      '{"a":{"10":true,"2":null,"B":"é","signature":"kept below the top"},' +
        '"m":[3,0.1,1e+21,0,"line\\nbreak","\u{1F600}","\uff61"],"z":1,' +
        '"\u{1F600}":"an astral key sorts by its first surrogate, U+D83D",' +
        '"\uff61":"so U+FF61 comes after it, unlike in code point order"}',
    );
  });

  it('should encode the canonical text as UTF-8', () => {
    expect([...canonicalPackBytes({ k: 'é' })]).toEqual([...Buffer.from('{"k":"é"}', 'utf8')]);
  });

  it('should refuse values that JSON cannot carry', () => {
    expect(() => canonicalPackText({ n: Number.NaN })).toThrow('not a JSON number');
    expect(() => canonicalPackText({ f: () => 1 })).toThrow('not a JSON value');
  });
});

describe('keys', () => {
  it('should make key pairs in text form that parse back, a new pair each time', async () => {
    const first = await generateSigningKeys();
    const second = await generateSigningKeys();

    expect(first.privateKey).toMatch(/^ed25519-private:[A-Za-z0-9+/]{43}=$/);
    expect(first.publicKey).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
    expect(parsePrivateKey(first.privateKey)).toHaveLength(32);
    expect(parsePublicKey(first.publicKey)).toHaveLength(32);
    expect(second.publicKey).not.toBe(first.publicKey);
  });

  it('should derive the RFC 8032 public key from its secret key', async () => {
    const signed = await signPack({ id: 'x' }, rfcPrivateKey);

    expect(signed.signature).toMatchObject({ algorithm: 'Ed25519', key: rfcPublicKey });
  });

  it.each([
    ['with the prefix', rfcPublicKey, true],
    ['bare base64', base64(rfcPublic), true],
    ['with spaces and a line break around it', `  ${rfcPublicKey}\n`, true],
    ['31 bytes', `ed25519:${base64(rfcPublic.slice(1))}`, false],
    ['33 bytes', `ed25519:${base64(new Uint8Array([...rfcPublic, 1]))}`, false],
    ['not base64', 'ed25519:not-base64-at-all!', false],
    ['empty', '', false],
    ['the private key', rfcPrivateKey, false],
    [
      'a small-order point (the identity)',
      `ed25519:${base64(new Uint8Array([1, ...new Array(31).fill(0)]))}`,
      false,
    ],
    [
      'no point of the curve (y above the field prime)',
      `ed25519:${base64(new Uint8Array([...new Array(31).fill(0xff), 0x7f]))}`,
      false,
    ],
  ])('should read a public key %s: %#', (_name, text, ok) => {
    expect(parsePublicKey(text) !== null).toBe(ok);
  });

  it.each([
    ['a public key', rfcPublicKey],
    ['no prefix', base64(rfcSecret)],
    ['a short seed', `ed25519-private:${base64(rfcSecret.slice(2))}`],
  ])('should refuse as a private key %s', (_name, text) => {
    expect(parsePrivateKey(text)).toBeNull();
  });
});

describe('signPack and verifyPackSignature', () => {
  it('should sign the canonical bytes, so another Ed25519 implementation agrees', async () => {
    const pack = { version: '1.0.0', id: 'acme.x', tools: [] };

    const signed = await signPack(pack, rfcPrivateKey);
    const { value } = signed.signature as { value: string };
    const nodeKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rfcPublic).toString('base64url') },
      format: 'jwk',
    });

    expect(
      nodeVerify(
        null,
        Buffer.from('{"id":"acme.x","tools":[],"version":"1.0.0"}'),
        nodeKey,
        Buffer.from(value, 'base64'),
      ),
    ).toBe(true);
  });

  it('should keep the pack valid and verify it with the signer key', async () => {
    const keys = await generateSigningKeys();

    const signed = await signPack(examplePack, keys.privateKey);

    expect(validatePack(signed).ok).toBe(true);
    expect(await verifyPackSignature(signed, [keys.publicKey])).toEqual({
      ok: true,
      key: keys.publicKey,
    });
  });

  it('should replace an earlier signature when a pack is signed again', async () => {
    const first = await generateSigningKeys();
    const second = await generateSigningKeys();

    const resigned = await signPack(
      await signPack(examplePack, first.privateKey),
      second.privateKey,
    );

    expect(await verifyPackSignature(resigned, [second.publicKey])).toMatchObject({ ok: true });
    expect(await verifyPackSignature(resigned, [first.publicKey])).toMatchObject({ ok: false });
  });

  it('should trust a key written in any accepted form, and skip malformed trusted keys', async () => {
    const signed = await signPack(examplePack, rfcPrivateKey);

    const check = await verifyPackSignature(signed, ['not a key', ` ${base64(rfcPublic)} `]);

    expect(check).toEqual({ ok: true, key: rfcPublicKey });
  });

  it('should refuse to sign with a malformed private key', async () => {
    await expect(signPack(examplePack, rfcPublicKey)).rejects.toThrow('not an Ed25519 private key');
  });

  describe('reasons for refusing', () => {
    const signedPack = () => signPack(examplePack, rfcPrivateKey);

    it.each([
      ['an array', [], 'not a pack: expected a JSON object, found []'],
      ['null', null, 'not a pack: expected a JSON object, found null'],
      ['text', 'pack', 'not a pack: expected a JSON object, found "pack"'],
      ['an unsigned pack', examplePack, 'not signed: the pack has no "signature" field'],
    ])('should refuse %s', async (_name, pack, reason) => {
      expect(await verifyPackSignature(pack, [rfcPublicKey])).toEqual({ ok: false, reason });
    });

    it('should name the signer when its key is not trusted', async () => {
      const other = await generateSigningKeys();

      const check = await verifyPackSignature(await signedPack(), [other.publicKey]);

      expect(check).toEqual({
        ok: false,
        reason: `signed by ${rfcPublicKey}, which is not a trusted key`,
      });
    });

    it('should say so when no key is trusted at all', async () => {
      const check = await verifyPackSignature(await signedPack(), []);

      expect(check).toMatchObject({ reason: expect.stringMatching(/\(no key is trusted\)$/) });
    });

    it('should say the pack was changed after it was signed', async () => {
      const signed = await signedPack();
      const altered = { ...signed, name: 'Acme CRM essentials (edited)' };

      expect(await verifyPackSignature(altered, [rfcPublicKey])).toEqual({
        ok: false,
        reason: `signature does not match: the pack was changed after ${rfcPublicKey} signed it`,
      });
    });

    it('should say the pack was changed when the key in the signature was swapped', async () => {
      const signed = await signedPack();
      const other = await generateSigningKeys();
      const swapped = {
        ...signed,
        signature: { ...(signed.signature as object), key: other.publicKey },
      };

      const check = await verifyPackSignature(swapped, [other.publicKey]);

      expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    });

    it.each([
      ['not an object', 'abc', /^malformed signature: expected \{ "algorithm"/],
      [
        'another algorithm',
        { algorithm: 'RSA', key: rfcPublicKey, value: 'x' },
        /expected "algorithm": "Ed25519", found "RSA"$/,
      ],
      [
        'a malformed key',
        { algorithm: 'Ed25519', key: 'ed25519:AAAA', value: 'x' },
        /"key" is not an Ed25519 public key, found "ed25519:AAAA"$/,
      ],
      [
        'a missing key',
        { algorithm: 'Ed25519', value: 'x' },
        /"key" is not an Ed25519 public key, found nothing$/,
      ],
      [
        'a short value',
        { algorithm: 'Ed25519', key: rfcPublicKey, value: 'AAAA' },
        /"value" is not the base64 of a 64-byte Ed25519 signature$/,
      ],
      [
        'a value that is not base64',
        { algorithm: 'Ed25519', key: rfcPublicKey, value: '!'.repeat(88) },
        /"value" is not the base64/,
      ],
    ])('should call a signature with %s malformed', async (_name, signature, reason) => {
      const check = await verifyPackSignature({ ...examplePack, signature }, [rfcPublicKey]);

      expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
    });

    it('should refuse a value nested deeper than packs may be, without overflowing', async () => {
      let deep: unknown = 'bottom';
      for (let level = 0; level < 50_000; level++) deep = [deep];
      const signed = await signedPack();

      const check = await verifyPackSignature({ ...signed, lookups: deep }, [rfcPublicKey]);

      expect(check).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^not a pack: .* nests deeper than 40 levels$/),
      });
    });
  });
});

describe('signatures survive formatting and catch every change (property)', () => {
  const keys = generateSigningKeys();

  const packs = fc.oneof(
    fc.constant(examplePack as Record<string, unknown>),
    fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }),
  );

  it('should verify after re-indenting and reordering keys at every level', async () => {
    const { privateKey, publicKey } = await keys;

    await fc.assert(
      fc.asyncProperty(packs, fc.nat(), fc.nat({ max: 4 }), async (pack, seed, indent) => {
        const signed = await signPack(pack, privateKey);

        const reformatted = JSON.parse(JSON.stringify(reorder(signed, seed), null, indent));

        expect(await verifyPackSignature(reformatted, [publicKey])).toEqual({
          ok: true,
          key: publicKey,
        });
      }),
      { numRuns: 60 },
    );
  });

  it('should fail after any change to a value, a removed key or an added key', async () => {
    const { privateKey, publicKey } = await keys;

    await fc.assert(
      fc.asyncProperty(
        packs,
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('replace', 'remove', 'add'),
        async (pack, pick, replacement, change) => {
          const altered = structuredClone(await signPack(pack, privateKey));
          const places = placesIn(altered);
          fc.pre(places.length > 0);

          const before = asJson(altered);
          applyChange(places[pick % places.length]!, change, replacement);
          fc.pre(!isDeepStrictEqual(asJson(altered), before));

          const check = await verifyPackSignature(altered, [publicKey]);

          expect(check).toMatchObject({
            ok: false,
            reason: expect.stringContaining('does not match'),
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});

/** The value as JSON reads it back (-0 becomes 0), to tell a real change from none. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

type Place = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every member and item of the pack, the top-level signature and its insides left out. */
function placesIn(value: unknown, top = true): Place[] {
  if (typeof value !== 'object' || value === null) return [];

  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value).filter(([key]) => !(top && key === 'signature'));
  return entries.flatMap(([key, child]) => [
    { parent: value as Place['parent'], key },
    ...placesIn(child, false),
  ]);
}

function applyChange({ parent, key }: Place, change: string, replacement: unknown): void {
  if (Array.isArray(parent)) {
    const index = key as number;
    if (change === 'replace') parent[index] = replacement;
    else if (change === 'remove') parent.splice(index, 1);
    else parent.splice(index, 0, replacement);
    return;
  }
  if (change === 'replace') parent[key as string] = replacement;
  else if (change === 'remove') delete parent[key as string];
  else parent[`${String(key)}-added`] = replacement;
}

/** The same JSON value with every object's keys in a seeded shuffled order. */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, seed));
  if (typeof value !== 'object' || value === null) return value;

  const keys = Object.keys(value);
  let state = seed + keys.length;
  for (let index = keys.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [keys[index], keys[other]] = [keys[other]!, keys[index]!];
  }
  return Object.fromEntries(
    keys.map((key) => [key, reorder((value as Record<string, unknown>)[key], seed)]),
  );
}
