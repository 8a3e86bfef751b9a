/** The labelled example URLs of ../shared/corpus, read once for table-driven tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CorpusLine {
  url: string;
  tool: string | null;
  context: string;
  note?: string;
}

const corpusFile = resolve(import.meta.dirname, '../../shared/corpus/urls.jsonl');

export function readCorpus(): CorpusLine[] {
  return readFileSync(corpusFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusLine);
}
