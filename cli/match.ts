/** `match --url` and `match --urls`: what the engine says about pages. */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

import type { Detection, Rules } from '@/rules/engine';

import { signalsFromHtml } from './html-signals';

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

export async function matchOne(rules: Rules, input: MatchInput): Promise<Detection | null> {
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
  const html = options.htmlFile ? await readFile(options.htmlFile, 'utf8') : undefined;
  const detection = await matchOne(rules, { url: options.url, title: options.title, html });
  return JSON.stringify(describeMatch(options.url, detection), null, 2);
}

/** One output line per input line, in order; a bad line gets an `error`, never a gap. */
export async function* matchLines(rules: Rules, file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });

  for await (const line of lines) {
    yield JSON.stringify(await matchLine(rules, line));
  }
}

async function matchLine(rules: Rules, line: string) {
  let input: MatchInput;
  try {
    input = JSON.parse(line) as MatchInput;
    if (typeof input?.url !== 'string') throw new Error('a "url" string is required');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { url: null, tool: null, context: null, error: `not a JSON line with a url: ${reason}` };
  }

  const detection = await matchOne(rules, input);
  return {
    url: input.url,
    tool: detection?.tool ?? null,
    context: detection?.context ?? null,
    confidence: detection?.confidence ?? 0,
  };
}
