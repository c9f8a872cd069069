import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** Bundles the tabs (React, Fluent UI, teams-js, Chart.js) into dist/web – part of `npm run build`. */
const ROOT = resolve(__dirname, '..');
const WEB = join(ROOT, 'src', 'tabs', 'web');
const OUT = join(ROOT, 'dist', 'web');

async function main() {
  mkdirSync(join(OUT, 'assets'), { recursive: true });
  await build({
    entryPoints: [join(WEB, 'main.tsx')],
    outfile: join(OUT, 'assets', 'app.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    legalComments: 'none',
  });
  copyFileSync(join(WEB, 'index.html'), join(OUT, 'index.html'));
  copyFileSync(join(WEB, 'tabs.css'), join(OUT, 'assets', 'tabs.css'));
}

main().catch((err: unknown) => {
  process.stderr.write(`tabs build failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
