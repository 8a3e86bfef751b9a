/**
 * The set-up most browser test files share: the demo server and Chromium with the
 * built extension, started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';

import {
  EXTENSION_DIR,
  launchBrowser,
  startDemoServer,
  type DemoServer,
  type ExtensionSession,
} from './harness';

export interface DemoBrowser {
  readonly server: DemoServer;
  readonly browser: ExtensionSession;
}

export function useDemoBrowser(): DemoBrowser {
  let server: DemoServer | undefined;
  let browser: ExtensionSession | undefined;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser({ extensionDir: EXTENSION_DIR, port: server.port });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      return server ?? fail('the demo server is not started yet');
    },
    get browser() {
      return browser ?? fail('the browser is not launched yet');
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}
