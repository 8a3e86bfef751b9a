/** Runs the admin's command line as admins do, `npm run --silent inflow -- …`, in a new process. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');

export function inflow(...args: string[]): CommandResult {
  return inflowIn(root, ...args);
}

/** The command typed in another folder of the project. */
export function inflowIn(folder: string, ...args: string[]): CommandResult {
  const result = spawnSync('npm', ['run', '--silent', 'inflow', '--', ...args], {
    cwd: folder,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}
