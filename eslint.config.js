// Lint rules for the whole workspace. Two architectural rules matter most:
// 1. @nx/enforce-module-boundaries: apps never import other apps; shared libs import only shared libs; a context
//    imports only its own scope and shared code (tags in each project.json: type:app|lib, scope:<ctx>|shared).
// 2. Domain code stays framework-free: nothing under apps/*/src/domain (or the domain building blocks in libs/ddd)
//    may import NestJS, TypeORM, pg, NATS or gRPC.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

// Exact package names (a pattern like 'pg-*' would also match a domain file's own './pg-helpers.js'), and the scopes.
const infrastructurePackages = ['typeorm', 'pg', 'pg-pool', 'pg-protocol', 'nestjs-cls', 'prom-client', '@opentelemetry/api'];
const infrastructureScopes = ['@nestjs/*', '@nats-io/*', '@grpc/*', '@nestjs-cls/*', '@opentelemetry/*'];
const domainMessage = 'Domain code is plain TypeScript: no framework or infrastructure imports (architecture §3, K01).';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', '**/generated/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
      // NestJS reads constructor and handler parameter types at run time (emitted decorator metadata): an import used
      // only in a decorated signature is a value import, and consistent-type-imports must know that.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    // Project sources only: config files at a project's root legitimately import the workspace's shared presets.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...['stores', 'customers', 'baskets', 'payments', 'ordering', 'depot', 'notifications', 'search', 'cosec'].map((ctx) => ({
              sourceTag: `scope:${ctx}`,
              onlyDependOnLibsWithTags: [`scope:${ctx}`, 'scope:shared'],
            })),
          ],
        },
      ],
    },
  },
  {
    // Tests may use loose typing in fakes and assertions.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['apps/*/src/domain/**/*.ts', 'libs/ddd/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: infrastructurePackages.map((name) => ({ name, message: domainMessage })),
          patterns: [{ group: infrastructureScopes, message: domainMessage }],
        },
      ],
    },
  },
  {
    // tools/ runs on Node's own TypeScript support (type stripping, no transform): syntax that needs code generated
    // for it — parameter properties, enums, namespaces — fails at run time with ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX.
    files: ['tools/**/*.ts'],
    rules: {
      '@typescript-eslint/parameter-properties': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'tools/ runs with type stripping: use a union of literals or an object.' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'tools/ runs with type stripping: no namespaces.' },
      ],
    },
  },
);
