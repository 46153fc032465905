/** Module boundaries (docs/ARCHITECTURE.md): server modules meet only through index.ts, platform knows no module; web modules meet through hooks.ts/index.ts, shared/ and api/ know no module. */
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
      name: 'web-api-knows-no-console',
      comment: 'apps/web/src/api is the HTTP/auth client: it imports contracts only, nothing of the console.',
      severity: 'error',
      from: { path: '^apps/web/src/api/' },
      to: { path: '^apps/web/src/', pathNot: '^apps/web/src/api/' },
    },
    {
      name: 'web-session-knows-no-console',
      comment: 'apps/web/src/session (auth, CSRF, query client, locale) sits beside api/: no module, shell or shared file.',
      severity: 'error',
      from: { path: '^apps/web/src/session/' },
      to: { path: ['^apps/web/src/modules/', '^apps/web/src/app/', '^apps/web/src/shared/'] },
    },
    {
      name: 'web-shared-knows-no-module',
      comment: 'apps/web/src/shared serves every module: it imports no module and no app/ shell file.',
      severity: 'error',
      from: { path: '^apps/web/src/shared/' },
      to: { path: ['^apps/web/src/modules/', '^apps/web/src/app/'] },
    },
    {
      name: 'web-modules-only-through-hooks-or-index',
      comment: "A web module imports another module only through that module's hooks.ts or index.ts.",
      severity: 'error',
      from: { path: '^apps/web/src/modules/([^/]+)/' },
      to: {
        path: '^apps/web/src/modules/([^/]+)/',
        pathNot: ['^apps/web/src/modules/$1/', '^apps/web/src/modules/[^/]+/(hooks|index)\\.tsx?$'],
      },
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
    exclude: { path: ['\\.test\\.tsx?$', '/test/'] },
  },
};
