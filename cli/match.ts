/** `match --url` and `match --urls`: what the engine says about pages. */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

import type { Detection, Rules } from '@/rules/engine';

import { signalsFromHtml } from './html-signals';
import { readFailure } from './read-text';
import { InputError } from './signing';

export interface MatchInput {
  url: string;
  title?: string;
  html?: string;
}

/** The JSON object printed for one page. */
export function describeMatch(url: string, detection: Detection | null) {
  if (!detection) {
    return {
      url,
      tool: null,
      context: null,
      confidence: 0,
      modules: [],
      why: 'no pack knows this page',
    };
  }
  return {
    url,
    tool: detection.tool,
    context: detection.context,
    confidence: detection.confidence,
    pack: detection.pack,
    modules: detection.lessons.map((lesson) => ({
      pack: lesson.pack,
      id: lesson.module,
      title: lesson.title,
      minutes: lesson.minutes,
    })),
    why: detection.why,
    evidence: detection.evidence,
  };
}

/** Whether `text` is an address Inflow can meet in a tab: http or https. */
export function isWebAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Saved pages larger than this are refused: parsing them would take seconds and gigabytes. */
const MAX_HTML_BYTES = 2 * 1024 * 1024;

export async function matchOne(rules: Rules, input: MatchInput): Promise<Detection | null> {
  if (input.html !== undefined && input.html.length > MAX_HTML_BYTES) {
    throw new Error('the saved page is larger than 2 MB');
  }
  const signals =
    input.html === undefined
      ? { url: input.url, title: input.title }
      : await signalsFromHtml(rules, input.url, input.html, input.title);
  return rules.match(signals);
}

export async function matchPage(
  rules: Rules,
  options: { url: string; title?: string; htmlFile?: string },
): Promise<string> {
  const html = options.htmlFile ? await readSavedPage(options.htmlFile) : undefined;
  const detection = await matchOne(rules, { url: options.url, title: options.title, html });
  return JSON.stringify(describeMatch(options.url, detection), null, 2);
}

async function readSavedPage(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`--html ${file}: ${readFailure(error)}`);
  }
}

/**
 * One output line per input line, in order; a bad line gets an `error`, never a gap.
 * Lines end at "\n" only (a "\r" before it is dropped), as `wc -l` counts them: a
 * lone "\r" is JSON whitespace, not a line break.
 */
export async function* matchLines(rules: Rules, file: string): AsyncGenerator<string> {
  let pending = '';
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) {
      yield JSON.stringify(await safeMatchLine(rules, first ? withoutBom(part) : part));
      first = false;
    }
  }
  if (pending !== '')
    yield JSON.stringify(await safeMatchLine(rules, first ? withoutBom(pending) : pending));
}

function withoutBom(line: string): string {
  return line.startsWith('\ufeff') ? line.slice(1) : line;
}

async function safeMatchLine(rules: Rules, line: string) {
  try {
    return await matchLine(rules, line.endsWith('\r') ? line.slice(0, -1) : line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { url: null, tool: null, context: null, confidence: 0, error: reason };
  }
}

async function matchLine(rules: Rules, line: string) {
  let input: MatchInput | undefined;
  try {
    input = JSON.parse(line) as MatchInput;
    if (typeof input?.url !== 'string') throw new Error('a "url" string is required');
    for (const key of ['title', 'html'] as const) {
      if (input[key] !== undefined && typeof input[key] !== 'string') {
        throw new Error(`"${key}" must be a string`);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const url = typeof input?.url === 'string' ? input.url : null;
    return {
      url,
      tool: null,
      context: null,
      confidence: 0,
      error: `not a JSON line with a url: ${reason}`,
    };
  }

  if (!isWebAddress(input.url)) {
    const error = `expected an http or https address, found ${JSON.stringify(input.url)}`;
    return { url: input.url, tool: null, context: null, confidence: 0, error };
  }

  const detection = await matchOne(rules, input);
  return {
    url: input.url,
    tool: detection?.tool ?? null,
    context: detection?.context ?? null,
    confidence: detection?.confidence ?? 0,
  };
}
