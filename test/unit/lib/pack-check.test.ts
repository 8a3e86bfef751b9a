import { describe, expect, it } from 'vitest';

import { checkPackText, type Trust } from '@/lib/pack-check';
import { generateSigningKeys } from '@/rules/signature';

import { packOf, signed, signer } from './pack-kit';

const open: Trust = { keys: [], requireSignatures: false };
const trusting: Trust = { keys: [signer.publicKey], requireSignatures: false };
const strict: Trust = { keys: [signer.publicKey], requireSignatures: true };

const text = (value: unknown) => JSON.stringify(value);

/** A signed pack changed after signing: a lesson title edited. */
async function altered(): Promise<Record<string, unknown>> {
  const pack = await signed(packOf('acme.sales'));
  const modules = pack.modules as { title: string }[];
  modules[0]!.title = 'Something the signer never wrote';
  return pack;
}

describe('a pack from outside, where signatures are not required', () => {
  it('should pass unsigned', async () => {
    const result = await checkPackText(text(packOf('acme.sales')), open);

    expect(result).toMatchObject({ ok: true, pack: { id: 'acme.sales' } });
    expect(result.ok && result.signedBy).toBeUndefined();
  });

  it('should name the trusted key that signed it', async () => {
    const result = await checkPackText(text(await signed(packOf('acme.sales'))), trusting);

    expect(result).toMatchObject({ ok: true, signedBy: signer.publicKey });
  });

  it('should pass one signed by a key nobody trusts', async () => {
    const result = await checkPackText(text(await signed(packOf('acme.sales'))), open);

    expect(result).toMatchObject({ ok: true });
  });

  it('should still refuse one changed after it was signed', async () => {
    const result = await checkPackText(text(await altered()), open);

    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('signature does not match: the pack was changed after'),
    });
  });
});

describe('a pack from outside, where signatures are required', () => {
  it('should pass when a trusted key signed it', async () => {
    const result = await checkPackText(text(await signed(packOf('acme.sales'))), strict);

    expect(result).toMatchObject({ ok: true, signedBy: signer.publicKey });
  });

  it('should refuse it unsigned, saying so', async () => {
    const result = await checkPackText(text(packOf('acme.sales')), strict);

    expect(result).toEqual({ ok: false, error: 'not signed: the pack has no "signature" field' });
  });

  it('should refuse it altered, saying so', async () => {
    const result = await checkPackText(text(await altered()), strict);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('signature does not match');
  });

  it('should refuse one signed by a key that is not trusted', async () => {
    const other = await generateSigningKeys();
    const result = await checkPackText(text(await signed(packOf('acme.sales'))), {
      keys: [other.publicKey],
      requireSignatures: true,
    });

    expect(!result.ok && result.error).toBe(
      `signed by ${signer.publicKey}, which is not a trusted key`,
    );
  });
});

describe('what the pack itself must be', () => {
  it('should refuse text that is not JSON', async () => {
    const result = await checkPackText('{"format": 1,', open);

    expect(!result.ok && result.error).toMatch(/^\$: expected valid JSON, found /);
  });

  it('should refuse a pack that fails validation, one line per problem', async () => {
    const pack = packOf('acme.sales', 'one');
    const result = await checkPackText(text({ ...pack, tools: 'none' }), open);

    expect(!result.ok && result.error.split('\n')).toEqual([
      '$.version: expected a version such as "1.0.0", found "one"',
      '$.tools: expected array, found "none"',
    ]);
  });

  it('should refuse a pattern that could backtrack without end', async () => {
    const pack = packOf('acme.sales');
    pack.tools[0]!.contexts[0]!.when = { title: { matches: '^(a+)+$' } } as never;
    const result = await checkPackText(text(pack), open);

    expect(!result.ok && result.error).toContain('$.tools[0].contexts[0].when.title');
  });
});
