import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

import {
  isPaused,
  isPausedIn,
  pausedSites,
  pauseSite,
  resumeSite,
  siteOf,
} from '@/lib/paused-sites';

beforeEach(() => fakeBrowser.reset());

describe('the site a learner names', () => {
  it.each([
    ['acme.lightning.force.com', 'acme.lightning.force.com'],
    ['  App.HubSpot.com ', 'app.hubspot.com'],
    ['https://acme.atlassian.net/browse/ENG-1', 'acme.atlassian.net'],
    ['http://intranet.example.org:8080/x', 'intranet.example.org'],
    ['docs.google.com.', 'docs.google.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['localhost', 'localhost'],
    ['hello', null],
    ['', null],
    ['https://', null],
  ])('should read %j as %j', (input, host) => {
    expect(siteOf(input)).toBe(host);
  });
});

describe('a paused site', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/page/home', true],
    ['https://force.com/', true],
    ['https://notforce.com/', false],
    ['https://force.com.evil.example/', false],
    ['https://app.hubspot.com/contacts/1', false],
  ])('force.com should cover %s: %s', (url, paused) => {
    expect(isPausedIn(['force.com'], url)).toBe(paused);
  });

  it('should be kept in typed storage, sorted and once, until resumed', async () => {
    await pauseSite('https://b.example.com/x');
    await pauseSite('a.example.com');
    await pauseSite('B.example.com');

    expect(await pausedSites.getValue()).toEqual(['a.example.com', 'b.example.com']);
    expect(await isPaused('https://b.example.com/page')).toBe(true);

    await resumeSite('b.example.com');

    expect(await isPaused('https://b.example.com/page')).toBe(false);
  });

  it('should refuse something that names no site', async () => {
    expect(await pauseSite('not a site')).toBeNull();
    expect(await pausedSites.getValue()).toEqual([]);
  });
});
