// Prints the size of every script and page of each build, raw and gzipped, so that
// growth shows on every run. The content script runs inside host pages: its budget
// is 6 kB gzipped.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_BUDGET = 6 * 1024;
const builds = ['.output/chrome-mv3', '.output/firefox-mv2'].filter((dir) => existsSync(dir));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(js|html|css)$/.test(name)) yield path;
  }
}

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;

for (const build of builds) {
  console.log(`\nsizes: ${build}`);
  for (const path of files(build)) {
    const bytes = readFileSync(path);
    const gzipped = gzipSync(bytes).length;
    const name = relative(build, path);
    const flag =
      name.startsWith('content-scripts/') && gzipped > CONTENT_BUDGET ? '  OVER BUDGET' : '';
    console.log(
      `  ${name.padEnd(48)} ${kB(bytes.length).padStart(10)} ${kB(gzipped).padStart(10)} gz${flag}`,
    );
  }
}
