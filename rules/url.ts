/**
 * Page addresses, read the way browsers read them (the WHATWG URL standard): the host
 * lower-cased and in punycode, the default port dropped, userinfo kept apart from the
 * host. On top of that, two things the standard leaves alone are undone here, because
 * they hide the real tool's host: a trailing dot, and a security proxy's suffix.
 */

/** The longest address the engine reads; longer ones are not matched at all. */
export const MAX_URL_LENGTH = 4096;

/**
 * Suffixes that security proxies append to the real host.
 * `.mcas.ms`: Microsoft Defender for Cloud Apps (session proxy).
 */
export const PROXY_SUFFIXES = ['.mcas.ms'];

export interface PageUrl {
  href: string;
  host: string;
  pathname: string;
  /** Without the leading `?`. */
  search: string;
  /** Without the leading `#`; Gmail and others route here. */
  hash: string;
  params: URLSearchParams;
}

/** `null` for anything that is not an http(s) address of at most MAX_URL_LENGTH. */
export function parsePageUrl(raw: string): PageUrl | null {
  if (raw.length > MAX_URL_LENGTH) return null;

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;

  return {
    href: url.href,
    host: realHost(url.hostname),
    pathname: url.pathname,
    search: url.search.slice(1),
    hash: url.hash.slice(1),
    params: url.searchParams,
  };
}

function realHost(hostname: string): string {
  let host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  for (const suffix of PROXY_SUFFIXES) {
    if (host.endsWith(suffix)) host = host.slice(0, -suffix.length);
  }
  return host;
}
