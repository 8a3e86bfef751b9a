/**
 * The one logger: a fixed prefix, quiet in production builds except for errors,
 * verbose in development or when `localStorage['inflow:debug']` is set in a page.
 */
const prefix = '[inflow]';

function debugEnabled(): boolean {
  if (import.meta.env?.DEV) return true;
  try {
    return globalThis.localStorage?.getItem('inflow:debug') === '1';
  } catch {
    // Storage can be blocked (sandboxed frames); then stay quiet.
    return false;
  }
}

const verbose = debugEnabled();

export const logger = {
  debug: (...args: unknown[]) => verbose && console.debug(prefix, ...args),
  info: (...args: unknown[]) => verbose && console.info(prefix, ...args),
  warn: (...args: unknown[]) => console.warn(prefix, ...args),
  error: (...args: unknown[]) => console.error(prefix, ...args),
};
