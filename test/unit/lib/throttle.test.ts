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

  it('should wait out the whole interval when a timer fires before the clock says so', () => {
    let clock = 0;
    const run = vi.fn();
    const throttled = throttle(run, 250, () => clock);
    throttled.trigger();
    throttled.trigger();

    clock = 249.5; // the timer is due, but the clock is half a millisecond short
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(1);

    clock = 250;
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
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
