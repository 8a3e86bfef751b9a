/**
 * Host globs and the index that finds a page's tools by host.
 *
 * A glob is a host (`app.hubspot.com`) or `*.` and a host (`*.force.com`). The star
 * stands for one or more whole labels, so `*.force.com` matches
 * `acme.lightning.force.com` but never `force.com` itself nor `notforce.com`.
 */
import { PROXY_SUFFIXES } from './url';

/** Whether `host` (already normalized) matches `glob`. */
export function hostMatchesGlob(host: string, glob: string): boolean {
  if (!glob.startsWith('*.')) return host === glob;

  return host.endsWith(glob.slice(1));
}

/**
 * Finds the entries registered under the globs that match a host, in registration
 * order, by looking up the host and each of its parent domains: the cost grows
 * with the host's number of labels, not with the number of globs.
 */
interface Entry<T> {
  order: number;
  value: T;
}

export class HostIndex<T> {
  readonly #byKey = new Map<string, Entry<T>[]>();
  #count = 0;

  add(glob: string, value: T): void {
    const entries = this.#byKey.get(glob) ?? [];
    entries.push({ order: this.#count++, value });
    this.#byKey.set(glob, entries);
  }

  find(host: string): T[] {
    const lists: Entry<T>[][] = [];
    const exact = this.#byKey.get(host);
    if (exact) lists.push(exact);
    for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
      const wildcard = this.#byKey.get(`*${host.slice(dot)}`);
      if (wildcard) lists.push(wildcard);
    }

    // One glob matching is the common case: no merge needed.
    if (lists.length === 1) return lists[0]!.map((entry) => entry.value);
    return lists
      .flat()
      .sort((a, b) => a.order - b.order)
      .map((entry) => entry.value);
  }

  globs(): string[] {
    return [...this.#byKey.keys()];
  }
}

/** The browser match pattern that covers a host glob: `*.force.com` → `*://*.force.com/*`. */
export function matchPatternOf(glob: string): string {
  return `*://${glob}/*`;
}

/**
 * The match patterns a content script needs for a host glob: the glob itself and the
 * same host behind each security proxy (`*.force.com.mcas.ms`), where the engine
 * reads the real host back.
 */
export function matchPatternsOf(glob: string): string[] {
  return [glob, ...PROXY_SUFFIXES.map((suffix) => `${glob}${suffix}`)].map(matchPatternOf);
}
