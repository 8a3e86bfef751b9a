// @vitest-environment node
/**
 * Lesson bodies against hostile Markdown, sanitized and then inserted into a live
 * page of real Chromium, where a surviving handler would run. happy-dom cannot be
 * used here: DOMPurify does not support it and misses elements there
 * (capricorn86/happy-dom#2182, #1810; cure53/DOMPurify#1457), so a pass in it would
 * prove nothing. The Chromium is the one the browser tests use.
 */
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Rendered {
  html: string;
  /** Every element as `tag`, and every attribute as `tag[name=value]`. */
  tags: string[];
  attributes: string[];
  /** Whether any payload ran: each sets `window.pwned`. */
  ran: boolean;
}

// What a lesson body may contain, stated here apart from lib/markdown.ts on purpose.
const allowedTags = new Set(
  [
    'p br hr blockquote h2 h3 h4 h5 h6',
    'strong em del code pre kbd a',
    'ul ol li table thead tbody tr th td',
  ].flatMap((group) => group.split(' ')),
);

let browser: Browser;
let page: Page;

// lib/markdown.ts bundled as the side panel gets it, exposed as `inflowMarkdown`.
async function bundle(): Promise<string> {
  const entry = fileURLToPath(new URL('../../../lib/markdown.ts', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'inflowMarkdown',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: await bundle() });
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

async function render(markdown: string): Promise<Rendered> {
  return page.evaluate(async (source) => {
    const scope = window as unknown as {
      pwned?: unknown;
      inflowMarkdown: { renderMarkdown(markdown: string): string };
    };
    const html = scope.inflowMarkdown.renderMarkdown(source);
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    host.innerHTML = html;

    // Handlers such as onerror and onload fire after insertion, not during it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const elements = [...host.querySelectorAll('*')];
    return {
      html,
      tags: elements.map((element) => element.localName),
      attributes: elements.flatMap((element) =>
        [...element.attributes].map((attr) => `${element.localName}[${attr.name}=${attr.value}]`),
      ),
      ran: scope.pwned !== undefined,
    };
  }, markdown);
}

describe('renderMarkdown with hostile input', () => {
  // Classic vectors from the OWASP XSS Filter Evasion Cheat Sheet, plus the
  // mutation-XSS payload of DOMPurify 2.0.17's bypass (Michał Bentkowski, 2020).
  it.each([
    ['a script element', '<script>window.pwned = 1</script>'],
    ['an image with onerror', '<img src="x" onerror="window.pwned = 1">'],
    ['a Markdown image', '![pixel](https://tracker.example/pixel.png)'],
    ['a javascript: link', '[open](javascript:window.pwned=1)'],
    ['a javascript: link in mixed case', '[open](JaVaScRiPt:window.pwned=1)'],
    ['a javascript: link with an entity', '<a href="jav&#x09;ascript:window.pwned=1">open</a>'],
    ['a data: link', '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['an iframe with srcdoc', '<iframe srcdoc="<script>parent.pwned = 1</script>"></iframe>'],
    ['an SVG with onload', '<svg onload="window.pwned = 1"><circle r="5"></circle></svg>'],
    ['a style attribute', '<p style="position:fixed;inset:0;background:red">cover</p>'],
    ['a style element', '<style>body { display: none }</style>'],
    [
      'a form',
      '<form action="https://evil.example/"><input name="password"><button>Go</button></form>',
    ],
    ['an object and an embed', '<object data="x.swf"></object><embed src="x.swf">'],
    [
      'a handler on an allowed tag',
      '<a href="https://example.com" onmouseover="window.pwned=1">x</a>',
    ],
    ['details with ontoggle', '<details open ontoggle="window.pwned = 1">more</details>'],
    [
      'the mXSS of DOMPurify 2.0.17',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.pwned=1">',
    ],
  ])('should keep nothing active of %s', async (_, markdown) => {
    const { html, tags, attributes, ran } = await render(`Before.\n\n${markdown}\n\nAfter.`);

    expect(ran).toBe(false);
    expect(tags.filter((tag) => !allowedTags.has(tag))).toEqual([]);
    expect(attributes.filter((attr) => /^\w+\[(on|style|src)/.test(attr))).toEqual([]);
    expect(attributes.filter((attr) => /\[href=(?!https?:|mailto:)/.test(attr))).toEqual([]);
    expect(html).not.toMatch(/<(script|img|iframe|svg|math|form|input|style|object|embed)\b/i);
    expect(html).not.toMatch(/javascript:|onerror|onload/i);
    expect(html).toContain('<p>Before.</p>');
  });
});

describe('renderMarkdown with ordinary lessons', () => {
  it('should keep text, lists, code and tables', async () => {
    const markdown = [
      'Ask **why** before you *answer*, and `log` it.',
      '1. Listen\n2. Ask',
      '| Stage | Ask |\n| --- | --- |\n| Negotiation | What do you compare it with? |',
    ].join('\n\n');

    const { tags } = await render(markdown);

    expect(tags.join(' ')).toBe('p strong em code ol li li table thead tr th th tbody tr td td');
  });

  it('should open web links in a new tab, without access back to the panel', async () => {
    const { attributes } = await render('See [the guide](https://example.com/guide).');

    expect(attributes).toEqual([
      'a[href=https://example.com/guide]',
      'a[target=_blank]',
      'a[rel=noopener noreferrer]',
    ]);
  });

  it.each([
    ['a relative link', '[settings](/options.html)'],
    ['a link into the extension', '[settings](chrome-extension://abcdef/options.html)'],
    ['a link to a file', '[notes](file:///etc/passwd)'],
  ])('should keep the text but not the address of %s', async (_, markdown) => {
    const { html, attributes } = await render(markdown);

    expect(attributes).toEqual([]);
    expect(html).toMatch(/^<p><a>\w+<\/a><\/p>/);
  });

  it('should put body headings below the lesson title', async () => {
    const { tags } = await render('# Hear it out\n\n## Then ask');

    expect(tags).toEqual(['h2', 'h3']);
  });

  it('should show task list items as marks, not form controls', async () => {
    const { html, tags } = await render('- [x] Log the call\n- [ ] Send the summary');

    expect(tags).toEqual(['ul', 'li', 'li']);
    expect(html).toContain('☑ Log the call');
    expect(html).toContain('☐ Send the summary');
  });
});
