import { describe, expect, it } from 'vitest';

import { isoDuration } from '@/lib/iso-duration';

describe('an ISO 8601 duration', () => {
  it.each([
    [16559.14, 'PT4H35M59.14S'],
    [0, 'PT0S'],
    [0.004, 'PT0S'],
    [0.005, 'PT0.01S'],
    [1, 'PT1S'],
    [59.1, 'PT59.1S'],
    [60, 'PT1M'],
    [61.5, 'PT1M1.5S'],
    [3600, 'PT1H'],
    [3600.25, 'PT1H0.25S'],
    [90061, 'PT25H1M1S'],
    [-5, 'PT0S'],
    [Number.NaN, 'PT0S'],
  ])('should write %d s as %s', (seconds, expected) => {
    expect(isoDuration(seconds)).toBe(expected);
  });
});
