/**
 * Fetches a pack from its address: HTTPS only (plain HTTP only on this machine), a
 * conditional request when a copy is already held, and a refusal for web pages and
 * for anything larger than a pack may be, counted while reading. No cookies are sent.
 */
import { utf8Text } from '@/lib/utf8';
import { MAX_PACK_BYTES } from '@/rules/limits';

/** What a held copy was served with, for a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type PackResponse =
  { status: 'unchanged' } | ({ status: 'fetched'; text: string } & Validators);

/** Why a fetch gave no pack, in words for the options page. */
export class PackFetchError extends Error {
  override name = 'PackFetchError';
}

const TIMEOUT_MS = 30_000;
/** This computer: where a pack author tests a pack over plain http before publishing it. */
export function isThisComputer(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The address as a URL when packs may be fetched from it; otherwise why not. */
export function checkPackUrl(address: string): URL | string {
  const url = URL.parse(address.trim());
  if (!url) return `not an address: "${address.slice(0, 200)}"`;
  if (url.username || url.password) return 'an address with a user name or password in it';
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isThisComputer(url.hostname)) return url;
  if (url.protocol === 'http:') return 'a plain http:// address: packs are fetched over https://';
  return `a ${url.protocol} address: packs are fetched over https://`;
}

/** Fetches the pack at `address`; throws `PackFetchError` saying what went wrong. */
export async function fetchPack(
  address: string,
  held: Validators = {},
  fetcher: typeof fetch = fetch,
): Promise<PackResponse> {
  const url = checkPackUrl(address);
  if (typeof url === 'string') throw new PackFetchError(url);

  const response = await request(url, held, fetcher).catch((error: unknown) => {
    // A host that allows cross-origin reads but not these request headers fails the
    // preflight of a conditional request: ask again for the whole file.
    if (!held.etag && !held.lastModified) throw error;
    return request(url, {}, fetcher);
  });
  if (response.status === 304) return { status: 'unchanged' };

  checkResponse(response);
  const text = await readText(response);
  return {
    status: 'fetched',
    text,
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  };
}

async function request(url: URL, held: Validators, fetcher: typeof fetch): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  if (held.etag) headers.set('if-none-match', held.etag);
  if (held.lastModified) headers.set('if-modified-since', held.lastModified);

  try {
    return await fetcher(url, {
      headers,
      credentials: 'omit',
      // The held copy's validators make the request conditional; the browser's own
      // cache must not answer in the server's place.
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new PackFetchError(unreachable(error));
  }
}

function unreachable(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  }
  // Browsers give one TypeError for every network failure, by design.
  return 'the address could not be reached (offline, a name or certificate problem, or a server that does not allow cross-origin requests)';
}

function checkResponse(response: Response): void {
  if (!response.ok) {
    throw new PackFetchError(
      `the server answered ${response.status} ${response.statusText}`.trim(),
    );
  }

  // After redirects, the address the answer came from must be one packs may come from.
  const final = response.url ? checkPackUrl(response.url) : null;
  if (typeof final === 'string') throw new PackFetchError(`redirected to ${final}`);

  const type = response.headers.get('content-type') ?? '';
  if (/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
    throw new PackFetchError(`the address answered with a web page (${type}), not a pack`);
  }

  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_PACK_BYTES) throw new PackFetchError(tooLarge(length));
}

/** The body as text, refusing it as soon as it passes the size limit. */
async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';

  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > MAX_PACK_BYTES) {
      await reader.cancel();
      throw new PackFetchError(tooLarge(size, 'more than'));
    }
    chunks.push(part.value);
  }
  return decode(chunks, size);
}

function decode(chunks: Uint8Array[], size: number): string {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  const text = utf8Text(bytes);
  if (text === undefined) throw new PackFetchError('the answer is not UTF-8 text');
  if (/^\s*</.test(text)) throw new PackFetchError('the address answered with markup, not a pack');
  return text;
}

function tooLarge(bytes: number, qualifier = ''): string {
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `the answer is ${qualifier ? `${qualifier} ` : ''}${size}; a pack is at most ${MAX_PACK_BYTES / 1024 / 1024} MB`;
}
