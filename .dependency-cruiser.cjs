/** Module boundaries (docs/ARCHITECTURE.md): modules meet only through index.ts; platform knows no module. */
module.exports = {
  forbidden: [
    {
      name: 'modules-only-through-index',
      comment: 'A module imports another module only through its index.ts.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/([^/]+)/',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/index\\.ts$', '\\.table\\.ts$'],
      },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'Cross-cutting code must not depend on a domain module.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'contracts-stay-pure',
      comment: 'packages/contracts is shared with the browser: no Node built-ins, no server code.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: ['^apps/', '^node:', '^(fs|path|crypto|os|child_process)$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    exclude: { path: ['\\.test\\.ts$', '/test/'] },
  },
};
