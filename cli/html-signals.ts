/**
 * Page signals from saved HTML, for `match --html`: the same probes the content
 * script answers in the browser, answered on a happy-dom document.
 */
import { answerProbes } from '@/lib/probes';
import type { Rules } from '@/rules/engine';
import type { PageSignals } from '@/rules/page';

import { InputError } from './signing';

export async function signalsFromHtml(
  rules: Rules,
  url: string,
  html: string,
  title?: string,
): Promise<PageSignals> {
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'about:blank' });
  const document = window.document as unknown as Document;

  // lib/probes uses CSS.escape, which Node lacks.
  (globalThis as { CSS?: unknown }).CSS ??= window.CSS;
  try {
    document.documentElement.innerHTML = stripScripts(html);
    const probes = answerProbes(rules.probesFor(url), document);
    return { url, title: title ?? document.title, probes };
  } catch (error) {
    // happy-dom reads and walks elements recursively: 200,000 nested ones overflow it.
    if (error instanceof RangeError)
      throw new InputError('the saved page nests too deeply to read');
    throw error;
  } finally {
    // Tearing down a page that overflowed the stack overflows it again; what is left
    // is garbage all the same.
    await window.happyDOM.close().catch(() => undefined);
  }
}

/**
 * Saved pages are data here: happy-dom runs no script, and scripts are cut out so
 * that none is even fetched. A forward scan, not one regular expression: a page of
 * 250,000 unclosed "<script" kept `<script[\s\S]*?</script>` busy for minutes.
 */
function stripScripts(html: string): string {
  const open = /<script\b/gi;
  const close = /<\/script\s*>/gi;
  let kept = '';
  let from = 0;

  for (let start = open.exec(html); start; start = open.exec(html)) {
    kept += html.slice(from, start.index);
    close.lastIndex = open.lastIndex;
    // A script left open runs to the end of the page, as a browser reads it.
    if (!close.exec(html)) return kept;
    from = open.lastIndex = close.lastIndex;
  }
  return kept + html.slice(from);
}
