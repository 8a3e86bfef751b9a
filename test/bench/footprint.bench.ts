/**
 * What the extension costs when nobody uses it: the content script's size gzipped
 * (from the production build in .output/chrome-mv3) and the extension's memory when
 * idle. Memory is the proportional set size (PSS, from /proc) of Chromium's extension
 * process, which runs the service worker, 10 s after start with one page of a known
 * tool open and no panel; Linux only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { DEMO_URLS, EXTENSION_DIR } from '../browser/harness';
import { sleep, withExtension } from './browser-kit';
import { atMost, type Figure } from './report';

const IDLE_MS = 10_000;

function contentScriptKb(): number {
  const file = join(EXTENSION_DIR, 'content-scripts/content.js');
  return gzipSync(readFileSync(file)).length / 1024;
}

interface Process {
  pid: string;
  ppid: string;
  args: string;
}

/** PSS in MB of this benchmark's own Chromium processes run with --extension-process. */
function extensionProcessMb(): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  const processes = lines.map((line): Process => {
    const [pid = '', ppid = '', ...args] = line.trim().split(/\s+/);
    return { pid, ppid, args: args.join(' ') };
  });
  const ours = descendants(processes, String(process.pid));
  const pids = processes
    .filter((each) => ours.has(each.pid) && each.args.includes('--extension-process'))
    .map((each) => each.pid);
  return pids.reduce((sum, pid) => sum + pssKb(pid), 0) / 1024;
}

// Other Chromium instances may run on the machine (parallel test runs): count only ours.
function descendants(processes: readonly Process[], root: string): Set<string> {
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const each of processes) {
      if (found.has(each.ppid) && !found.has(each.pid)) grew = found.add(each.pid).size > 0;
    }
  }
  return found;
}

function pssKb(pid: string): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0; // the process ended between ps and now
  }
}

export async function footprintBenchmarks(): Promise<Figure[]> {
  const size = contentScriptKb();
  const memory = await withExtension(EXTENSION_DIR, async (browser) => {
    await browser.openPage(DEMO_URLS.opportunity);
    await sleep(IDLE_MS);
    return extensionProcessMb();
  });

  return [
    { name: 'content script, gzipped', value: size, unit: 'kB', ...atMost(size, 6, 'kB') },
    { name: 'extension process memory (PSS), idle', value: memory, unit: 'MB' },
  ];
}
