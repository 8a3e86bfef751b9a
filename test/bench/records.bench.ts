/**
 * The learner's record at scale, measured where it runs: the built extension's
 * Your data page in real Chromium, with real IndexedDB and the import worker.
 * A backup of 100,000 statements is imported, exported again (and must come back
 * byte for byte), and exported as xAPI; then a 50 MB backup is imported while the
 * page's main thread is watched for stalls.
 *
 * Memory is the peak resident set (VmHWM, reset before each step) of the
 * extension's renderer process, which runs the page, the import worker and the
 * service worker, and its private memory (RssAnon, sampled every 5 ms): RSS also
 * counts Chromium's own code pages, about 200 MB before any work. The storage
 * service that holds IndexedDB is reported beside it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { EXTENSION_DIR, launchBrowser, startDemoServer } from '../browser/harness';
import { backupWithStatements } from './records-backup-file';
import {
  privateMb,
  recordProcesses,
  residentMb,
  resetPeak,
  sampleMemory,
  settle,
} from './records-memory';
import { atMost, type Figure } from './report';

const MB = 1024 * 1024;

interface Step {
  /** How long the renderer took to come back to rest before the step (see `settle`). */
  settledSeconds: number;
  seconds: number;
  /** Resident memory of the renderer before the step, and its peak during it. */
  rendererBeforeMb: number;
  rendererMb: number;
  /** Private memory of the renderer: before the step, and its highest during it. */
  privateBeforeMb: number;
  privatePeakMb: number;
  storageMb: number;
  /** The longest the page's main thread did not answer a 10 ms timer, in ms. */
  stallMs: number;
}

type Pids = ReturnType<typeof recordProcesses>;

async function measure(bench: Bench, act: () => Promise<void>): Promise<Step> {
  const { page, pids } = bench;
  const settledSeconds = await settle(pids.renderer, bench.restMb, 10, bench.settleMs);
  resetPeak(pids.renderer);
  resetPeak(pids.storage);
  await page.evaluate(startStallProbe);
  const privateBeforeMb = privateMb(pids.renderer);
  const rendererBeforeMb = residentMb(pids.renderer);
  const renderer = sampleMemory(pids.renderer);
  const storage = sampleMemory(pids.storage);

  const start = process.hrtime.bigint();
  await act();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  const [rendererPeaks, storagePeaks] = [renderer.stop(), storage.stop()];
  const stallMs = await page.evaluate(stopStallProbe);
  return {
    settledSeconds,
    seconds,
    rendererBeforeMb,
    rendererMb: rendererPeaks.rssMb,
    privateBeforeMb,
    privatePeakMb: rendererPeaks.privateMb,
    storageMb: storagePeaks.rssMb,
    stallMs,
  };
}

// Runs in the page: notes the longest gap between ticks of a 10 ms timer.
function startStallProbe(): void {
  const probe = { longest: 0, last: performance.now(), timer: 0 };
  probe.timer = window.setInterval(() => {
    const now = performance.now();
    probe.longest = Math.max(probe.longest, now - probe.last - 10);
    probe.last = now;
  }, 10);
  (window as unknown as { stallProbe: typeof probe }).stallProbe = probe;
}

function stopStallProbe(): number {
  const probe = (window as unknown as { stallProbe: { longest: number; timer: number } })
    .stallProbe;
  clearInterval(probe.timer);
  return Math.round(probe.longest);
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-done').waitFor({ timeout: 300_000 });
  const done = await page.getByTestId('import-done').textContent();
  if (!done?.startsWith('Import finished')) throw new Error(`import said: ${done}`);
}

async function exportFile(page: Page, testId: string, file: string): Promise<void> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId(testId).click(),
  ]);
  await download.saveAs(file);
}

function sameBytes(exported: string, imported: string): void {
  const [a, b] = [readFileSync(exported, 'utf8'), readFileSync(imported, 'utf8')];
  if (a === b) return;

  const at = [...a].findIndex((char, index) => char !== b[index]);
  throw new Error(`the export differs from the imported file at ${at}: ${a.slice(at, at + 80)}`);
}

