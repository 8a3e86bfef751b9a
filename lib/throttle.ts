/**
 * Runs `run` at most once per `interval` ms: at once when it has been quiet long
 * enough, otherwise once at the end of the interval. Returns the trigger and a
 * cancel function for cleanup.
 */
export function throttle(run: () => void, interval: number): { trigger(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fire = () => {
    timer = undefined;
    last = Date.now();
    run();
  };

  return {
    trigger() {
      if (timer !== undefined) return;
      const wait = last + interval - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
