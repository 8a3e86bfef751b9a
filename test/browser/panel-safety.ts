/**
 * Checks for the side panel under hostile input, run inside the panel page:
 * what a payload would have needed in the DOM to run or load anything, and the
 * traces one would leave if it ran (CSP violations, dialogs, a global it sets).
 */
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Records CSP violations in every page of the context, from its start, except
 * blocked inline handler attributes reported on the document itself: Chromium
 * (148) reports those for HTML parsed away from the page, such as DOMPurify's
 * detached parse document, which never renders or runs anything. Whether a handler
 * reached the rendered panel is what unsafeMarkup() checks.
 */
export async function watchForScript(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const scope = window as unknown as { cspViolations: string[]; cspParseReports: number };
    scope.cspViolations = [];
    scope.cspParseReports = 0;
    document.addEventListener('securitypolicyviolation', (event) => {
      if (event.violatedDirective === 'script-src-attr' && event.target === document) {
        scope.cspParseReports += 1;
        return;
      }
      scope.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

/** Traces of script having run, or having been stopped by the CSP, in the page. */
export function scriptTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scope = window as unknown as { cspViolations?: string[]; __xss?: unknown };
    const traces = [...(scope.cspViolations ?? [])];
    if (scope.__xss !== undefined) traces.push('window.__xss was set');
    return traces;
  });
}

/**
 * Every element or attribute inside `selector` that could run script, load a
 * resource, submit, or restyle the page: none may be present.
 */
export function unsafeMarkup(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const forbidden = new Set(
      'script iframe frame object embed img image svg math style link meta base form input textarea select video audio source picture template noscript marquee details isindex use animate set'.split(
        ' ',
      ),
    );
    const urlAttributes = new Set([
      'href',
      'src',
      'action',
      'formaction',
      'data',
      'poster',
      'xlink:href',
    ]);
    const found: string[] = [];
    for (const element of document.querySelectorAll(`${root} *`)) {
      if (forbidden.has(element.localName)) found.push(`<${element.localName}>`);
      for (const { name, value } of element.attributes) {
        if (/^on/i.test(name) || ['style', 'srcdoc', 'srcset', 'ping'].includes(name)) {
          found.push(`${element.localName}[${name}]`);
        }
        if (urlAttributes.has(name) && !/^(https?:|mailto:)/i.test(value)) {
          found.push(`${element.localName}[${name}=${value.slice(0, 40)}]`);
        }
      }
    }
    return found;
  }, selector);
}
