// Bundles the server (and the contracts it imports as TypeScript) into dist/; npm packages stay external.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('.', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The CSAF import's worker thread lands next to the chunks, where csaf-pool.ts looks for it.
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts', 'csaf-worker': 'src/modules/vulnerabilities/csaf-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalise-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@suilian/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
console.log('server built into apps/server/dist');
