import { describe, expect, it } from 'vitest';

import type { InstalledPack } from '@/lib/db';
import { NO_POLICY } from '@/lib/policy';
import { isDue, isRetryDue, refreshInterval } from '@/lib/refresh-schedule';

const HOUR = 3600 * 1000;

function row(refreshHours?: number, lastCheckedAt?: string): InstalledPack {
  const pack = refreshHours === undefined ? {} : { refreshHours };
  return {
    id: 'p',
    name: 'P',
    version: '1.0.0',
    source: 'https://p.example/p.json',
    installedAt: '',
    updatedAt: '',
    pack,
    lastCheckedAt,
  };
}

describe('how often a subscription is asked again', () => {
  it.each([
    ['nothing set', undefined, undefined, 24],
    ["the pack's own interval", 6, undefined, 6],
    ["the policy's, over the pack's", 6, 48, 48],
    ["the policy's, for a pack that asks nothing", undefined, 2, 2],
  ])('%s', (_, packHours, policyHours, hours) => {
    const policy = { ...NO_POLICY, refreshHours: policyHours };

    expect(refreshInterval(row(packHours), policy)).toBe(hours * HOUR);
  });

  it('should be due once the interval has passed since the last check, and at once when never checked', () => {
    const checked = row(6, '2026-12-01T00:00:00Z');
    const at = (iso: string) => Date.parse(iso);

    expect(isDue(checked, NO_POLICY, at('2026-12-01T05:59:00Z'))).toBe(false);
    expect(isDue(checked, NO_POLICY, at('2026-12-01T06:00:00Z'))).toBe(true);
    expect(isDue(row(6), NO_POLICY, at('2026-12-01T00:00:00Z'))).toBe(true);
  });

  it('should try a failed first fetch again after an hour', () => {
    expect(isRetryDue('2026-12-01T00:00:00Z', Date.parse('2026-12-01T00:59:00Z'))).toBe(false);
    expect(isRetryDue('2026-12-01T00:00:00Z', Date.parse('2026-12-01T01:00:00Z'))).toBe(true);
  });
});
