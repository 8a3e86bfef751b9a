// Real-browser harness: a local HTTPS server that answers for the real tool hosts,
// and a system Chromium with the built extension loaded, mapped onto that server.
//
// Used by the browser tests (Vitest, node environment) and by scripts/demo.mjs
// (through tsx). Everything that listens or launches returns a close().

import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';

import {
  appendLog,
  forbiddenRequests,
  NETWORK_LOG,
  recordRequests,
  type RequestRecord,
} from './network-log';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PAGES_DIR = join(PROJECT_ROOT, 'test/fixtures/pages');
export const DEFAULT_CERT_DIR = join(PROJECT_ROOT, 'test-output/cert');
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-output/screenshots');
export const EXTENSION_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');

// Silent unless asked: tests and the demo print their own output.
const debug = (message: string): void => {
  if (process.env.INFLOW_HARNESS_DEBUG) process.stderr.write(`harness: ${message}\n`);
};

// ---------------------------------------------------------------------------
// Demo sites: which host serves which fixture page for which paths.

interface DemoSite {
  host: string;
  dir: string;
  routes: ReadonlyArray<readonly [RegExp, string]>;
}

const SITES: readonly DemoSite[] = [
  {
    host: 'acme.lightning.force.com',
    dir: 'salesforce',
    routes: [[/^\/lightning\//, 'lightning.html']],
  },
  {
    host: 'app.hubspot.com',
    dir: 'hubspot',
    routes: [[/^\/contacts\/\d+\/record\/0-[13]\/\d+\/?$/, 'record.html']],
  },
  {
    host: 'docs.google.com',
    dir: 'google-docs',
    routes: [[/^\/document\/d\/[\w-]{44}\/edit$/, 'editor.html']],
  },
  { host: 'acme.atlassian.net', dir: 'jira', routes: [[/^\/browse\/ENG-4821$/, 'issue.html']] },
  {
    host: 'www.salesforce.com',
    dir: 'salesforce-www',
    routes: [[/^\/products\/sales-cloud\/overview\/?$/, 'sales-cloud.html']],
  },
  {
    host: 'intranet.example.org',
    dir: 'intranet',
    routes: [[/^\/(news\/[\w-]+)?$/, 'article.html']],
  },
  // Pages of the fixture packs (test/fixtures/packs/), for the test-only build.
  {
    host: 'crm.inflow-fixture.example',
    dir: 'fixture-crm',
    routes: [
      [/^\/app\/delayed$/, 'delayed-header.html'],
      [/^\/churn$/, 'churn.html'],
    ],
  },
  {
    host: 'hostile.inflow-fixture.example',
    dir: 'hostile',
    routes: [
      [/^\/records\/[^/]+$/, 'record.html'],
      [/^\/bare$/, 'bare.html'],
      [/^\/huge$/, 'huge.html'],
    ],
  },
  { host: 'large.inflow-fixture.example', dir: 'large', routes: [[/^\/$/, 'index.html']] },
  // The busy page again, on a host no pack covers: no content script runs there, so the
  // churn benchmark compares the two pages in one browser.
  {
    host: 'crm.uncovered-fixture.example',
    dir: 'fixture-crm',
    routes: [[/^\/churn$/, 'churn.html']],
  },
];

export const DEMO_HOSTS: readonly string[] = SITES.map((site) => site.host);

/** Addresses of the demo pages, as the browser (and the extension) sees them. */
export const DEMO_URLS = {
  opportunityList: 'https://acme.lightning.force.com/lightning/o/Opportunity/list',
  opportunity: 'https://acme.lightning.force.com/lightning/r/Opportunity/0068d00001rWkhYAAS/view',
  account: 'https://acme.lightning.force.com/lightning/r/Account/0011X0000IcKoBrQQK/view',
  salesforceHome: 'https://acme.lightning.force.com/lightning/page/home',
  hubspotDeal: 'https://app.hubspot.com/contacts/24681357/record/0-3/18273645012',
  hubspotContact: 'https://app.hubspot.com/contacts/24681357/record/0-1/551201',
  googleDoc: 'https://docs.google.com/document/d/1Qk3vPz9XcT2mLw8RbN4yHs6JdF0aGe7UoKi5tZnBq_c/edit',
  jiraIssue: 'https://acme.atlassian.net/browse/ENG-4821',
  vendorPage: 'https://www.salesforce.com/products/sales-cloud/overview/',
  intranet: 'https://intranet.example.org/news/q3-pipeline-reviews',
} as const;

// ---------------------------------------------------------------------------
// Certificate

export interface Certificate {
  cert: string;
  key: string;
}

const CERT_FILE = 'inflow-demo.pem';
const CERT_HOSTS = [...DEMO_HOSTS, 'localhost'];

/**
 * A self-signed certificate for every demo host and localhost, made with openssl.
 * Cached in `dir`; remade when it lacks a host or expires within a day. Key and
 * certificate share one file, written under a temporary name and renamed, so
 * parallel test workers never read half of a pair.
 */
export function createCertificate(dir: string): Certificate {
  const file = join(dir, CERT_FILE);
  const cached = existsSync(file) ? splitPem(readFileSync(file, 'utf8')) : undefined;
  if (cached && certificateFits(cached.cert)) return cached;

  mkdirSync(dir, { recursive: true });
  return splitPem(generateCertificate(dir)) ?? fail(`openssl made no usable pair in ${dir}`);
}

/** Runs openssl, stores cert and key as one PEM file in `dir`, and returns its text. */
function generateCertificate(dir: string): string {
  const stem = join(dir, `tmp-${process.pid}-${Date.now()}`);
  const san = CERT_HOSTS.map((host) => `DNS:${host}`)
    .concat('IP:127.0.0.1')
    .join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${stem}.key`,
      '-out',
      `${stem}.crt`,
      '-days',
      '30',
      '-subj',
      '/CN=Inflow demo sites',
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'pipe' },
  );

  const pem = readFileSync(`${stem}.crt`, 'utf8') + readFileSync(`${stem}.key`, 'utf8');
  rmSync(`${stem}.crt`);
  rmSync(`${stem}.key`);
  writeAtomically(`${stem}.pem`, pem, join(dir, CERT_FILE));
  debug(`made a certificate in ${dir}`);
  return pem;
}

function writeAtomically(temporary: string, text: string, target: string): void {
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, target);
}

function splitPem(pem: string): Certificate | undefined {
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0];
  return cert && key ? { cert: `${cert}\n`, key: `${key}\n` } : undefined;
}

function certificateFits(pem: string): boolean {
  const x509 = new X509Certificate(pem);
  const names = x509.subjectAltName ?? '';
  const validForADay = Date.parse(x509.validTo) - Date.now() > 24 * 3600 * 1000;
  return validForADay && CERT_HOSTS.every((host) => names.includes(`DNS:${host}`));
}

function fail(message: string): never {
  throw new Error(message);
}

// ---------------------------------------------------------------------------
// Demo server

export interface DemoServerOptions {
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  certDir?: string;
}

export interface DemoServer {
  port: number;
  /** The address a page has in the browser: https://<host><path>, no port. */
  url(host: string, path: string): string;
  close(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1 that serves each demo host's pages by Host header. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const tls = createCertificate(options.certDir ?? DEFAULT_CERT_DIR);
  const server = createServer(tls, (request, response) => {
    serve(request, response).catch((error: unknown) => {
      debug(`failed ${request.url}: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });

  const { port } = server.address() as AddressInfo;
  debug(`demo server on 127.0.0.1:${port}`);
  return {
    port,
    url: (host, path) => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    close: () => closeServer(server),
  };
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  // Browsers keep connections alive; without this close() waits for them.
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// Like the real tools, the pages allow only their own scripts; this also proves
// the fixtures make no request to anywhere else.
const HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
  'x-content-type-options': 'nosniff',
};