function figures(name: string, step: Step, seconds?: number, mb?: number): Figure[] {
  return [
    { name: `${name}: wait for the renderer to rest first`, value: step.settledSeconds, unit: 's' },
    {
      name: `${name}: time`,
      value: step.seconds,
      unit: 's',
      ...(seconds ? atMost(step.seconds, seconds, 's') : {}),
    },
    {
      name: `${name}: peak RSS, extension renderer`,
      value: step.rendererMb,
      unit: 'MB',
      ...(mb ? atMost(step.rendererMb, mb, 'MB') : {}),
    },
    { name: `${name}: RSS before, extension renderer`, value: step.rendererBeforeMb, unit: 'MB' },
    {
      name: `${name}: peak private memory, extension renderer`,
      value: step.privatePeakMb,
      unit: 'MB',
      ...(mb ? atMost(step.privatePeakMb, mb, 'MB') : {}),
    },
    { name: `${name}: private memory before`, value: step.privateBeforeMb, unit: 'MB' },
    { name: `${name}: peak RSS, IndexedDB storage service`, value: step.storageMb, unit: 'MB' },
    { name: `${name}: longest stall of the page`, value: step.stallMs, unit: 'ms' },
  ];
}

interface Bench {
  page: Page;
  pids: Pids;
  folder: string;
  /** Private memory of the renderer at rest, Your data page open. */
  restMb: number;
  /** The longest wait for the renderer to come back to rest before a step. */
  settleMs: number;
}

/** Import, export again (the same bytes), and export as xAPI, of `count` statements. */
async function roundTrip(bench: Bench, count: number): Promise<Figure[]> {
  const { page, folder } = bench;
  const backup = join(folder, 'backup.json');
  writeFileSync(backup, backupWithStatements(count));
  const label = `${count.toLocaleString('en')} statements`;

  const imported = await measure(bench, () => importFile(page, backup));
  const again = join(folder, 'again.json');
  const exported = await measure(bench, () => exportFile(page, 'export-backup', again));
  sameBytes(again, backup);
  const xapiFile = join(folder, 'xapi.json');
  const xapi = await measure(bench, () => exportFile(page, 'export-statements', xapiFile));

  return [
    ...figures(`backup import, ${label}`, imported, 5),
    ...figures(`backup export, ${label}`, exported, 3, 200),
    ...figures(`xAPI export, ${label}`, xapi, 3, 200),
  ];
}

/** A 50 MB backup imported while the page is watched for stalls (no target: it must not freeze). */
async function largeImport(bench: Bench): Promise<Figure[]> {
  const { page, folder } = bench;
  const large = join(folder, 'large.json');
  writeFileSync(large, backupWithStatements(300_000));
  const size = readFileSync(large).length / MB;

  const step = await measure(bench, () => importFile(page, large));
  return figures(`backup import, ${size.toFixed(0)} MB file`, step);
}

function atRest(pids: Pids): Figure[] {
  const { rssMb, privateMb } = sampleMemory(pids.renderer).stop();
  return [
    { name: 'extension renderer at rest, Your data page open: RSS', value: rssMb, unit: 'MB' },
    { name: 'extension renderer at rest: private memory', value: privateMb, unit: 'MB' },
  ];
}

/** `quick`: 10,000 statements and no 50 MB file, for a run that only checks it works. */
export async function recordBenchmarks(quick = false): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'inflow-records-bench-'));
  const profileDir = join(folder, 'profile');
  const server = await startDemoServer();
  const browser = await launchBrowser({
    extensionDir: EXTENSION_DIR,
    port: server.port,
    profileDir,
  });

  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('count-statements').waitFor();
    const pids = recordProcesses(profileDir);
    const rest = atRest(pids);
    // Quick runs (CI) wait less: a page that keeps its memory after an export is not
    // worth a minute of CI each time; full runs wait the garbage collection out.
    const bench = { page, pids, folder, restMb: rest[1]!.value, settleMs: quick ? 20_000 : 60_000 };

    const rows = [...rest, ...(await roundTrip(bench, quick ? 10_000 : 100_000))];
    return quick ? rows : [...rows, ...(await largeImport(bench))];
  } finally {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
