/**
 * Cost on a busy page: 20,000 nodes changed 5,000 times a second.
 *
 * One browser with the extension shows two windows side by side, each page in its own
 * renderer: the busy page on a host a fixture pack covers, where the content script
 * runs and watches the DOM (the pack reads a selector there: the worst case), and the
 * same page on a host no pack covers, where nothing of the extension runs. Both churn
 * at the same moment, a second at a time, and swap windows half-way, so the shared
 * machine's changing speed falls on both alike. Main-thread time is the page's
 * TaskDuration in thread ticks (CPU time, not wall time) from the DevTools protocol,
 * per change made. The figure is the median of the rounds' differences, with its 95 %
 * interval from order statistics.
 *
 * Earlier this ran the page in a browser with the extension and then in one without:
 * the difference moved between −16 % and +35 % from run to run, because the machine's
 * speed changes more between two runs than the content script costs.
 *
 * The CPU profile attributes time directly: self time in the extension's own functions.
 * It misses what the script makes the page pay inside the page's own DOM calls (a
 * MutationObserver's change records), which the side-by-side rounds include.
 */
import type { Page } from 'playwright-core';

import { buildFixtureExtension } from '../browser/fixture-extension';
import type { ExtensionSession } from '../browser/harness';
import { sleep, withExtension } from './browser-kit';
import { atMost, type Figure } from './report';

const COVERED_URL = 'https://crm.inflow-fixture.example/churn';
const UNCOVERED_URL = 'https://crm.uncovered-fixture.example/churn';
const ROUND_MS = 1000;
/** The rate test/fixtures/pages/fixture-crm/churn.js changes its page at. */
const PER_SECOND = 5000;

interface Churn {
  churn(ms: number): Promise<number>;
  countNodes(): number;
}

/** Main-thread CPU time per 1,000 changes, in ms: in all, and running JavaScript. */
interface Cost {
  task: number;
  script: number;
}

interface ChurnWindow {
  page: Page;
  show(url: string): Promise<void>;
  churn(ms: number): Promise<Cost>;
}

/** A window of its own (not a background tab, which Chromium does not draw). */
async function openWindow(browser: ExtensionSession, opener: Page): Promise<ChurnWindow> {
  const opened = browser.context.waitForEvent('page');
  // noopener: a window in a browsing context group of its own, so a renderer of its own.
  await opener.evaluate(() => window.open('about:blank', '_blank', 'noopener,popup'));
  const page = await opened;
  await page.setViewportSize({ width: 1280, height: 800 });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpuMs = async (): Promise<Cost> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value;
    return {
      task: (seconds('TaskDuration') ?? NaN) * 1000,
      script: (seconds('ScriptDuration') ?? NaN) * 1000,
    };
  };

  return {
    page,
    show: async (url) => {
      await page.goto(url);
      await sleep(1000); // the first report and any start-up work settle
    },
    churn: async (ms) => {
      const before = await cpuMs();
      const changes = await page.evaluate((time) => (window as unknown as Churn).churn(time), ms);
      const after = await cpuMs();
      const thousands = changes / 1000;
      return {
        task: (after.task - before.task) / thousands,
        script: (after.script - before.script) / thousands,
      };
    },
  };
}

/**
 * Both windows churn at once, `rounds` times. Returns each round's extra main-thread
 * time on the covered page, and its extra JavaScript time, in % of the uncovered
 * page's main-thread time; each list sorted.
 */
async function sideBySide(windows: ChurnWindow[], rounds: number) {
  const extraTask: number[] = [];
  const extraScript: number[] = [];
  for (const [covered, uncovered] of [windows, [...windows].reverse()]) {
    await Promise.all([covered!.show(COVERED_URL), uncovered!.show(UNCOVERED_URL)]);
    for (let round = 0; round < rounds / 2; round++) {
      const [withScript, without] = await Promise.all([
        covered!.churn(ROUND_MS),
        uncovered!.churn(ROUND_MS),
      ]);
      extraTask.push(((withScript.task - without.task) / without.task) * 100);
      extraScript.push(((withScript.script - without.script) / without.task) * 100);
    }
  }
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  return { extraTask: sorted(extraTask), extraScript: sorted(extraScript) };
}

/** The median of sorted values and a distribution-free 95 % interval around it. */
function medianWithInterval(sorted: readonly number[]): {
  median: number;
  low: number;
  high: number;
} {
  const n = sorted.length;
  const reach = 0.98 * Math.sqrt(n); // 1.96 standard deviations of Binomial(n, ½), halved
  const at = (index: number) => sorted[Math.min(n - 1, Math.max(0, index))]!;
  return {
    median: n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2,
    low: at(Math.floor(n / 2 - reach)),
    high: at(Math.ceil(n / 2 + reach) - 1),
  };
}

