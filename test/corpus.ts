/** The labelled example URLs of ../shared/corpus, read once for table-driven tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CorpusLine {
  url: string;
  tool: string | null;
  context: string;
  note?: string;
}

const corpusDir = resolve(import.meta.dirname, '../../shared/corpus');
const corpusFile = resolve(corpusDir, 'urls.jsonl');

export function readCorpus(): CorpusLine[] {
  return readFileSync(corpusFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusLine);
}

/** The tool ids of CONTEXTS.md's table, in order. */
export function readContextsTable(): string[] {
  const table = readFileSync(resolve(corpusDir, 'CONTEXTS.md'), 'utf8');
  return [...table.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((row) => row[1]!);
}
