/**
 * The network audit: every request made in a test browser, recorded with who made
 * it, and the ones the extension made that its policy does not allow. The policy
 * (DESIGN.md, "Local first"): its own chrome-extension:// resources, configured
 * pack URLs, and an admin's record store when one exists; nothing else.
 *
 * Who made a request: the service worker and extension pages are the extension.
 * A page's request to another origin is counted as the content script's, because
 * the demo pages' CSP lets them load only their own origin.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';

export interface RequestRecord {
  url: string;
  /** `service-worker`, `extension-page` or `page`. */
  from: string;
  /** The address of the frame that made it (empty for the service worker). */
  frame: string;
  navigation: boolean;
  /** Stopped inside the browser (by a content security policy) before it was sent. */
  blocked?: boolean;
}

export interface NetworkPolicy {
  extensionId: string;
  /** Hosts whose pages tests open: top-level navigations to them are the test's own. */
  servedHosts: readonly string[];
  /** Configured pack URLs and the record store's address (prefixes); none today. */
  allowedUrls?: readonly string[];
}

/** Starts recording every request of the context; the array fills as they happen. */
export function recordRequests(context: BrowserContext): RequestRecord[] {
  const records: RequestRecord[] = [];
  const byRequest = new Map<Request, RequestRecord>();
  context.on('request', (request) => {
    const record = describe(request);
    byRequest.set(request, record);
    records.push(record);
  });
  context.on('requestfailed', (request) => {
    const record = byRequest.get(request);
    if (record && /BLOCKED_BY_CSP|\bcsp\b/i.test(request.failure()?.errorText ?? '')) {
      record.blocked = true;
    }
  });
  return records;
}

function describe(request: Request): RequestRecord {
  const worker = request.serviceWorker();
  const frame = worker ? '' : frameUrl(request);
  const from = worker ? 'service-worker' : isExtensionUrl(frame) ? 'extension-page' : 'page';
  return { url: request.url(), from, frame, navigation: request.isNavigationRequest() };
}

function frameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    // Requests of a closed page or a worker have no frame to ask.
    return '';
  }
}

const isExtensionUrl = (url: string) => url.startsWith('chrome-extension://');

/** The extension's requests that break the policy, with who made them. */
export function forbiddenRequests(
  records: readonly RequestRecord[],
  policy: NetworkPolicy,
): RequestRecord[] {
  return records.filter((record) => !allowed(record, policy));
}

function allowed(record: RequestRecord, policy: NetworkPolicy): boolean {
  const { url } = record;
  if (url.startsWith(`chrome-extension://${policy.extensionId}/`)) return true;
  if (/^(data|blob|about):/.test(url) || record.blocked) return true;
  if (policy.allowedUrls?.some((prefix) => url.startsWith(prefix))) return true;
  if (record.from !== 'page') return false;

  if (record.navigation) return policy.servedHosts.includes(hostOf(url));
  return originOf(url) !== null && originOf(url) === originOf(record.frame);
}

const hostOf = (url: string) => URL.parse(url)?.hostname ?? '';
const originOf = (url: string) => URL.parse(url)?.origin ?? null;

/** Appends a session's records to test-output/network/requests.jsonl, for people to read. */
export function appendLog(file: string, session: string, records: readonly RequestRecord[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const lines = records.map((record) => JSON.stringify({ session, ...record }));
  if (lines.length > 0) appendFileSync(file, `${lines.join('\n')}\n`);
}

export const NETWORK_LOG = join(import.meta.dirname, '../../test-output/network/requests.jsonl');
