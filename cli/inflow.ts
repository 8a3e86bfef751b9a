/**
 * The admin's command line: `npm run --silent inflow -- <command>`.
 * Commands: validate, test, match, schema, keygen, sign, verify, policy. See README.md ›
 * "For admins" and docs/admin-guide.md.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { compileRules } from '@/rules/engine';
import { packJsonSchema } from '@/rules/json-schema';
import { oneLine } from '@/rules/problem';

import { isWebAddress, matchLines, matchPage } from './match';
import { formatOutcome, runPackTests } from './pack-tests';
import { checkPolicyFile, formatPolicyReport } from './policy-file';
import { PackFileError, problemsOf, readPacks } from './read-packs';
import {
  InputError,
  signPackFile,
  trustedKeysOf,
  verifyPackFile,
  writeSigningKeys,
} from './signing';

const usage = `usage: npm run --silent inflow -- <command>

Relative paths are read from the folder the command was typed in.

  validate <pack.json…>                 check packs; one line per problem
  test <pack.json…>                     run the packs' embedded tests
  match --url URL [--title T] [--html FILE] [--pack FILE…]
                                        what Inflow sees on one page (JSON)
  match --urls FILE.jsonl [--pack FILE…]
                                        one JSON line per input line
  schema                                print the pack format's JSON Schema
  keygen --out FILE [--force]           new signing key: the private key to FILE,
                                        the public key as the last line
  sign --key FILE --out SIGNED PACK     write PACK, signed, to SIGNED
  verify --trusted-key KEY… PACK        exit 0 when a trusted key signed PACK intact;
                                        KEY is a public key or a file holding one
  policy FILE                           what Chrome, Edge, Firefox and Inflow make of
                                        a policy file; exit 1 when a value is lost`;

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
    const onePage = values.url ?? values.title ?? values.html;
    if (values.urls && onePage !== undefined) {
      return fail('match takes --urls FILE.jsonl, or --url URL with --title and --html, not both');
    }
    const rules = compileRules(await readPacks(values.pack ?? []));

    if (values.urls) {
      for await (const line of matchLines(rules, values.urls)) process.stdout.write(`${line}\n`);
      return 0;
    }
    if (!values.url) return fail('match needs --url URL or --urls FILE.jsonl');
    if (!isWebAddress(values.url)) {
      throw new InputError(`--url: expected an http or https address, found "${values.url}"`);
    }
    const options = { url: values.url, title: values.title, htmlFile: values.html };
    process.stdout.write(`${await matchPage(rules, options)}\n`);
    return 0;
  },

  async schema() {
    process.stdout.write(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
    return 0;
  },

  async keygen(args) {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string' }, force: { type: 'boolean' } },
    });
    if (!values.out) return fail('keygen needs --out FILE, the file for the private key');

    const publicKey = await writeSigningKeys(values.out, values.force ?? false);
    process.stdout.write(
      `Wrote the private key to ${values.out}, readable only by you. Keep it secret:\n` +
        'whoever holds it can sign packs that your learners trust.\n' +
        'The public key, for the trustedKeys policy and verify --trusted-key:\n' +
        `${publicKey}\n`,
    );
    return 0;
  },

  async sign(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { key: { type: 'string' }, out: { type: 'string' } },
    });
    const [pack, ...extra] = positionals;
    if (!values.key || !values.out || !pack || extra.length > 0) {
      return fail('sign needs --key FILE --out SIGNED and one PACK');
    }

    const { signed, key } = await signPackFile(values.key, pack);
    await writeFile(values.out, `${JSON.stringify(signed, null, 2)}\n`);
    process.stdout.write(`Wrote ${values.out}: ${signed.id} ${signed.version}, signed by ${key}\n`);
    return 0;
  },

  async verify(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'trusted-key': { type: 'string', multiple: true } },
    });
    const [pack, ...extra] = positionals;
    const keyArguments = values['trusted-key'] ?? [];
    if (keyArguments.length === 0 || !pack || extra.length > 0) {
      return fail('verify needs --trusted-key KEY (once or more) and one PACK');
    }

    const trusted = (await Promise.all(keyArguments.map(trustedKeysOf))).flat();
    const check = await verifyPackFile(pack, trusted);
    if (!check.ok) throw new InputError(`${pack}: ${check.reason}`);
    process.stdout.write(`ok: signed by ${check.key}\n`);
    return 0;
  },

  async policy(files) {
    if (files.length !== 1) return fail('policy needs one FILE');

    const report = await checkPolicyFile(files[0]!);
    process.stdout.write(`${printable(formatPolicyReport(report))}\n`);
    return report.dropped.length === 0 && report.problems.length === 0 ? 0 : 1;
  },
};

function fail(message: string): number {
  process.stderr.write(`inflow: ${printable(message)}\n\n${usage}\n`);
  return 2;
}

// Messages quote what was typed or read: each of their lines is printed as one line.
function printable(message: string): string {
  return message.split('\n').map(oneLine).join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) return fail(name ? `unknown command "${name}"` : 'no command given');

  try {
    return await command(args);
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`inflow: ${printable(error.message)}\n`);
      return 1;
    }
    if (error instanceof PackFileError) process.stdout.write(`${printable(error.message)}\n`);
    else
      process.stderr.write(
        `inflow: ${printable(String(error instanceof Error ? error.message : error))}\n`,
      );
    return error instanceof PackFileError ? 1 : 2;
  }
}

// npm runs scripts from the project folder and keeps the admin's own in INIT_CWD:
// `inflow validate acme-crm.json` typed in docs/examples reads the file there. Only
// for `npm run inflow` itself: an outer npm script leaves its own INIT_CWD behind.
if (process.env.npm_lifecycle_event === 'inflow' && process.env.INIT_CWD) {
  process.chdir(process.env.INIT_CWD);
}
process.exitCode = await main(process.argv.slice(2));
