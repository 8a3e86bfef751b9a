import { describe, expect, it } from 'vitest';

import { HostIndex, hostMatchesGlob, matchPatternOf, matchPatternsOf } from '@/rules/hosts';

describe('hostMatchesGlob', () => {
  it.each([
    ['acme.lightning.force.com', '*.force.com', true],
    ['acme.lightning.force.com', '*.lightning.force.com', true],
    ['force.com', '*.force.com', false],
    ['notforce.com', '*.force.com', false],
    ['acme-lightning-force.com', '*.force.com', false],
    ['app.hubspot.com', 'app.hubspot.com', true],
    ['app.hubspot.com.evil.example', 'app.hubspot.com', false],
    ['evil-app.hubspot.com', 'app.hubspot.com', false],
  ])('%s against %s: %s', (host, glob, expected) => {
    expect(hostMatchesGlob(host, glob)).toBe(expected);
  });
});

describe('HostIndex', () => {
  it('should find entries of exact hosts and of every parent wildcard, in the order added', () => {
    const index = new HostIndex<string>();
    index.add('*.force.com', 'wide');
    index.add('acme.lightning.force.com', 'exact');
    index.add('*.lightning.force.com', 'narrow');
    index.add('*.hubspot.com', 'other');

    expect(index.find('acme.lightning.force.com')).toEqual(['wide', 'exact', 'narrow']);
    expect(index.find('force.com')).toEqual([]);
  });

  it('should turn globs into browser match patterns', () => {
    expect(matchPatternOf('*.force.com')).toBe('*://*.force.com/*');
    expect(matchPatternOf('docs.google.com')).toBe('*://docs.google.com/*');
  });

  it('should also cover the host behind a security proxy', () => {
    expect(matchPatternsOf('*.force.com')).toEqual([
      '*://*.force.com/*',
      '*://*.force.com.mcas.ms/*',
    ]);
  });
});
