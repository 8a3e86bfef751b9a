/**
 * Sites where the learner paused Inflow: no detection, no badge, and the panel
 * says so. A paused host covers its subdomains, on label boundaries
 * (`force.com` pauses `acme.lightning.force.com`, never `notforce.com`).
 */
import { storage } from 'wxt/utils/storage';

export const pausedSites = storage.defineItem<string[]>('local:pausedSites', {
  fallback: [],
  version: 1,
});

/**
 * The host a learner means by `input` ("acme.example.com", a full address, with
 * or without "www."), lower case, or `null` when it names no host.
 */
export function siteOf(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;

  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    const host = url.hostname.replace(/\.$/, '');
    return host.includes('.') || host === 'localhost' ? host : null;
  } catch {
    return null;
  }
}

/** Whether `url`'s host is paused, given the paused list. */
export function isPausedIn(paused: readonly string[], url: string): boolean {
  const host = siteOf(url);
  if (!host) return false;

  return paused.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Whether Inflow is paused on the page at `url`. */
export async function isPaused(url: string): Promise<boolean> {
  return isPausedIn(await pausedSites.getValue(), url);
}

/** Pauses Inflow on `site` (a host or an address); returns the host, or `null` if none. */
export async function pauseSite(site: string): Promise<string | null> {
  const host = siteOf(site);
  if (!host) return null;

  const paused = await pausedSites.getValue();
  if (!paused.includes(host)) await pausedSites.setValue([...paused, host].sort());
  return host;
}

export async function resumeSite(host: string): Promise<void> {
  const paused = await pausedSites.getValue();
  await pausedSites.setValue(paused.filter((site) => site !== host));
}

/** Calls `listener` with the new list on every change. Returns the remover. */
export function watchPausedSites(listener: (paused: string[]) => void): () => void {
  return pausedSites.watch((paused) => listener(paused ?? []));
}
