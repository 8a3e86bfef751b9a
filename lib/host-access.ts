/**
 * Least privilege for added packs. The manifest's content script covers the bundled
 * packs' hosts only. A pack added later needs the browser's permission for its
 * hosts: the learner grants it from the options page (a browser prompt, which needs
 * a click), or the extension's build already holds it (see docs/pack-sources.md).
 * Once granted, the content script is registered there; when the hosts are no
 * longer needed, the registration shrinks and the permission is given back.
 */
import { browser } from 'wxt/browser';

import { hostMatchesGlob, matchPatternOf } from '@/rules/hosts';
import { PROXY_SUFFIXES } from '@/rules/url';

import { logger } from './logger';

/** The id of the content-script registration for added packs' hosts. */
export const ADDED_HOSTS_SCRIPT = 'inflow-added-packs';

/** Where the packs in use need the content script, and whether the browser allows it. */
export interface HostAccess {
  granted: string[];
  missing: string[];
}

/** The parts of the extension API this module uses (a fake in unit tests). */
export interface HostApi {
  manifest: {
    host_permissions?: string[];
    permissions?: string[];
    content_scripts?: { matches?: string[]; js?: string[] }[];
  };
  contains(origin: string): Promise<boolean>;
  grantedOrigins(): Promise<string[]>;
  release(origins: string[]): Promise<unknown>;
  registered(): Promise<{ matches?: string[] }[]>;
  register(matches: string[], js: string[]): Promise<unknown>;
  update(matches: string[], js: string[]): Promise<unknown>;
  unregister(): Promise<unknown>;
  /** Calls `listener` when the learner grants or withdraws access. Returns the remover. */
  onChange(listener: () => void): () => void;
}

/**
 * The match patterns the content script needs beyond the manifest's own: every
 * host glob of the packs in use, and the same behind each security proxy, unless a
 * glob of the manifest's content script already covers it.
 */
export function addedPatterns(
  globs: readonly string[],
  manifestMatches: readonly string[],
): string[] {
  const covering = manifestMatches.map(globOf).filter((glob): glob is string => glob !== null);
  const wanted = globs.flatMap((glob) => [glob, ...PROXY_SUFFIXES.map((suffix) => glob + suffix)]);
  const needed = wanted.filter((glob) => !covering.some((cover) => covers(cover, glob)));
  return [...new Set(needed)].map(matchPatternOf);
}

/** `*://*.force.com/*` → `*.force.com`; `null` for a pattern of another shape. */
function globOf(pattern: string): string | null {
  return /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? null;
}

/** Whether every host of `glob` is also a host of `cover`. */
function covers(cover: string, glob: string): boolean {
  if (cover === glob) return true;
  return hostMatchesGlob(glob.replace(/^\*\./, ''), cover);
}

/**
 * Brings the registration in line with the hosts the packs in use cover, gives back
 * permissions no pack needs any more, and says which hosts still wait for a grant.
 */
export async function syncHostAccess(
  globs: readonly string[],
  api: HostApi = browserHostApi(),
): Promise<HostAccess> {
  const manifestMatches = api.manifest.content_scripts?.flatMap((script) => script.matches ?? []);
  const patterns = addedPatterns(globs, manifestMatches ?? []);
  const access: HostAccess = { granted: [], missing: [] };
  for (const pattern of patterns) {
    ((await api.contains(pattern)) ? access.granted : access.missing).push(pattern);
  }

  await register(access.granted, api);
  await releaseUnneeded(patterns, manifestMatches ?? [], api);
  return access;
}

async function register(matches: string[], api: HostApi): Promise<void> {
  const [current] = await api.registered();
  const js = api.manifest.content_scripts?.[0]?.js ?? [];

  if (matches.length === 0) {
    if (current) await api.unregister();
    return;
  }
  if (!current) await api.register(matches, js);
  else if (!sameSet(current.matches ?? [], matches)) await api.update(matches, js);
}

/** Gives back the optional host permissions that no pack in use needs. */
async function releaseUnneeded(
  needed: readonly string[],
  manifestMatches: readonly string[],
  api: HostApi,
): Promise<void> {
  // The browser lists the manifest's own hosts among the granted ones: never give those back.
  const required = new Set([
    ...manifestMatches,
    ...(api.manifest.host_permissions ?? []),
    ...(api.manifest.permissions ?? []).filter((entry) => entry.includes('://')),
  ]);
  const held = await api.grantedOrigins();
  const unneeded = held.filter((origin) => !required.has(origin) && !needed.includes(origin));
  if (unneeded.length > 0) await api.release(unneeded);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((entry) => b.includes(entry));
}

/** The real extension API. */
export function browserHostApi(): HostApi {
  const ids = [ADDED_HOSTS_SCRIPT];
  return {
    manifest: browser.runtime.getManifest() as HostApi['manifest'],
    contains: (origin) => browser.permissions.contains({ origins: [origin] }),
    grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
    release: (origins) => browser.permissions.remove({ origins }),
    registered: () => browser.scripting.getRegisteredContentScripts({ ids }),
    register: (matches, js) =>
      browser.scripting.registerContentScripts([
        {
          id: ADDED_HOSTS_SCRIPT,
          matches,
          js,
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]),
    update: (matches, js) =>
      browser.scripting.updateContentScripts([{ id: ADDED_HOSTS_SCRIPT, matches, js }]),
    unregister: () => browser.scripting.unregisterContentScripts({ ids }),
    onChange: watchHostGrants,
  };
}

function watchHostGrants(listener: () => void): () => void {
  const changed = () => {
    logger.debug('host permissions changed');
    listener();
  };
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}
