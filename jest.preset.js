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
      // Contract suites and test doubles a library offers its users' tests: `@mallbots/<lib>/testing`.
      '^@mallbots/([a-z-]+)/testing$': join(root, 'libs/$1/src/testing.ts'),
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
    testTimeout: 30_000,
    ...overrides,
  };
}
