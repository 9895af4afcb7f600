// Compiles apps/, libs/ and contracts/ with swc into dist/, mirroring the source tree, so that
// `node dist/apps/<app>/src/main.js` runs. Type checking is tsc's job (`npm run typecheck`).
// Nothing but compiled .ts is written: no source file needs a companion asset today.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist');
// Built beside dist/ and swapped in at the end: apps running from dist/ (npm start in another
// terminal) never see a half-written tree, and a deleted source leaves no stale module behind.
// The staging tree lives under node_modules/.cache (ignored by git, same filesystem for rename).
const stagingDir = path.join(root, 'node_modules', '.cache', `dist-${process.pid}`);
const sourceDirs = ['apps', 'libs', 'contracts', 'bench'];

async function swcOptions() {
  const { $schema, ...options } = JSON.parse(await readFile(path.join(root, '.swcrc'), 'utf8'));
  // swc resolves `jsc.paths` only against an absolute base; the aliases become relative requires.
  return { ...options, swcrc: false, jsc: { ...options.jsc, baseUrl: root } };
}

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') yield* sources(full);
    else if (entry.isFile() && /\.ts$/.test(entry.name) && !/\.(d|spec)\.ts$/.test(entry.name)) yield full;
  }
}

async function compile(file, options) {
  const relative = path.relative(root, file).replace(/\.ts$/, '.js');
  const out = path.join(stagingDir, relative);
  const { code, map } = await transformFile(file, {
    ...options,
    filename: file,
    // Relative to where the file ends up, so stack traces point at the .ts source.
    sourceFileName: path.relative(path.dirname(path.join(outDir, relative)), file),
  });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, map ? `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n` : code);
  if (map) await writeFile(`${out}.map`, map);
}

const started = Date.now();
const options = await swcOptions();
const files = [];
for (const dir of sourceDirs) for await (const file of sources(path.join(root, dir))) files.push(file);
const queue = [...files];
const workers = Array.from({ length: Math.max(2, os.availableParallelism()) }, async () => {
  for (let file; (file = queue.shift()); ) await compile(file, options);
});
await Promise.all(workers).catch(async (error) => {
  await rm(stagingDir, { recursive: true, force: true });
  console.error(`build failed: ${error.message}`);
  process.exit(1);
});
const previous = `${stagingDir}-old`;
await rename(outDir, previous).catch((error) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
await rename(stagingDir, outDir);
await rm(previous, { recursive: true, force: true });
console.log(`built ${files.length} files into dist/ in ${Date.now() - started} ms`);
