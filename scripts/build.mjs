// Compiles apps/, libs/ and contracts/ with swc into dist/, mirroring the source tree, so that
// `node dist/apps/<app>/src/main.js` runs. Type checking is tsc's job (`npm run typecheck`).
// Nothing but compiled .ts is written: no source file needs a companion asset today.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist');
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
  const out = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
  const { code, map } = await transformFile(file, {
    ...options,
    filename: file,
    sourceFileName: path.relative(path.dirname(out), file),
  });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, map ? `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n` : code);
  if (map) await writeFile(`${out}.map`, map);
}

const started = Date.now();
const options = await swcOptions();
const files = [];
for (const dir of sourceDirs) for await (const file of sources(path.join(root, dir))) files.push(file);
// A clean tree: a deleted source must not leave a stale module behind that still resolves.
await rm(outDir, { recursive: true, force: true });
const queue = [...files];
const workers = Array.from({ length: Math.max(2, os.availableParallelism()) }, async () => {
  for (let file; (file = queue.shift()); ) await compile(file, options);
});
await Promise.all(workers).catch((error) => {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
});
console.log(`built ${files.length} files into dist/ in ${Date.now() - started} ms`);
