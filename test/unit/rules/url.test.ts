import { describe, expect, it } from 'vitest';

import { parsePageUrl } from '@/rules/url';

// Cases from the WHATWG URL standard's behaviour and TOOLS.md § 0 (X7, X8).
describe('parsePageUrl', () => {
  it.each([
    [
      'upper-case host',
      'https://ACME.LIGHTNING.FORCE.COM/lightning/page/home',
      'acme.lightning.force.com',
    ],
    [
      'trailing dot',
      'https://acme.lightning.force.com./lightning/page/home',
      'acme.lightning.force.com',
    ],
    ['default port', 'https://app.hubspot.com:443/contacts/1/deals', 'app.hubspot.com'],
    [
      'userinfo that looks like a host',
      'https://acme.lightning.force.com@evil.example/x',
      'evil.example',
    ],
    [
      'IDN homograph, as punycode',
      'https://app.hubspоt.com/contacts/1/deals',
      'app.xn--hubspt-0qf.com',
    ],
    [
      'security proxy suffix',
      'https://acme.lightning.force.com.mcas.ms/lightning/page/home',
      'acme.lightning.force.com',
    ],
  ])('should read the host of a URL with %s', (_case, url, host) => {
    expect(parsePageUrl(url)?.host).toBe(host);
  });

  it('should keep a query that follows "#" inside the fragment', () => {
    const url = parsePageUrl('https://mail.google.com/mail/u/0/#inbox/FMfcgzMLltkQ?projector=1');

    expect(url?.hash).toBe('inbox/FMfcgzMLltkQ?projector=1');
    expect(url?.search).toBe('');
  });

  it.each([
    ['a non-web scheme', 'chrome://settings/'],
    ['a file', 'file:///etc/passwd'],
    ['no URL at all', 'not a url'],
    ['an address over 4096 characters', `https://example.com/${'a'.repeat(4100)}`],
  ])('should refuse %s', (_case, url) => {
    expect(parsePageUrl(url)).toBeNull();
  });
});
