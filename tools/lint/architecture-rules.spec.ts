// Proves that eslint.config.js enforces the architecture, not just that it parses: virtual files are linted through
// ESLint's Node API with the workspace's real config, so removing or loosening a rule there fails these tests.
import { ESLint, type Linter } from 'eslint';
import { createProjectGraphAsync, type ProjectGraph, type ProjectGraphProjectNode } from '@nx/devkit';
import { createProjectRootMappings, readFileMapCache, TargetProjectLocator } from '@nx/devkit/internal';
import { workspaceRoot } from '../infra/infra.ts';

const BOUNDARIES = '@nx/enforce-module-boundaries';
const RESTRICTED = 'no-restricted-imports';

const eslint = new ESLint({ cwd: workspaceRoot });

/** Lints `code` as if it were the file at `filePath` (relative to the workspace root; the file need not exist). */
async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages;
}

/** Messages of one rule only: the snippets are not meant to satisfy every other rule. */
async function violations(ruleId: string, filePath: string, code: string): Promise<string[]> {
  return (await lint(filePath, code)).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

/** A module that imports `from` and uses it as a value, so no unused-import or type-import rule interferes. */
const importing = (from: string) => `import * as imported from '${from}';\nexport const used = imported;\n`;

let realGraph: ProjectGraph;

beforeAll(async () => {
  // @nx/enforce-module-boundaries reads the cached project graph (.nx/workspace-data) and silently skips itself
  // when there is none (fresh clone). Computing it first makes the rule run and see the current projects.
  realGraph = await createProjectGraphAsync({ exitOnError: false });
}, 60_000);

describe('domain code stays framework-free (no-restricted-imports)', () => {
  const infrastructure = ['@nestjs/common', 'typeorm', 'pg', 'pg-pool', '@nats-io/jetstream', '@grpc/grpc-js', 'prom-client'];

  it.each(infrastructure)('forbids %s under apps/*/src/domain', async (pkg) => {
    const messages = await violations(RESTRICTED, 'apps/stores/src/domain/store.ts', importing(pkg));
    expect(messages).toEqual([expect.stringContaining('Domain code is plain TypeScript')]);
  });

  it.each(infrastructure)('allows %s under apps/*/src/adapters', async (pkg) => {
    expect(await violations(RESTRICTED, 'apps/stores/src/adapters/store.repository.ts', importing(pkg))).toEqual([]);
  });

  it("allows the domain's own modules whose names merely resemble a package (./pg-helpers.js)", async () => {
    expect(await violations(RESTRICTED, 'apps/stores/src/domain/store.ts', importing('./pg-helpers.js'))).toEqual([]);
  });

  it('forbids NestJS in the domain building blocks of libs/ddd', async () => {
    const messages = await violations(RESTRICTED, 'libs/ddd/src/x.ts', importing('@nestjs/common'));
    expect(messages).toEqual([expect.stringContaining('Domain code is plain TypeScript')]);
  });
});

describe('module boundaries between the real projects (@nx/enforce-module-boundaries)', () => {
  it('allows a shared lib to import another shared lib through its package name', async () => {
    // es already depends on ddd, so this adds no cycle: any message here would be a boundary rule firing.
    expect(await violations(BOUNDARIES, 'libs/es/src/x.ts', importing('@mallbots/ddd'))).toEqual([]);
  });

  it('forbids reaching into another project by a relative path', async () => {
    const messages = await violations(BOUNDARIES, 'libs/ddd/src/x.ts', importing('../../es/src/index.js'));
    expect(messages).toEqual(['Projects cannot be imported by a relative or absolute path, and must begin with a npm scope']);
  });

  it('forbids a project importing itself through its own package name', async () => {
    const messages = await violations(BOUNDARIES, 'libs/ddd/src/x.ts', importing('@mallbots/ddd'));
    expect(messages).toEqual([expect.stringContaining('Projects should use relative imports')]);
  });

  it('forbids an import that closes a cycle between projects', async () => {
    // es -> ddd exists, so ddd -> es would make the libraries inseparable.
    const messages = await violations(BOUNDARIES, 'libs/ddd/src/x.ts', importing('@mallbots/es'));
    expect(messages).toEqual([expect.stringContaining('Circular dependency between "ddd" and "es"')]);
  });
});

// The tag constraints (apps never import apps; shared code never imports a bounded context; a context imports only
// itself and shared code) need projects tagged type:app and scope:<ctx>, and apps/ has none yet. The rule takes its
// project graph from globals it caches per process (reused as-is under Jest, see @nx/eslint-plugin
// project-graph-utils), so these tests hand it the real graph plus stand-in projects shaped like the ones the
// services will add. The constraints checked are still the real ones from eslint.config.js.
describe('tag constraints, with stand-in bounded-context projects (@nx/enforce-module-boundaries)', () => {
  const cached = ['projectGraph', 'projectRootMappings', 'projectFileMap', 'targetProjectLocator'] as const;
  type Cache = Record<(typeof cached)[number], unknown>;
  const globals = globalThis as unknown as Partial<Cache>;
  let saved: Partial<Cache>;

  function standIn(name: string, type: 'app' | 'lib', root: string, tags: string[]): ProjectGraphProjectNode {
    return {
      name,
      type,
      data: {
        root,
        sourceRoot: `${root}/src`,
        projectType: type === 'app' ? 'application' : 'library',
        tags,
        targets: {},
        // How Nx maps a workspace package to its project (as for the real libs): the import '@mallbots/<name>'.
        metadata: { js: { packageName: `@mallbots/${name}`, packageExports: { '.': './src/index.ts' }, isInPackageManagerWorkspaces: true } },
      },
    };
  }

  beforeAll(() => {
    saved = Object.fromEntries(cached.map((key) => [key, globals[key]]));
    const real = realGraph;
    const nodes = {
      ...real.nodes,
      stores: standIn('stores', 'app', 'apps/stores', ['type:app', 'scope:stores']),
      customers: standIn('customers', 'app', 'apps/customers', ['type:app', 'scope:customers']),
      'customers-api': standIn('customers-api', 'lib', 'libs/customers-api', ['type:lib', 'scope:customers']),
      'stores-model': standIn('stores-model', 'lib', 'libs/stores-model', ['type:lib', 'scope:stores']),
    };
    const graph: ProjectGraph = {
      ...real,
      nodes,
      dependencies: { ...real.dependencies, stores: [], customers: [], 'customers-api': [], 'stores-model': [] },
    };
    globals.projectGraph = graph;
    globals.projectRootMappings = createProjectRootMappings(nodes);
    globals.projectFileMap = { ...readFileMapCache()?.fileMap.projectFileMap, stores: [], customers: [], 'customers-api': [], 'stores-model': [] };
    globals.targetProjectLocator = new TargetProjectLocator(nodes, real.externalNodes);
  });

  afterAll(() => Object.assign(globals, saved));

  it('allows an app to import its own context and shared libs', async () => {
    expect(await violations(BOUNDARIES, 'apps/stores/src/main.ts', importing('@mallbots/stores-model'))).toEqual([]);
    expect(await violations(BOUNDARIES, 'apps/stores/src/main.ts', importing('@mallbots/ddd'))).toEqual([]);
  });

  it('forbids an app importing another app', async () => {
    expect(await violations(BOUNDARIES, 'apps/stores/src/main.ts', importing('@mallbots/customers'))).toEqual([
      'Imports of apps are forbidden',
    ]);
  });

  it("forbids an app importing another context's lib", async () => {
    expect(await violations(BOUNDARIES, 'apps/stores/src/main.ts', importing('@mallbots/customers-api'))).toEqual([
      'A project tagged with "scope:stores" can only depend on libs tagged with "scope:stores", "scope:shared"',
    ]);
  });

  it('forbids a shared lib importing a context-scoped lib', async () => {
    expect(await violations(BOUNDARIES, 'libs/ddd/src/x.ts', importing('@mallbots/customers-api'))).toEqual([
      'A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared"',
    ]);
  });
});
