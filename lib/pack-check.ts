/**
 * The check every pack from outside passes before it is installed or replaces a
 * copy: its size and JSON, its signature, then the full pack validation (the
 * backtracking check included). All of it, or nothing is changed.
 *
 * Signatures: where the policy requires them, only a pack signed by a trusted key
 * passes. Where it does not, an unsigned pack passes, and so does one signed by a
 * key nobody trusts; a pack whose signature does not match its content never does.
 */
import { parsePackText } from '@/rules/limits';
import { formatProblem, type Problem } from '@/rules/problem';
import type { Pack } from '@/rules/schema';
import { verifyPackSignature } from '@/rules/signature';
import { validatePack, type Validation } from '@/rules/validate';

/** The keys whose signatures count, and whether a pack must carry one. */
export interface Trust {
  keys: readonly string[];
  requireSignatures: boolean;
}

/**
 * The trust in effect: the policy's keys, and the learner's too unless the policy
 * requires signatures (then only the organization's keys count).
 */
export function trustOf(
  policy: { trustedKeys: readonly string[]; requireSignatures: boolean },
  learnerKeys: readonly string[],
): Trust {
  const keys = policy.requireSignatures
    ? policy.trustedKeys
    : [...policy.trustedKeys, ...learnerKeys];
  return { keys, requireSignatures: policy.requireSignatures };
}

export type PackCheck =
  | { ok: true; pack: Pack; raw: Record<string, unknown>; signedBy?: string }
  | { ok: false; error: string };

/** Checks a pack file's or answer's text. */
export async function checkPackText(text: string, trust: Trust): Promise<PackCheck> {
  const parsed = parsePackText(text);
  if ('problem' in parsed) return refuse(formatProblem(parsed.problem));

  return checkPackValue(parsed.value, trust);
}

/**
 * Checks a parsed pack. `validate` is the full validation unless the caller knows
 * this exact copy passed it before (see lib/stored-packs.ts).
 */
export async function checkPackValue(
  value: unknown,
  trust: Trust,
  validate: (value: unknown) => Validation = validatePack,
): Promise<PackCheck> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('not a pack: expected a JSON object');
  }

  const raw = value as Record<string, unknown>;
  const signature = await checkSignature(raw, trust);
  if ('error' in signature) return refuse(signature.error);

  const result = validate(raw);
  if (!result.ok) return refuse(problemsText(result.problems));
  return { ok: true, pack: result.pack, raw, signedBy: signature.signedBy };
}

/** Whether the pack's signature lets it in; see the module comment. */
export async function checkSignature(
  raw: Record<string, unknown>,
  trust: Trust,
): Promise<{ signedBy?: string } | { error: string }> {
  if (!('signature' in raw) && !trust.requireSignatures) return {};

  const trusted = await verifyPackSignature(raw, trust.keys);
  if (trusted.ok) return { signedBy: trusted.key };
  if (trust.requireSignatures) return { error: trusted.reason };

  // Not required, and not by a trusted key: still refused if it does not match.
  const signer = (raw.signature as { key?: unknown } | null)?.key;
  const intact = await verifyPackSignature(raw, typeof signer === 'string' ? [signer] : []);
  return intact.ok ? {} : { error: intact.reason };
}

const SHOWN_PROBLEMS = 5;

function problemsText(problems: readonly Problem[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map(formatProblem);
  const more = problems.length - shown.length;
  return [...shown, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n');
}

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
