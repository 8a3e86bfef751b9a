import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { throttle } from '@/lib/throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should run at once, then at most once per interval however often triggered', () => {
    const run = vi.fn();
    const throttled = throttle(run, 250);

    throttled.trigger();
    for (let i = 0; i < 100; i++) throttled.trigger();
    expect(run).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(2);

    for (let ms = 0; ms < 1000; ms += 10) {
      throttled.trigger();
      vi.advanceTimersByTime(10);
    }
    expect(run.mock.calls.length).toBeLessThanOrEqual(2 + 4 + 1);
  });

  it('should not run after cancel', () => {
    const run = vi.fn();
    const throttled = throttle(run, 250);
    throttled.trigger();
    throttled.trigger();

    throttled.cancel();
    vi.advanceTimersByTime(1000);

    expect(run).toHaveBeenCalledTimes(1);
  });
});
