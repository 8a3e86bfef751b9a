/**
 * What the engine matches against: the page's address, its title and the answers to
 * the DOM questions ("probes") that the packs asked the content script.
 */
import { parsePageUrl, type PageUrl } from './url';

/** The longest title and probe text the engine reads; longer input is cut, never scanned. */
export const MAX_TEXT_LENGTH = 1000;

/**
 * A probe's answer: the text, attribute or meta content found, `''` for a selector that
 * is present, `null` when the page has no such element.
 */
export type ProbeValue = string | null;

/** The signals of one page, as the content script (or the CLI) collects them. */
export interface PageSignals {
  url: string;
  title?: string;
  probes?: Record<string, ProbeValue>;
}

export interface Page {
  url: PageUrl;
  title: string;
  probes: Readonly<Record<string, ProbeValue>>;
}

/** Parses and bounds the signals; `null` when the address is not an http(s) page. */
export function readPage(signals: PageSignals): Page | null {
  const url = parsePageUrl(signals.url);
  if (!url) return null;

  return {
    url,
    title: (signals.title ?? '').slice(0, MAX_TEXT_LENGTH),
    probes: boundProbes(signals.probes ?? {}),
  };
}

function boundProbes(probes: Record<string, ProbeValue>): Record<string, ProbeValue> {
  const bounded: Record<string, ProbeValue> = {};
  for (const [key, value] of Object.entries(probes)) {
    bounded[key] = typeof value === 'string' ? value.slice(0, MAX_TEXT_LENGTH) : null;
  }
  return bounded;
}
