// Bundles the console into dist/ (index.html, app.js, app.css, config.json) and prints the
// gzipped size of what a browser downloads; fails above the 150 KB budget.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = new URL('./dist/', import.meta.url);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
await build({
  entryPoints: { app: 'src/main.tsx' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: 'dist',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync(new URL('./src/index.html', import.meta.url), new URL('index.html', dist));
// Same origin as the page; the CDK deployment writes its own with the API's addresses.
writeFileSync(new URL('config.json', dist), JSON.stringify({ apiUrl: '', webSocketUrl: '' }) + '\n');

const shipped = ['index.html', 'app.js', 'app.css'];
let total = 0;
for (const file of shipped) {
  const gzipped = gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
  total += gzipped;
  console.log(`  ${file.padEnd(12)} ${(gzipped / 1024).toFixed(1).padStart(6)} KB gzipped`);
}
console.log(`console bundle: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
if (total > BUDGET_BYTES) {
  console.error('the console is over its size budget');
  process.exit(1);
}
