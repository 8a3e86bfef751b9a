/**
 * Packs added from outside: subscribed to at an address (by the learner or the
 * organization's policy) or imported from a file. Every copy is checked in full
 * before it is stored; a refresh that fails for any reason keeps the last good copy
 * and records the error, and a success clears it.
 */
import type { InflowDatabase, InstalledPack, PackOrigin } from './db';
import { checkPackText, type PackCheck, type Trust } from './pack-check';
import { checkPackUrl, fetchPack, PackFetchError } from './pack-fetch';

/** Why a pack could not be added, in words for the options page. */
export class PackSourceError extends Error {
  override name = 'PackSourceError';
}

/** What adding and refreshing packs needs: the record, the keys, the network and a clock. */
export interface SourceContext {
  db: InflowDatabase;
  trust: Trust;
  fetcher?: typeof fetch;
  now?: () => Date;
}

/** Installs the pack at `address`; throws `PackSourceError` unless it fetches and checks out. */
export async function subscribe(
  context: SourceContext,
  address: string,
  origin: Extract<PackOrigin, 'policy' | 'learner'>,
): Promise<InstalledPack> {
  const url = checkPackUrl(address);
  if (typeof url === 'string') throw new PackSourceError(url);

  const response = await fetchPack(url.href, {}, context.fetcher).catch(rethrow);
  if (response.status === 'unchanged')
    throw new PackSourceError('the server answered 304 to a first request');

  const checked = await checkPackText(response.text, context.trust);
  if (!checked.ok) throw new PackSourceError(checked.error);

  const at = stamp(context);
  const row: InstalledPack = {
    ...rowOf(checked, url.href, origin, at),
    etag: response.etag,
    lastModified: response.lastModified,
    lastCheckedAt: at,
    lastSuccessAt: at,
  };
  return install(context.db, row);
}

/** Installs a pack file the learner chose; throws `PackSourceError` when it does not check out. */
export async function importPack(
  context: SourceContext,
  text: string,
  fileName: string,
): Promise<InstalledPack> {
  const checked = await checkPackText(text, context.trust);
  if (!checked.ok) throw new PackSourceError(checked.error);

  return install(context.db, rowOf(checked, fileName.slice(0, 200), 'file', stamp(context)));
}

/**
 * Asks a subscription's address again, conditionally. The stored row is updated:
 * a new copy when one arrived and checked out; otherwise the held copy, with the
 * error that kept it. Returns the row as stored.
 */
export async function refresh(context: SourceContext, row: InstalledPack): Promise<InstalledPack> {
  const at = stamp(context);
  const updated = await fetchAgain(context, row, at).catch((error: unknown): InstalledPack => ({
    ...row,
    lastError: messageOf(error),
    updatedAt: at,
  }));

  await context.db.packs.put({ ...updated, lastCheckedAt: at });
  return { ...updated, lastCheckedAt: at };
}

async function fetchAgain(
  context: SourceContext,
  row: InstalledPack,
  at: string,
): Promise<InstalledPack> {
  const held = { etag: row.etag, lastModified: row.lastModified };
  const response = await fetchPack(row.source, held, context.fetcher);
  if (response.status === 'unchanged') return succeeded(row, at);

  const checked = await checkPackText(response.text, context.trust);
  if (!checked.ok) throw new PackSourceError(checked.error);
  if (checked.pack.id !== row.id) {
    throw new PackSourceError(
      `the address now serves the pack "${checked.pack.id}", not "${row.id}"`,
    );
  }

  const fresh = rowOf(checked, row.source, row.origin ?? 'learner', at);
  return succeeded(
    {
      ...row,
      ...fresh,
      installedAt: row.installedAt,
      etag: response.etag,
      lastModified: response.lastModified,
    },
    at,
  );
}

function succeeded(row: InstalledPack, at: string): InstalledPack {
  const { lastError: _cleared, ...rest } = row;
  return { ...rest, lastSuccessAt: at, updatedAt: at };
}

function rowOf(
  checked: Extract<PackCheck, { ok: true }>,
  source: string,
  origin: PackOrigin,
  at: string,
): InstalledPack {
  const { pack, raw } = checked;
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    source,
    origin,
    pack: raw,
    installedAt: at,
    updatedAt: at,
  };
}

/**
 * Stores a new pack unless another source holds its id: policy packs take an id
 * from the learner's packs; the learner's never take one from policy; a file
 * replaces an earlier import of the same pack; two addresses never share an id.
 */
async function install(db: InflowDatabase, row: InstalledPack): Promise<InstalledPack> {
  return db.transaction('rw', db.packs, async () => {
    const existing = await db.packs.get(row.id);
    const conflict = existing && conflictOf(existing, row);
    if (conflict) throw new PackSourceError(conflict);

    await db.packs.put({ ...row, installedAt: existing?.installedAt ?? row.installedAt });
    return row;
  });
}

function conflictOf(existing: InstalledPack, row: InstalledPack): string | null {
  const held = `the pack "${row.id}" is already installed from ${existing.source}`;
  if (existing.origin === 'policy' && existing.source !== row.source) {
    return `${held} by your organization's policy`;
  }
  if (row.origin === 'policy') return null;
  if (row.origin === 'file' && existing.origin === 'file') return null;
  return existing.source === row.source ? null : `${held}; remove it first`;
}

function rethrow(error: unknown): never {
  throw error instanceof PackFetchError ? new PackSourceError(error.message) : error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stamp(context: SourceContext): string {
  return (context.now?.() ?? new Date()).toISOString();
}
