// Shared Jest settings for every project. NestJS 12 is ESM-only, so the workspace is ESM and Jest runs in
// ESM mode (node --experimental-vm-modules, see tools/scripts/jest.sh). SWC strips types per file; type
// checking is the job of each project's `build` (tsc), which `npm test` runs too.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
const unitOnly = process.env.MALLBOTS_TEST_KIND === 'unit';

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/** @param {string} projectDir absolute directory of the project using the preset */
export function jestConfig(projectDir, overrides = {}) {
  return {
    rootDir: projectDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: { '^.+\\.ts$': ['@swc/jest', swc] },
    moduleNameMapper: {
      '^@mallbots/([a-z-]+)$': join(root, 'libs/$1/src/index.ts'),
      // Sub-entries of a library: `@mallbots/<lib>/testing` (contract suites and test doubles for its users'
      // tests) and light entries such as `@mallbots/tm/sql` (the SQL port without NestJS).
      '^@mallbots/([a-z-]+)/([a-z-]+)$': join(root, 'libs/$1/src/$2.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    // `test-unit` (MALLBOTS_TEST_KIND=unit) runs only *.spec.ts without infrastructure; `test` runs everything,
    // with integration tests (*.int.spec.ts) on the real PostgreSQL and NATS the global setup provides.
    ...(unitOnly
      ? { testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/'] }
      : {
          globalSetup: join(root, 'tools/testing/jest-global-setup.ts'),
          globalTeardown: join(root, 'tools/testing/jest-global-teardown.ts'),
        }),
    // nestjs-cls and @nestjs-cls/* are CommonJS and require() the ESM-only @nestjs/common and @nestjs/core; Jest
    // refuses such a require(esm) while a test file's graph is still being linked. Loading Nest first makes those
    // require() calls find evaluated modules. Plain Node (the services) needs nothing of the kind.
    setupFiles: [join(root, 'tools/testing/preload-nest.js')],
    testTimeout: 30_000,
    ...overrides,
  };
}
