/**
 * The page probe. It runs only on the hosts of installed packs and reports what the
 * packs ask of each page (lib/page-watch.ts); the background does the matching.
 */
import { watchPage } from '@/lib/page-watch';

export default defineContentScript({
  // Filled at build time from the bundled packs' hosts (see wxt.config.ts).
  matches: ['*://inflow.invalid/*'],
  main(ctx) {
    watchPage(ctx);
  },
});
