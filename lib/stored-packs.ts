/**
 * Which installed packs are used, in which order, and why the others are not. The
 * order is the precedence of docs/pack-format.md: policy packs in the order the
 * policy lists their addresses, then the learner's packs, oldest first (the bundled
 * packs follow, added by the caller).
 */
import { checkPackShape } from '@/rules/pack-shape';
import type { Pack } from '@/rules/schema';
import { validatePack } from '@/rules/validate';

import type { InstalledPack } from './db';
import { checkPackValue, trustOf, type Trust } from './pack-check';
import type { EffectivePolicy } from './policy';

/** Whether an installed pack is used, and if not, why. */
export type PackUse =
  | { state: 'used'; signedBy?: string }
  | { state: 'off' }
  | { state: 'not-allowed' }
  | { state: 'refused'; reason: string };

export interface PackSelection {
  /** The packs to compile, in precedence order. */
  packs: Pack[];
  /** By pack id. */
  uses: Map<string, PackUse>;
  /** Digests of the copies now known to pass the full validation, by pack id. */
  checked: Record<string, string>;
}

export interface SelectionInput {
  rows: readonly InstalledPack[];
  policy: EffectivePolicy;
  learnerKeys: readonly string[];
  disabled: readonly string[];
  /** Digests of copies checked in full before, by pack id. */
  checked: Readonly<Record<string, string>>;
}

/** Sorts, filters and checks the installed packs; see the module comment. */
export async function selectInstalledPacks(input: SelectionInput): Promise<PackSelection> {
  const { policy } = input;
  const trust = trustOf(policy, input.learnerKeys);
  const selection: PackSelection = { packs: [], uses: new Map(), checked: {} };

  for (const row of inPrecedence(input.rows, policy.packUrls)) {
    const use = await useOf(row, input, trust, selection);
    selection.uses.set(row.id, use);
  }
  return selection;
}

async function useOf(
  row: InstalledPack,
  input: SelectionInput,
  trust: Trust,
  selection: PackSelection,
): Promise<PackUse> {
  if (!row.pack) return { state: 'refused', reason: 'no copy of the pack is stored' };
  if (row.origin !== 'policy' && !input.policy.allowLearnerPacks) return { state: 'not-allowed' };
  if (input.disabled.includes(row.id) && !isLocked(row, input.policy)) return { state: 'off' };

  const digest = await digestOf(row.pack);
  const known = input.checked[row.id] === digest;
  const checked = await checkPackValue(row.pack, trust, known ? checkPackShape : validatePack);
  if (!checked.ok) return { state: 'refused', reason: checked.error };
  if (checked.pack.id !== row.id) {
    return { state: 'refused', reason: `the stored copy is of the pack "${checked.pack.id}"` };
  }

  selection.checked[row.id] = digest;
  selection.packs.push(checked.pack);
  return { state: 'used', signedBy: checked.signedBy };
}

/** Policy packs and the packs the policy names in `lockedPacks` cannot be turned off. */
export function isLocked(
  row: Pick<InstalledPack, 'id' | 'origin'>,
  policy: EffectivePolicy,
): boolean {
  return row.origin === 'policy' || policy.lockedPacks.includes(row.id);
}

function inPrecedence(
  rows: readonly InstalledPack[],
  packUrls: readonly string[],
): InstalledPack[] {
  const rank = (row: InstalledPack): number => {
    if (row.origin !== 'policy') return packUrls.length;
    const index = packUrls.indexOf(row.source);
    return index === -1 ? packUrls.length - 0.5 : index;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.installedAt.localeCompare(b.installedAt));
}

/** SHA-256 of the copy as stored, hex. */
async function digestOf(pack: Record<string, unknown>): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(pack));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
