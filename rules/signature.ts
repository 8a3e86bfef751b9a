/**
 * Pack signatures: Ed25519 (RFC 8032) over the pack's canonical form. Pure
 * TypeScript on WebCrypto's SHA-512, so the CLI (Node 20), Chrome and Firefox
 * check a signature the same way.
 *
 * A signed pack carries `"signature": { "algorithm": "Ed25519", "key": "ed25519:…",
 * "value": "…" }`: the signer's public key and the 64-byte signature, both base64.
 */
import { getPublicKeyAsync, Point, signAsync, utils, verifyAsync } from '@noble/ed25519';

import { canonicalPackBytes } from './canonical-form';
import { depthProblem, MAX_DEPTH } from './limits';

export { canonicalPackBytes, canonicalPackText } from './canonical-form';

/** Text prefixes of the key forms admins paste and store. */
export const PUBLIC_KEY_PREFIX = 'ed25519:';
export const PRIVATE_KEY_PREFIX = 'ed25519-private:';

export const SIGNATURE_ALGORITHM = 'Ed25519';

export interface PackSignature {
  algorithm: typeof SIGNATURE_ALGORITHM;
  key: string;
  value: string;
}

export type SignatureCheck = { ok: true; key: string } | { ok: false; reason: string };

// RFC 8032 strict verification (not ZIP-215): one valid signature per message and
// key, and small-order keys refused, as libsodium does.
const strict = { zip215: false };

/** A new key pair in text form: `ed25519-private:<base64>` and `ed25519:<base64>`. */
export async function generateSigningKeys(): Promise<{ privateKey: string; publicKey: string }> {
  const secret = utils.randomSecretKey();
  const publicKey = await getPublicKeyAsync(secret);
  return {
    privateKey: PRIVATE_KEY_PREFIX + toBase64(secret),
    publicKey: formatPublicKey(publicKey),
  };
}

/** The pack with a `signature` field by the given private key; any earlier signature replaced. */
export async function signPack(
  pack: Record<string, unknown>,
  privateKey: string,
): Promise<Record<string, unknown>> {
  const secret = parsePrivateKey(privateKey);
  if (!secret)
    throw new Error(`not an Ed25519 private key: expected ${PRIVATE_KEY_PREFIX}<base64>`);

  const value = await signAsync(canonicalPackBytes(pack), secret);
  const signature: PackSignature = {
    algorithm: SIGNATURE_ALGORITHM,
    key: formatPublicKey(await getPublicKeyAsync(secret)),
    value: toBase64(value),
  };
  const { signature: _old, ...rest } = pack;
  return { ...rest, signature };
}

/**
 * Checks that a pack is intact and signed by one of the trusted keys. Never throws:
 * the reason says what is wrong (unsigned, altered, untrusted key, malformed).
 */
export async function verifyPackSignature(
  pack: unknown,
  trustedKeys: readonly string[],
): Promise<SignatureCheck> {
  if (typeof pack !== 'object' || pack === null || Array.isArray(pack)) {
    return refuse(`not a pack: expected a JSON object, found ${describe(pack)}`);
  }
  if (!('signature' in pack)) return refuse('not signed: the pack has no "signature" field');

  const signature = readSignature(pack.signature);
  if ('reason' in signature) return signature;

  const message = messageOf(pack);
  if (typeof message === 'string') return refuse(message);

  const signer = formatPublicKey(signature.key);
  if (!(await verifyAsync(signature.value, message, signature.key, strict))) {
    return refuse(`signature does not match: the pack was changed after ${signer} signed it`);
  }
  if (!trustedKeys.some((key) => sameKey(parsePublicKey(key), signature.key))) {
    const none = trustedKeys.length === 0 ? ' (no key is trusted)' : '';
    return refuse(`signed by ${signer}, which is not a trusted key${none}`);
  }
  return { ok: true, key: signer };
}

/** The 32 bytes of a public key (`ed25519:<base64>` or bare base64); null when malformed. */
export function parsePublicKey(text: string): Uint8Array | null {
  const trimmed = text.trim();
  const body = trimmed.startsWith(PUBLIC_KEY_PREFIX)
    ? trimmed.slice(PUBLIC_KEY_PREFIX.length)
    : trimmed;
  const bytes = fromBase64(body);
  if (bytes?.length !== 32) return null;

  try {
    return Point.fromBytes(bytes, false).isSmallOrder() ? null : bytes;
  } catch {
    // Not the encoding of a point on the curve: no signature could ever match it.
    return null;
  }
}

/** The 32-byte seed of a private key (`ed25519-private:<base64>`); null when malformed. */
export function parsePrivateKey(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PRIVATE_KEY_PREFIX)) return null;

  const bytes = fromBase64(trimmed.slice(PRIVATE_KEY_PREFIX.length));
  return bytes?.length === 32 ? bytes : null;
}

/** The text form of a public key: `ed25519:` and the base64 of its 32 bytes. */
export function formatPublicKey(bytes: Uint8Array): string {
  return PUBLIC_KEY_PREFIX + toBase64(bytes);
}

function readSignature(
  value: unknown,
): { key: Uint8Array; value: Uint8Array } | { ok: false; reason: string } {
  const shape = '{ "algorithm": "Ed25519", "key": "ed25519:…", "value": "…" }';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(`malformed signature: expected ${shape}, found ${describe(value)}`);
  }

  const { algorithm, key, value: signature } = value as Record<string, unknown>;
  if (algorithm !== SIGNATURE_ALGORITHM) {
    return refuse(
      `malformed signature: expected "algorithm": "Ed25519", found ${describe(algorithm)}`,
    );
  }
  const keyBytes = typeof key === 'string' ? parsePublicKey(key) : null;
  if (!keyBytes) {
    return refuse(
      `malformed signature: "key" is not an Ed25519 public key, found ${describe(key)}`,
    );
  }
  const signatureBytes = typeof signature === 'string' ? fromBase64(signature) : null;
  if (signatureBytes?.length !== 64) {
    return refuse('malformed signature: "value" is not the base64 of a 64-byte Ed25519 signature');
  }
  return { key: keyBytes, value: signatureBytes };
}

/** The bytes the signature covers, or why they cannot be formed. */
function messageOf(pack: object): Uint8Array | string {
  const tooDeep = depthProblem(pack);
  if (tooDeep) return `not a pack: ${tooDeep.path} nests deeper than ${MAX_DEPTH} levels`;

  try {
    return canonicalPackBytes(pack);
  } catch (error) {
    return `not a pack: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function sameKey(a: Uint8Array | null, b: Uint8Array): boolean {
  return a !== null && a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
}

// btoa and atob exist in Node 20, extension pages and service workers alike;
// Uint8Array.toBase64 does not exist in Node 20 yet.
function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length === 0) return null;
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    // atob refuses a length that no base64 text can have.
    return null;
  }
}
