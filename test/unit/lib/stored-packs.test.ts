import { describe, expect, it } from 'vitest';

import type { InstalledPack } from '@/lib/db';
import { NO_POLICY, type EffectivePolicy } from '@/lib/policy';
import { selectInstalledPacks, type SelectionInput } from '@/lib/stored-packs';

import { packOf, signed, signer } from './pack-kit';

function row(
  id: string,
  origin: InstalledPack['origin'],
  source: string,
  installedAt: string,
  pack: Record<string, unknown> = packOf(id),
): InstalledPack {
  return {
    id,
    name: id,
    version: '1.0.0',
    source,
    origin,
    pack,
    installedAt,
    updatedAt: installedAt,
  };
}

const policyA = row(
  'acme.a',
  'policy',
  'https://packs.acme.example/a.json',
  '2026-12-03T00:00:00Z',
);
const policyB = row(
  'acme.b',
  'policy',
  'https://packs.acme.example/b.json',
  '2026-12-01T00:00:00Z',
);
const older = row('mine.old', 'file', 'old.json', '2026-11-01T00:00:00Z');
const newer = row('mine.new', 'learner', 'https://me.example/p.json', '2026-11-20T00:00:00Z');

function input(
  parts: Partial<Omit<SelectionInput, 'policy'>> & { policy?: Partial<EffectivePolicy> } = {},
): SelectionInput {
  const { policy, ...rest } = parts;
  return {
    rows: [newer, policyA, older, policyB],
    learnerKeys: [],
    disabled: [],
    checked: {},
    ...rest,
    policy: { ...NO_POLICY, packUrls: [policyB.source, policyA.source], ...policy },
  };
}

describe('the installed packs in use', () => {
  it("should put policy packs first, in the policy's order, then the learner's, oldest first", async () => {
    const { packs } = await selectInstalledPacks(input());

    expect(packs.map((pack) => pack.id)).toEqual(['acme.b', 'acme.a', 'mine.old', 'mine.new']);
  });

  it('should leave out what the learner turned off, unless the policy locks it', async () => {
    const selection = await selectInstalledPacks(
      input({
        disabled: ['mine.old', 'acme.a', 'mine.new'],
        policy: { lockedPacks: ['mine.new'] },
      }),
    );

    expect(selection.packs.map((pack) => pack.id)).toEqual(['acme.b', 'acme.a', 'mine.new']);
    expect(selection.uses.get('mine.old')).toEqual({ state: 'off' });
  });

  it("should leave out the learner's packs while the policy does not allow them", async () => {
    const selection = await selectInstalledPacks(input({ policy: { allowLearnerPacks: false } }));

    expect(selection.packs.map((pack) => pack.id)).toEqual(['acme.b', 'acme.a']);
    expect(selection.uses.get('mine.new')).toEqual({ state: 'not-allowed' });
  });

  it('should refuse stored copies without a trusted signature once signatures are required', async () => {
    const signedRow = row(
      'acme.a',
      'policy',
      policyA.source,
      policyA.installedAt,
      await signed(packOf('acme.a')),
    );
    const selection = await selectInstalledPacks(
      input({
        rows: [signedRow, policyB],
        policy: { requireSignatures: true, trustedKeys: [signer.publicKey] },
      }),
    );

    expect(selection.packs.map((pack) => pack.id)).toEqual(['acme.a']);
    expect(selection.uses.get('acme.a')).toEqual({ state: 'used', signedBy: signer.publicKey });
    expect(selection.uses.get('acme.b')).toEqual({
      state: 'refused',
      reason: 'not signed: the pack has no "signature" field',
    });
  });

  it('should count the keys the learner added only while signatures are not required', async () => {
    const signedRow = row(
      'mine.new',
      'learner',
      newer.source,
      newer.installedAt,
      await signed(packOf('mine.new')),
    );
    const open = await selectInstalledPacks(
      input({ rows: [signedRow], learnerKeys: [signer.publicKey] }),
    );
    const strict = await selectInstalledPacks(
      input({
        rows: [signedRow],
        learnerKeys: [signer.publicKey],
        policy: { requireSignatures: true },
      }),
    );

    expect(open.uses.get('mine.new')).toEqual({ state: 'used', signedBy: signer.publicKey });
    expect(strict.uses.get('mine.new')).toEqual({
      state: 'refused',
      reason: `signed by ${signer.publicKey}, which is not a trusted key (no key is trusted)`,
    });
  });

  it('should refuse a stored copy whose id is not the one it is stored under', async () => {
    const forged = row(
      'mine.new',
      'learner',
      newer.source,
      newer.installedAt,
      packOf('salesforce'),
    );
    const selection = await selectInstalledPacks(input({ rows: [forged] }));

    expect(selection.packs).toEqual([]);
    expect(selection.uses.get('mine.new')).toEqual({
      state: 'refused',
      reason: 'the stored copy is of the pack "salesforce"',
    });
  });
});

describe('copies that did not pass the full check here', () => {
  // A backtracking pattern passes the shape check but not the full validation.
  const risky = packOf('mine.old');
  risky.tools[0]!.contexts[0]!.when = { title: { matches: '^(a+)+$' } } as never;
  const restored = row('mine.old', 'file', 'old.json', older.installedAt, risky);

  it('should be checked in full before first use, such as one restored from a backup', async () => {
    const selection = await selectInstalledPacks(input({ rows: [restored] }));

    expect(selection.uses.get('mine.old')).toMatchObject({ state: 'refused' });
    expect(selection.checked).toEqual({});
  });

  it('should be remembered once checked, by a digest of the exact copy', async () => {
    const first = await selectInstalledPacks(input({ rows: [older] }));
    const digest = first.checked['mine.old'];

    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    // The same digest for another copy does not let it skip the full check.
    const again = await selectInstalledPacks(
      input({ rows: [restored], checked: { 'mine.old': digest! } }),
    );
    expect(again.uses.get('mine.old')).toMatchObject({ state: 'refused' });
  });
});
