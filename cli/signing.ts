/** The CLI's signing commands: keygen, sign and verify (see docs/admin-guide.md). */
import { readFile, rm, writeFile } from 'node:fs/promises';

import { parsePackText } from '@/rules/limits';
import {
  generateSigningKeys,
  parsePrivateKey,
  parsePublicKey,
  PRIVATE_KEY_PREFIX,
  PUBLIC_KEY_PREFIX,
  signPack,
  verifyPackSignature,
} from '@/rules/signature';

import { problemsOf } from './read-packs';
import { FileTooLargeError, NotUtf8Error, readUtf8 } from './read-text';

/** A mistake in what the admin handed in: printed on stderr, exit 1. */
export class InputError extends Error {}

/** Writes a new private key to `file` (mode 0600), and returns the public key. */
export async function writeSigningKeys(file: string, force: boolean): Promise<string> {
  const { privateKey, publicKey } = await generateSigningKeys();

  // Removed and created anew rather than overwritten, so the file never keeps an
  // older, wider mode while holding the new key.
  if (force) await rm(file, { force: true });
  try {
    await writeFile(file, `${privateKey}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new InputError(
      `${file} already exists: keep that key, or pass --force to replace it (packs signed with it then need signing again)`,
    );
  }
  return publicKey;
}

/** Signs a valid pack file; throws InputError with the pack's problems otherwise. */
export async function signPackFile(
  keyFile: string,
  packFile: string,
): Promise<{ signed: Record<string, unknown>; key: string }> {
  const privateKey = await readPrivateKey(keyFile);
  const { value, lines } = await problemsOf(packFile);
  if (lines.length > 0)
    throw new InputError(`nothing signed: the pack has problems\n${lines.join('\n')}`);

  const signed = await signPack(value as Record<string, unknown>, privateKey);
  return { signed, key: (signed.signature as { key: string }).key };
}

/** Checks a pack file's signature against the trusted keys; the reason when it fails. */
export async function verifyPackFile(packFile: string, trusted: readonly string[]) {
  let text: string;
  try {
    text = await readUtf8(packFile);
  } catch (error) {
    if (error instanceof NotUtf8Error || error instanceof FileTooLargeError) {
      return { ok: false as const, reason: error.message };
    }
    return { ok: false as const, reason: `cannot read the pack: ${messageOf(error)}` };
  }

  const parsed = parsePackText(text);
  if ('problem' in parsed) {
    const { expected, found } = parsed.problem;
    const reason =
      expected === 'valid JSON'
        ? `not valid JSON: ${found}`
        : `not a pack: expected ${expected}, found ${found}`;
    return { ok: false as const, reason };
  }
  return verifyPackSignature(parsed.value, trusted);
}

/**
 * The public keys an argument of `--trusted-key` names: the key itself, or a file
 * holding keys, one per line (other lines, such as keygen's own words, are skipped).
 */
export async function trustedKeysOf(argument: string): Promise<string[]> {
  if (parsePublicKey(argument)) return [argument];

  let text: string;
  try {
    text = await readFile(argument, 'utf8');
  } catch {
    throw new InputError(
      `malformed trusted key "${argument}": expected ${PUBLIC_KEY_PREFIX} and 44 base64 characters, or a file that holds one`,
    );
  }

  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => line.startsWith(PRIVATE_KEY_PREFIX))) {
    throw new InputError(
      `${argument} holds a private key: pass the public key (the last line keygen printed)`,
    );
  }
  const candidates = lines.filter((line) => line.startsWith(PUBLIC_KEY_PREFIX));
  const malformed = candidates.find((line) => !parsePublicKey(line));
  if (malformed) throw new InputError(`${argument}: malformed trusted key "${malformed}"`);
  if (candidates.length === 0)
    throw new InputError(`${argument} holds no public key (${PUBLIC_KEY_PREFIX}…)`);
  return candidates;
}

async function readPrivateKey(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the private key: ${messageOf(error)}`);
  }
  if (parsePrivateKey(text)) return text;

  const hint = parsePublicKey(text)
    ? ': it holds a public key; sign needs the file keygen wrote'
    : '';
  throw new InputError(`${file} is not a private key (${PRIVATE_KEY_PREFIX}…)${hint}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
