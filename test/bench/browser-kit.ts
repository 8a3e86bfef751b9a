/**
 * What the browser benchmarks share: a demo server and a real headless Chromium,
 * with or without an extension, closed whatever happens.
 */
import {
  launchBrowser,
  startDemoServer,
  type BrowserSession,
  type ExtensionSession,
} from '../browser/harness';

/** Runs `use` with a browser that has the extension in `extensionDir` loaded. */
export async function withExtension<T>(
  extensionDir: string,
  use: (browser: ExtensionSession) => Promise<T>,
): Promise<T> {
  const server = await startDemoServer();
  try {
    const browser = await launchBrowser({ extensionDir, port: server.port });
    try {
      return await use(browser);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/** Runs `use` with a browser that has no extension: the baseline. */
export async function withoutExtension<T>(
  use: (browser: BrowserSession) => Promise<T>,
): Promise<T> {
  const server = await startDemoServer();
  try {
    const browser = await launchBrowser({ port: server.port });
    try {
      return await use(browser);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Calls `read` every 5 ms until it gives a value, or fails after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await read();
    if (value !== undefined) return value;
    await sleep(5);
  }
  throw new Error(`nothing within ${timeoutMs} ms`);
}
