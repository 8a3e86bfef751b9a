/**
 * Answers the DOM probes that the active packs declare, and nothing else: the
 * content script never reads more of the page than a rule asks for.
 *
 * Probe keys: `has:<css>`, `text:<css>`, `meta:<name>`, `attr:<name>@<css>`.
 */
import type { ProbeValue } from '@/rules/page';

const MAX_TEXT = 1000;

export function answerProbes(keys: readonly string[], doc: Document): Record<string, ProbeValue> {
  const answers: Record<string, ProbeValue> = {};
  for (const key of keys) answers[key] = answerProbe(key, doc);
  return answers;
}

function answerProbe(key: string, doc: Document): ProbeValue {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);

  try {
    if (kind === 'has') return doc.querySelector(rest) ? '' : null;
    if (kind === 'text') return textOf(doc.querySelector(rest));
    if (kind === 'meta') return metaContent(doc, rest);
    if (kind === 'attr') return attributeOf(doc, rest);
  } catch {
    // A selector the browser cannot parse answers "absent" rather than stopping the rest.
  }
  return null;
}

function textOf(element: Element | null): ProbeValue {
  const text = element?.textContent;
  return text == null ? null : text.trim().replace(/\s+/g, ' ').slice(0, MAX_TEXT);
}

function metaContent(doc: Document, name: string): ProbeValue {
  const escaped = CSS.escape(name);
  const meta = doc.querySelector(`meta[name="${escaped}"], meta[property="${escaped}"]`);
  return meta?.getAttribute('content')?.slice(0, MAX_TEXT) ?? null;
}

function attributeOf(doc: Document, spec: string): ProbeValue {
  const at = spec.indexOf('@');
  const element = doc.querySelector(spec.slice(at + 1));
  return element?.getAttribute(spec.slice(0, at))?.slice(0, MAX_TEXT) ?? null;
}
