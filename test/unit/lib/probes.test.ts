import { describe, expect, it } from 'vitest';

import { answerProbes } from '@/lib/probes';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('test');
  doc.documentElement.innerHTML = html;
  return doc;
}

describe('answerProbes', () => {
  const doc = page(`
    <head><meta name="application-name" content="JIRA"><meta property="og:url" content="https://github.com/a/b"></head>
    <body class="sfdcBody"><h1 class="title">  Acme —
      200 seats </h1><a data-id="006x">x</a></body>`);

  it.each([
    ['has:body.sfdcBody', ''],
    ['has:#missing', null],
    ['text:h1.title', 'Acme — 200 seats'],
    ['text:h2', null],
    ['meta:application-name', 'JIRA'],
    ['meta:og:url', 'https://github.com/a/b'],
    ['meta:missing', null],
    ['attr:data-id@a', '006x'],
    ['attr:href@a', null],
  ])('should answer %s with %j', (key, expected) => {
    expect(answerProbes([key], doc)[key]).toBe(expected);
  });

  it('should answer "absent" for a selector the browser cannot parse, and go on', () => {
    const answers = answerProbes(['has:div[', 'has:body'], doc);

    expect(answers).toEqual({ 'has:div[': null, 'has:body': '' });
  });

  it('should cut long text at 1000 characters', () => {
    const long = page(`<p>${'x'.repeat(5000)}</p>`);

    expect(answerProbes(['text:p'], long)['text:p']).toHaveLength(1000);
  });
});
