/**
 * Page signals from saved HTML, for `match --html`: the same probes the content
 * script answers in the browser, answered on a happy-dom document.
 */
import { answerProbes } from '@/lib/probes';
import type { Rules } from '@/rules/engine';
import type { PageSignals } from '@/rules/page';

export async function signalsFromHtml(
  rules: Rules,
  url: string,
  html: string,
  title?: string,
): Promise<PageSignals> {
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'about:blank' });
  const document = window.document as unknown as Document;
  document.documentElement.innerHTML = stripScripts(html);

  // lib/probes uses CSS.escape, which Node lacks.
  (globalThis as { CSS?: unknown }).CSS ??= window.CSS;
  try {
    const probes = answerProbes(rules.probesFor(url), document);
    return { url, title: title ?? document.title, probes };
  } finally {
    await window.happyDOM.close();
  }
}

// Saved pages are data here: nothing in them runs.
function stripScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
}
