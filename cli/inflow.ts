/**
 * The admin's command line: `npm run --silent inflow -- <command>`.
 * Commands: validate, test, match, schema. See README.md › "For admins".
 */
import { parseArgs } from 'node:util';

import { compileRules } from '@/rules/engine';
import { packJsonSchema } from '@/rules/json-schema';

import { matchLines, matchPage } from './match';
import { formatOutcome, runPackTests } from './pack-tests';
import { PackFileError, problemsOf, readPacks } from './read-packs';

const usage = `usage: npm run --silent inflow -- <command>

  validate <pack.json…>                 check packs; one line per problem
  test <pack.json…>                     run the packs' embedded tests
  match --url URL [--title T] [--html FILE] [--pack FILE…]
                                        what Inflow sees on one page (JSON)
  match --urls FILE.jsonl [--pack FILE…]
                                        one JSON line per input line
  schema                                print the pack format's JSON Schema`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  async validate(files) {
    if (files.length === 0) return fail('validate needs at least one pack file');
    const lines = (await Promise.all(files.map(problemsOf))).flatMap((result) => result.lines);
    for (const line of lines) process.stdout.write(`${line}\n`);
    return lines.length === 0 ? 0 : 1;
  },

  async test(files) {
    const packs = await readPacks(files);
    const outcomes = runPackTests(packs, compileRules(packs));
    for (const outcome of outcomes) process.stdout.write(`${formatOutcome(outcome)}\n`);

    const failed = outcomes.filter((outcome) => !outcome.passed).length;
    process.stdout.write(`${outcomes.length - failed} passed, ${failed} failed\n`);
    return failed === 0 ? 0 : 1;
  },

  async match(args) {
    const { values } = parseArgs({
      args,
      options: {
        url: { type: 'string' },
        urls: { type: 'string' },
        title: { type: 'string' },
        html: { type: 'string' },
        pack: { type: 'string', multiple: true },
      },
    });
    const rules = compileRules(await readPacks(values.pack ?? []));

    if (values.urls) {
      for await (const line of matchLines(rules, values.urls)) process.stdout.write(`${line}\n`);
      return 0;
    }
    if (!values.url) return fail('match needs --url URL or --urls FILE.jsonl');
    const options = { url: values.url, title: values.title, htmlFile: values.html };
    process.stdout.write(`${await matchPage(rules, options)}\n`);
    return 0;
  },

  async schema() {
    process.stdout.write(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
    return 0;
  },
};

function fail(message: string): number {
  process.stderr.write(`inflow: ${message}\n\n${usage}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) return fail(name ? `unknown command "${name}"` : 'no command given');

  try {
    return await command(args);
  } catch (error) {
    if (error instanceof PackFileError) process.stdout.write(`${error.message}\n`);
    else process.stderr.write(`inflow: ${error instanceof Error ? error.message : error}\n`);
    return error instanceof PackFileError ? 1 : 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