/**
 * Runs `run` under the V8 sampling profiler; returns the time spent in the extension's
 * code, with the browser functions it calls (querySelector, sendMessage), which the
 * profile lists as nodes of their own under the extension's frames.
 */
async function extensionMs(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();

  const inExtension = new Set<number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const mark = (id: number, inside: boolean) => {
    const node = byId.get(id)!;
    const here = inside || node.callFrame.url.startsWith('chrome-extension://');
    if (here) inExtension.add(id);
    for (const child of node.children ?? []) mark(child, here);
  };
  mark(profile.nodes[0]!.id, false);

  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  const micros = samples.reduce(
    (sum, node, i) => sum + (inExtension.has(node) ? (deltas[i + 1] ?? 0) : 0),
    0,
  );
  return micros / 1000;
}

/**
 * When the content script sent its reports while `run` ran, in ms by its own clock:
 * a wrapper around runtime.sendMessage, put in the content script's isolated world
 * through the DevTools protocol, notes each one as it leaves. A report sent again
 * because the worker did not answer in time is the same message, not a re-evaluation,
 * and is noted once.
 */
async function reportTimes(page: Page, run: () => Promise<unknown>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable'); // announces the worlds that already exist
  const script = worlds.find((world) => world.origin.startsWith('chrome-extension://'));
  if (!script) throw new Error(`no content script on ${page.url()}`);

  const inScript = async (expression: string) =>
    (await cdp.send('Runtime.evaluate', { contextId: script.id, expression, returnByValue: true }))
      .result.value as unknown;
  await inScript(`{
    const send = chrome.runtime.sendMessage.bind(chrome.runtime);
    const noted = new WeakSet();
    globalThis.reportTimes = [];
    chrome.runtime.sendMessage = (message, ...rest) => {
      if (message?.inflow === 'page.report' && !noted.has(message)) {
        noted.add(message);
        globalThis.reportTimes.push(performance.now());
      }
      return send(message, ...rest);
    };
  }`);

  await run();
  await sleep(500); // a re-read the last changes called for still counts
  const times = (await inScript('globalThis.reportTimes')) as number[];
  await cdp.detach();
  return times;
}

/** The most of `times` (sorted, ms) that fall within any one second. */
function mostInOneSecond(times: readonly number[]): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

export async function churnBenchmarks(quick: boolean): Promise<Figure[]> {
  const longMs = quick ? 3000 : 10_000;
  const rounds = quick ? 40 : 100;

  return withExtension(buildFixtureExtension(), async (browser) => {
    const opener = await browser.openPage('about:blank');
    const windows = [await openWindow(browser, opener), await openWindow(browser, opener)];
    const [first] = windows as [ChurnWindow];
    const churnLong = () =>
      first.page.evaluate((time) => (window as unknown as Churn).churn(time), longMs);

    // One long churn timing the re-evaluations, one profiled, one measured.
    await first.show(COVERED_URL);
    const reports = await reportTimes(first.page, churnLong);
    const scriptMs = await extensionMs(first.page, churnLong);
    const pageMs = ((await first.churn(longMs)).task * longMs * PER_SECOND) / 1e6;
    const nodes = await first.page.evaluate(() => (window as unknown as Churn).countNodes());

    const { extraTask, extraScript } = await sideBySide(windows, rounds);
    const task = medianWithInterval(extraTask);
    const script = medianWithInterval(extraScript);
    const share = (scriptMs / pageMs) * 100;
    const perSecond = mostInOneSecond(reports);
    const busyPage = `${nodes.toLocaleString('en')} nodes, ${PER_SECOND.toLocaleString('en')} changes/s`;
    const sideBySideRounds = `side by side, median of ${rounds} × 1 s`;
    return [
      {
        name: `busy page (${busyPage}): main thread over ${longMs / 1000} s`,
        value: pageMs,
        unit: 'ms',
      },
      {
        name: `content script's extra main-thread time, ${sideBySideRounds} (${interval(task)})`,
        value: task.median,
        unit: '%',
        ...atMost(task.median, 2, '%'),
      },
      {
        name: `… of which JavaScript, ${sideBySideRounds} (${interval(script)})`,
        value: script.median,
        unit: '%',
        ...atMost(script.median, 2, '%'),
      },
      { name: 'content script and the calls it makes (CPU profile)', value: scriptMs, unit: 'ms' },
      {
        name: 'content script and its calls, share of the page’s main thread',
        value: share,
        unit: '%',
        ...atMost(share, 2, '%'),
      },
      {
        name: `content script re-evaluations, most in any second (${reports.length} in all)`,
        value: perSecond,
        unit: '/s',
        ...atMost(perSecond, 4, '/s'),
      },
    ];
  });
}

function interval({ low, high }: { low: number; high: number }): string {
  return `95 % interval ${low.toFixed(2)} to ${high.toFixed(2)} %`;
}
