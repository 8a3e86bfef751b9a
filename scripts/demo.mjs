#!/usr/bin/env node
// Inflow demo: build the extension, serve demo copies of real tool pages at their
// real addresses, open a Salesforce opportunity in Chromium with the extension
// loaded, and show what the side panel lists for it.
//
// Headless (no DISPLAY): prints the detected context, the lessons and the badge,
// saves screenshots in demo-output/, and exits. With a DISPLAY: the same, then the
// browser stays open until Ctrl-C.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT_DIR = join(ROOT, 'demo-output');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const LESSON_TIMEOUT_MS = 15_000;

const LESSON = '[data-testid="lesson"]';
const CONTEXT = '[data-testid="context"]';

/** A failure the user can act on: printed as is, without a stack trace. */
class DemoError extends Error {}

function say(message) {
  process.stdout.write(`inflow demo: ${message}\n`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.error) throw new DemoError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new DemoError(`${command} ${args.join(' ')} failed`);
}

// ---------------------------------------------------------------------------
// Steps

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (existsSync(path)) return;

  if (process.env.CHROMIUM_PATH) {
    throw new DemoError(`CHROMIUM_PATH is ${path}, but there is no such file.`);
  }

  if (process.getuid?.() !== 0) {
    throw new DemoError(
      'Chromium is not installed. Install it with\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }

  say('Chromium is missing; installing it with apt-get (about a minute)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], env);
  run('apt-get', ['install', '-y', 'chromium'], env);
  if (!existsSync(path)) throw new DemoError(`apt-get finished, but ${path} is still missing`);
}

function buildExtension() {
  say('building the Chrome extension (npx wxt build)');
  run('npx', ['wxt', 'build']);
}

async function openDemo(harness, session) {
  const started = Date.now();
  const page = await session.openPage(harness.DEMO_URLS.opportunity);
  say(`opened ${page.url()} (${seconds(started)})`);

  const tabId = await session.tabIdOf(page);
  const panel = await session.openSidePanel(tabId);
  say(`opened the side panel for tab ${tabId}: ${panel.url()}`);
  return { page, panel, tabId };
}

async function waitForLessons(page, panel) {
  const started = Date.now();
  try {
    await panel.locator(LESSON).first().waitFor({ timeout: LESSON_TIMEOUT_MS });
  } catch {
    // Screenshots of the failure say more than the timeout does.
    await saveScreenshots(page, panel);
    throw new DemoError(`the side panel showed no lessons within ${LESSON_TIMEOUT_MS / 1000} s`);
  }

  say(`the side panel listed lessons after ${seconds(started)}`);
}

async function saveScreenshots(page, panel) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUTPUT_DIR, 'salesforce-opportunity.png') });
  await panel.screenshot({ path: join(OUTPUT_DIR, 'side-panel.png') });
  say('saved demo-output/salesforce-opportunity.png and demo-output/side-panel.png');
}

async function report(session, panel, tabId) {
  const context = panel.locator(CONTEXT).first();
  const contextText = (await context.count()) ? await context.innerText() : '(no context line)';
  const [heading, ...details] = contextText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  say(`context: ${heading}`);
  details.forEach((line) => process.stdout.write(`  ${line}\n`));

  const lessons = await panel.locator(LESSON).evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('[data-testid="lesson-title"]')?.textContent?.trim() ?? '',
      why: item.querySelector('[data-testid="lesson-why"]')?.textContent?.trim() ?? '',
    })),
  );
  say(`${lessons.length} lesson(s):`);
  lessons.forEach(({ title, why }, index) => {
    process.stdout.write(`  ${index + 1}. ${title || '(untitled)'}\n     why: ${why || '-'}\n`);
  });

  const badge = await session.badgeText(tabId);
  say(`badge on the tab: ${badge ? `"${badge}"` : '(empty)'}`);
}

function untilClosed(session) {
  say('the browser stays open; press Ctrl-C here (or close the window) to end the demo');
  return new Promise((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    session.context.once('close', done);
  });
}

// ---------------------------------------------------------------------------
// Main: every step that starts something pushes its stop onto `stops`.

async function demo(stops) {
  ensureChromium();
  buildExtension();
  const harness = await tsImport('../test/browser/harness.ts', import.meta.url);

  const server = await harness.startDemoServer();
  stops.push(() => server.close());
  say(`demo sites served on 127.0.0.1:${server.port} (${harness.DEMO_HOSTS.join(', ')})`);

  const headless = !process.env.DISPLAY;
  const started = Date.now();
  const session = await harness.launchBrowser({
    extensionDir: harness.EXTENSION_DIR,
    port: server.port,
    headless,
  });
  stops.push(() => session.close());
  say(
    `Chromium ${headless ? 'headless' : 'on your display'}, extension ${session.extensionId} ` +
      `(${seconds(started)})`,
  );

  const { page, panel, tabId } = await openDemo(harness, session);
  await waitForLessons(page, panel);
  await saveScreenshots(page, panel);
  await report(session, panel, tabId);
  if (!headless) await untilClosed(session);
}

async function main() {
  const stops = [];
  let code = 0;
  try {
    await demo(stops);
    say('done');
  } catch (error) {
    const message = error instanceof DemoError ? error.message : (error?.stack ?? String(error));
    process.stderr.write(`inflow demo: ${message}\n`);
    code = 1;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }

  // Exit explicitly: a stray handle (a keep-alive socket, a timer) must not keep
  // the demo hanging after it has reported.
  process.exit(code);
}

await main();