interface Answer {
  status: number;
  file: string;
}

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }

  const path = new URL(request.url ?? '/', 'https://placeholder.invalid').pathname;
  if (path === '/favicon.ico') {
    // Browsers ask on their own; a 404 would put an error in every page's console.
    response.writeHead(204, HEADERS).end();
    return;
  }

  const answer = route(hostOf(request), path);
  const body = await readFile(answer.file);
  const type = CONTENT_TYPES[extname(answer.file)] ?? 'application/octet-stream';
  response.writeHead(answer.status, { ...HEADERS, 'content-type': type });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function hostOf(request: IncomingMessage): string {
  // Host may carry a port and, per URL rules, a trailing dot.
  const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

// Assets live next to each site's pages and are fetched as /_demo/<name>.
const ASSET = /^\/_demo\/([a-z0-9][\w.-]*\.(?:js|css|svg))$/;

function route(host: string, path: string): Answer {
  const site = SITES.find((candidate) => candidate.host === host);
  if (!site) return { status: 404, file: join(PAGES_DIR, 'unknown-site.html') };

  const asset = ASSET.exec(path)?.[1];
  const page = site.routes.find(([pattern]) => pattern.test(path))?.[1];
  const name = asset ?? page;
  const file = name && join(PAGES_DIR, site.dir, name);
  if (file && existsSync(file)) return { status: 200, file };

  return { status: 404, file: join(PAGES_DIR, 'not-found.html') };
}

// ---------------------------------------------------------------------------
// Browser

export interface LaunchOptions {
  /** Unpacked extension to load; omit to launch a plain browser. */
  extensionDir?: string;
  /** Port of the demo server every demo host is mapped onto. */
  port: number;
  headless?: boolean;
  /** Profile folder; a temporary one (deleted on close) when omitted. */
  profileDir?: string;
  /**
   * Addresses (prefixes) the extension may request besides its own resources:
   * configured pack URLs and a record store. None by default.
   */
  allowedUrls?: readonly string[];
  /** Set false to record without failing close() (the audit's own negative test). */
  auditNetwork?: boolean;
  /** Chromium flags added to the usual ones. */
  extraArgs?: readonly string[];
}

export interface BrowserSession {
  context: BrowserContext;
  /** Opens a page (reusing the initial blank tab once) and waits for it to load. */
  openPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface ExtensionSession extends BrowserSession {
  extensionId: string;
  /** The extension's service worker as it runs now (found again if it restarted). */
  readonly serviceWorker: Worker;
  /**
   * Opens chrome-extension://<id>/sidepanel.html?tab=<tabId> as a narrow page; `at`
   * fixes the panel page's clock to that moment.
   */
  openSidePanel(tabId: number, at?: Date): Promise<Page>;
  /** The extension API's tab id of a page (see findTabId for how). */
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Every request made in this browser so far, with who made it (see network-log.ts). */
  readonly requests: RequestRecord[];
  /**
   * Closes the browser, appends its requests to test-output/network/requests.jsonl,
   * and throws if the extension made a request its policy does not allow.
   */
  close(): Promise<void>;
}

const WORKER_TIMEOUT_MS = 10_000;
const VIEWPORT = { width: 1280, height: 800 };
// A side panel is a narrow column next to the page; the panel page gets the same.
const PANEL_VIEWPORT = { width: 400, height: 800 };

export function launchBrowser(
  options: LaunchOptions & { extensionDir: string },
): Promise<ExtensionSession>;
export function launchBrowser(options: LaunchOptions): Promise<BrowserSession>;
export async function launchBrowser(
  options: LaunchOptions,
): Promise<BrowserSession | ExtensionSession> {
  const executablePath = checkLaunchable(options);
  const started = Date.now();
  const context = await chromium.launchPersistentContext(options.profileDir ?? '', {
    executablePath,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: VIEWPORT,
    args: chromiumArgs(options),
  });

  debug(`chromium up in ${Date.now() - started} ms`);
  const requests = recordRequests(context);
  const session = browserSession(context);
  if (!options.extensionDir) return session;

  try {
    const extension = extensionSession(session, await waitForWorker(context));
    return auditedSession(extension, requests, options);
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The Chromium to run; fails early, saying what to do, if a piece is missing. */
function checkLaunchable(options: LaunchOptions): string {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    fail(`no Chromium at ${executable}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }

  const manifest = options.extensionDir && join(options.extensionDir, 'manifest.json');
  if (manifest && !existsSync(manifest)) fail(`no ${manifest}: run npx wxt build first`);
  return executable;
}

/** Chromium flags: TOOLCHAIN.md's list, the extension, and the host mapping. */
export function chromiumArgs(
  options: Pick<LaunchOptions, 'extensionDir' | 'port' | 'extraArgs'>,
): string[] {
  const extension = options.extensionDir ? resolve(options.extensionDir) : undefined;
  return [
    ...(extension
      ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`]
      : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${hostResolverRules(options.port)}`,
    ...(options.extraArgs ?? []),
  ];
}

/**
 * Every demo host resolves to the demo server. Chromium accepts a port in the
 * replacement, so pages keep their real address (https://<host>/…, port 443 as
 * far as the page and the extension can tell) while the server listens on any
 * free port. Every other name fails to resolve, so nothing leaves the machine.
 */
export function hostResolverRules(port: number): string {
  const maps = DEMO_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`);
  return [...maps, 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1', 'MAP * ~NOTFOUND'].join(', ');
}

function browserSession(context: BrowserContext): BrowserSession {
  let blank: Page | undefined = context.pages()[0];
  return {
    context,
    openPage: async (url) => {
      const page = blank?.url() === 'about:blank' ? blank : await context.newPage();
      blank = undefined;
      await page.goto(url);
      return page;
    },
    close: () => context.close(),
  };
}

async function waitForWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker): boolean => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;

  const started = context.waitForEvent('serviceworker', {
    predicate: isExtension,
    timeout: WORKER_TIMEOUT_MS,
  });
  return started.catch(() => fail(`no extension service worker within ${WORKER_TIMEOUT_MS} ms`));
}

/** The session with its request log, checked against the network policy on close. */
function auditedSession(
  session: Omit<ExtensionSession, 'requests'>,
  requests: RequestRecord[],
  options: LaunchOptions,
): ExtensionSession {
  const policy = {
    extensionId: session.extensionId,
    servedHosts: DEMO_HOSTS,
    allowedUrls: options.allowedUrls,
  };
  const closeBrowser = session.close;
  const close = async () => {
    await closeBrowser();
    appendLog(NETWORK_LOG, `${process.pid}-${Date.now()}`, requests);
    const forbidden = forbiddenRequests(requests, policy);
    if (forbidden.length > 0 && options.auditNetwork !== false) {
      fail(
        `the extension made requests outside its policy:\n${JSON.stringify(forbidden, null, 2)}`,
      );
    }
  };
  return Object.defineProperties(session, {
    requests: { value: requests, enumerable: true },
    close: { value: close, enumerable: true },
  }) as ExtensionSession;
}

function extensionSession(base: BrowserSession, first: Worker): Omit<ExtensionSession, 'requests'> {
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}/`;
  const worker = (): Worker =>
    base.context.serviceWorkers().find((each) => each.url().startsWith(origin)) ?? first;
  const awake = async (): Promise<Worker> => {
    await wakeWorker(base.context, origin);
    return worker();
  };

  return {
    ...base,
    extensionId,
    get serviceWorker() {
      return worker();
    },
    openSidePanel: (tabId, at) =>
      openPanel(base.context, `${origin}sidepanel.html?tab=${tabId}`, at),
    tabIdOf: async (page) => findTabId(await awake(), page),
    badgeText: async (tabId) =>
      (await awake()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
  };
}

/**
 * Chromium stops an idle extension worker, and tests stop it on purpose; an
 * evaluate() on a stopped worker then waits until something restarts it, which
 * may be never. Starting it through the DevTools protocol restarts a stopped
 * worker (Playwright keeps the same Worker object) and does nothing to a running one.
 */
async function wakeWorker(context: BrowserContext, scopeURL: string): Promise<void> {
  const existing = context.pages()[0];
  const page = existing ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.startWorker', { scopeURL });
  } finally {
    await cdp.detach();
    if (!existing) await page.close();
  }
}

async function openPanel(context: BrowserContext, url: string, at?: Date): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(PANEL_VIEWPORT);
  // Only Date moves; timers keep running, so the panel works as it would that day.
  if (at) await page.clock.setFixedTime(at);
  await page.goto(url);
  return page;
}

interface TabSummary {
  id?: number;
  url?: string;
}

// The few extension APIs the harness calls inside the service worker. Declared
// here because the functions passed to evaluate() run there, not in Node.
declare const chrome: {
  tabs: { query(filter: { active?: boolean; windowId?: number }): Promise<TabSummary[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

/**
 * The extension's tab id of a Playwright page. Without the `tabs` permission (or
 * host permission for the page) chrome.tabs.query() leaves out `url`, so matching
 * by address only works sometimes. Otherwise: ask Chromium's DevTools protocol for
 * the page's window (its windowId is the extensions API's windowId), bring the
 * page to the front of that window, and take the window's active tab. Tests run
 * one at a time per browser, so nothing else switches tabs in between.
 */
export async function findTabId(worker: Worker, page: Page): Promise<number> {
  const tabs = await worker.evaluate(() => chrome.tabs.query({}));
  const byUrl = tabs.filter((tab) => tab.url === page.url());
  if (byUrl.length === 1 && byUrl[0]?.id !== undefined) return byUrl[0].id;

  const windowId = await windowIdOf(page);
  await page.bringToFront();
  const active = await worker.evaluate(
    (id) => chrome.tabs.query({ active: true, windowId: id }),
    windowId,
  );
  return active[0]?.id ?? fail(`no active tab in window ${windowId} for ${page.url()}`);
}

async function windowIdOf(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    return windowId;
  } finally {
    await cdp.detach();
  }
}

// ---------------------------------------------------------------------------
// Screenshots

/** Saves test-output/screenshots/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}
