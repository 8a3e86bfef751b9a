/**
 * When subscribed packs are fetched again: one alarm wakes the background every
 * hour, and each pack whose interval has passed is asked again. The interval is
 * the policy's `refreshHours` when set (for every address), else the pack's own
 * (1 to 720), else a day.
 */
import { browser } from 'wxt/browser';

import type { InstalledPack } from './db';
import type { EffectivePolicy } from './policy';

const ALARM = 'inflow-pack-refresh';
const HOUR_MS = 3600 * 1000;
export const DEFAULT_REFRESH_HOURS = 24;

/**
 * Test builds only: seconds between refreshes, set by the test build through Vite's
 * `define` (test/browser/policy-extension.ts). Production builds leave it undefined,
 * and no setting or policy can change it at run time.
 */
const TEST_INTERVAL_SECONDS = Number(import.meta.env.INFLOW_TEST_REFRESH_SECONDS) || 0;

/** How long a pack's copy is kept before its address is asked again, in ms. */
export function refreshInterval(row: InstalledPack, policy: EffectivePolicy): number {
  if (TEST_INTERVAL_SECONDS > 0) return TEST_INTERVAL_SECONDS * 1000;

  const asked = row.pack?.refreshHours;
  const hours = policy.refreshHours ?? (typeof asked === 'number' ? asked : undefined);
  return (hours ?? DEFAULT_REFRESH_HOURS) * HOUR_MS;
}

/** Whether a subscription's address is due to be asked again. */
export function isDue(row: InstalledPack, policy: EffectivePolicy, now: number): boolean {
  if (!row.lastCheckedAt) return true;
  return now - Date.parse(row.lastCheckedAt) >= refreshInterval(row, policy);
}

/**
 * Whether an address whose first fetch failed at `failedAt` is due to be tried
 * again: after an hour, so a service worker that starts often does not ask often.
 */
export function isRetryDue(failedAt: string, now: number): boolean {
  const wait = TEST_INTERVAL_SECONDS > 0 ? TEST_INTERVAL_SECONDS * 1000 : HOUR_MS;
  return now - Date.parse(failedAt) >= wait;
}

/**
 * Creates the alarm unless it exists with the same period: the service worker starts
 * many times a day, and creating it again each time would push the next run away.
 */
export async function scheduleRefresh(): Promise<void> {
  const periodInMinutes = TEST_INTERVAL_SECONDS > 0 ? TEST_INTERVAL_SECONDS / 60 : 60;
  const existing = await browser.alarms.get(ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;

  await browser.alarms.create(ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Calls `run` each time the refresh alarm fires. Returns the remover. */
export function onRefreshAlarm(run: () => void): () => void {
  const listener = (alarm: { name: string }) => {
    if (alarm.name === ALARM) run();
  };
  browser.alarms.onAlarm.addListener(listener);
  return () => browser.alarms.onAlarm.removeListener(listener);
}
