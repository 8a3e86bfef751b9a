import { describe, expect, it } from 'vitest';

import {
  compileComponentPattern,
  firstSegment,
  leadingSegment,
} from '@/rules/conditions/url-pattern';

describe('the first segment a path pattern spells out', () => {
  it.each([
    ['/area/:kind(record|list)/:id([0-9a-f]{8,})', 'area'],
    ['/lightning/r/:object/:id/view', 'lightning'],
    ['/area{/:id}?', 'area'],
    ['/area', 'area'],
    ['/', ''],
    ['/a\\:b/c', 'a:b'],
    ['/area/*', 'area'],
    ['/area{/:id}?/view', 'area'],
    ['/area/:id?', 'area'],
  ])('should read %s as starting with "%s"', (pattern, segment) => {
    expect(leadingSegment(pattern)).toBe(segment);
  });

  it.each([
    '/:kind/x',
    '/item-:id',
    '/*',
    '/area(.*)',
    '/area{-x}?',
    '*',
    '/issues/:id?.json',
    '/a{/b}?c',
    '/a/:x*b',
  ])('should not name a first segment for %s, whose first segment varies', (pattern) => {
    expect(leadingSegment(pattern)).toBeUndefined();
  });

  it('should agree with the pattern on every path it matches', () => {
    const patterns = [
      '/area/:id',
      '/area{/:id}?',
      '/area',
      '/',
      '/lightning/r/:o/:id/view',
      '/area{/:id}?/view',
    ];
    const paths = [
      '/area',
      '/area/7',
      '/area/',
      '/areas/7',
      '/',
      '/lightning/r/Account/1/view',
      '/area/view',
      '/area/7/view',
    ];

    for (const pattern of patterns) {
      const compiled = compileComponentPattern(pattern);
      for (const path of paths.filter((candidate) => compiled.exec(candidate))) {
        expect(firstSegment(path), `${pattern} on ${path}`).toBe(leadingSegment(pattern));
      }
    }
  });
});
