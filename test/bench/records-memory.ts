/**
 * Peak resident memory of Chromium's processes, read from Linux: VmHWM in
 * /proc/<pid>/status is the process's peak RSS, and writing 5 to
 * /proc/<pid>/clear_refs resets it, so each step gets a peak of its own. RSS counts
 * the pages of Chromium's own code that the process touched (RssFile); RssAnon,
 * sampled, is the memory the process itself allocated.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

interface Process {
  pid: number;
  args: string[];
}

function processes(): Process[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // Chromium rewrites its children's command lines into one string with spaces.
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
        return [{ pid: Number(pid), args }];
      } catch {
        return []; // gone between the listing and the read
      }
    });
}

/**
 * The extension's renderer (page, import worker, service worker) and the storage
 * service (IndexedDB) of the Chromium whose profile is `profileDir`.
 */
export function recordProcesses(profileDir: string): { renderer: number; storage: number } {
  // Chromium's zygote forks twice, so renderers are not children of the browser
  // process; every process of this browser carries its profile folder instead.
  const family = processes().filter((each) => each.args.includes(`--user-data-dir=${profileDir}`));
  const renderer = family.find((each) => each.args.includes('--extension-process'));
  const storage = family.find((each) =>
    each.args.includes('--utility-sub-type=storage.mojom.StorageService'),
  );
  if (!renderer || !storage) {
    throw new Error(`no extension renderer or storage service for the profile ${profileDir}`);
  }
  return { renderer: renderer.pid, storage: storage.pid };
}

export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function statusMb(pid: number, field: 'VmRSS' | 'RssAnon' | 'VmHWM'): number {
  const line = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  if (!line) throw new Error(`no ${field} for process ${pid}`);
  return Number(line[1]) / 1024;
}

/** Private (anonymous) resident memory now, in MB: the process's own data, no shared code. */
export function privateMb(pid: number): number {
  return statusMb(pid, 'RssAnon');
}

/** Resident memory now, in MB: private memory and the code and shared pages touched. */
export function residentMb(pid: number): number {
  return statusMb(pid, 'VmRSS');
}

export interface MemoryPeaks {
  /** The highest of VmHWM and every VmRSS sample (Linux updates VmHWM lazily). */
  rssMb: number;
  privateMb: number;
}

/** Samples the process every 5 ms; `stop()` gives the highest values seen. */
export function sampleMemory(pid: number): { stop: () => MemoryPeaks } {
  const peaks = { rssMb: 0, privateMb: 0 };
  const sample = () => {
    peaks.rssMb = Math.max(peaks.rssMb, statusMb(pid, 'VmRSS'));
    peaks.privateMb = Math.max(peaks.privateMb, statusMb(pid, 'RssAnon'));
  };
  sample();
  const timer = setInterval(sample, 5);

  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { ...peaks, rssMb: Math.max(peaks.rssMb, statusMb(pid, 'VmHWM')) };
    },
  };
}

/**
 * Waits until the process's private memory is back within `slackMb` of `restMb`,
 * for at most `timeoutMs`; returns the seconds waited. Chromium keeps a terminated
 * worker's memory until the page's next full garbage collection (about 20 s later
 * when the page is idle), so a step right after an import would otherwise count the
 * import's leftovers as its own.
 */
export async function settle(pid: number, restMb: number, slackMb = 10, timeoutMs = 60_000) {
  const start = Date.now();
  while (privateMb(pid) > restMb + slackMb && Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (Date.now() - start) / 1000;
}
