/**
 * Runs `run` at most once per `interval` ms: at once when it has been quiet long
 * enough, otherwise once at the end of the interval. Returns the trigger and a
 * cancel function for cleanup.
 *
 * The monotonic clock, not Date.now(): whole milliseconds let two runs fall 249.1 ms
 * apart, five in one second. A timer that fires before the clock says the interval
 * is over waits out the rest.
 */
export function throttle(
  run: () => void,
  interval: number,
  now: () => number = () => performance.now(),
): { trigger(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fire = () => {
    const early = last + interval - now();
    if (early > 0) {
      timer = setTimeout(fire, Math.ceil(early));
      return;
    }

    timer = undefined;
    last = now();
    run();
  };

  return {
    trigger() {
      if (timer !== undefined) return;
      const wait = last + interval - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
