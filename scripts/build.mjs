// Bundle the CLI into one CommonJS file, dist/main.js, with esbuild. A cron tick starts a fresh
// process every time; what it costs beyond bare Node is mostly loading our code, so:
// - one file, not ~20 ES modules: ESM resolution and linking per file cost more than parsing
//   one 130 KB script (a quiet tick measured 35-37 ms as split ESM, 30 ms as one CJS file,
//   bare `node -e ''` 20-22 ms, on this 2-core machine);
// - CommonJS, so packages imported by lazily-loaded modules (saxes, yaml, cheerio, node-cron)
//   are require()d inside those modules' init functions, only when a tick needs them;
//   an ESM bundle would hoist them to the top and load them on every start.
// Packages stay external (loaded from node_modules). Node 20.20 require()s ESM-only packages.
import { build } from 'esbuild';
import { chmod, rm, writeFile } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outfile: 'dist/main.js',
  logLevel: 'warning',
});
// The package is "type": "module"; this makes dist/main.js CommonJS without renaming it.
await writeFile('dist/package.json', '{ "type": "commonjs" }\n');
await chmod('dist/main.js', 0o755);
