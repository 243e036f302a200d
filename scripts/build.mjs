// Bundle the CLI with esbuild into CommonJS files. A cron tick starts a fresh process every
// time; what it costs beyond bare Node is mostly loading our code, so:
// - bundles, not ~80 ES modules: ESM resolution and linking per file cost more than parsing
//   one script (a quiet tick measured 35-37 ms as split ESM, 30 ms as one CJS file, bare
//   `node -e ''` 20-22 ms, on this 2-core machine, when the whole CLI was 130 KB);
// - two of them: at 340 KB the whole CLI takes ~11 ms just to load, so dist/main.js is a
//   41 KB bundle that answers a quiet `kliping run` and loads dist/cli.js for anything else;
// - CommonJS, so packages imported by lazily-loaded modules (saxes, yaml, cheerio, node-cron)
//   are require()d inside those modules' init functions, only when a tick needs them;
//   an ESM bundle would hoist them to the top and load them on every start.
// Packages stay external (loaded from node_modules). Node 20.20 require()s ESM-only packages.
import { build } from 'esbuild';
import { chmod, rm, writeFile } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' };
// dist/main.js answers a quiet `kliping run` from a small bundle and otherwise loads
// dist/cli.js, the whole CLI (src/quick.ts says why).
await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/quick.ts'], outfile: 'dist/main.js', logOverride: { 'unsupported-require-call': 'silent' } });
// The package is "type": "module"; this makes dist/main.js CommonJS without renaming it.
await writeFile('dist/package.json', '{ "type": "commonjs" }\n');
await chmod('dist/main.js', 0o755);
