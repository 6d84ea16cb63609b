// Generates TypeScript from proto/ with ts-proto (through buf, which ships protoc-compatible parsing and the
// well-known types). Generated code is committed (docs/adr/0003); `--check` regenerates into a temporary folder
// and fails when the committed files differ, so a .proto change without regeneration cannot land.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, mkdirSync, cpSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

// Where each proto package's TypeScript goes. One buf run per target (all of its protoPaths at once), so a
// well-known type imported by several packages (google/protobuf/timestamp) is generated once per outDir.
const targets: Array<{ protoPaths: string[]; outDir: string; options: string[] }> = [
  {
    protoPaths: ['mallbots/am/v1'],
    outDir: 'libs/am/src/generated',
    options: ['esModuleInterop=true', 'importSuffix=.js', 'useDate=true', 'env=node', 'outputJsonMethods=false', 'outputServices=false', 'outputPartialMethods=true', 'useOptionals=none'],
  },
  {
    // The contexts' public contracts (libs/contracts): gRPC APIs and integration messages, wire-compatible with
    // the reference (proto packages storespb, basketspb, …).
    protoPaths: ['stores/v1', 'baskets/v1', 'customers/v1', 'depot/v1', 'ordering/v1', 'payments/v1', 'notifications/v1', 'search/v1'],
    outDir: 'libs/contracts/src/generated',
    options: [
      // Controller/client interfaces and the `<Service>ControllerMethods` decorator for @nestjs/microservices.
      'nestJs=true',
      // nestJs=true turns encode/decode off, but integration messages travel over NATS as protobuf bytes.
      'outputEncodeMethods=true',
      'outputJsonMethods=false',
      // Controllers may return a value or a Promise; the Nest client interfaces return Observables regardless.
      'returnObservable=false',
      // Timestamps stay {seconds, nanos}: that is what @grpc/proto-loader hands Nest's gRPC handlers at run time,
      // so a Date type would lie (search's SearchOrdersRequest.Filters is the only user).
      'useDate=timestamp',
      'esModuleInterop=true',
      'importSuffix=.js',
      'env=node',
      'useOptionals=none',
    ],
  },
];

function generate(into: string): void {
  for (const t of targets) {
    const template = JSON.stringify({
      version: 'v2',
      plugins: [{ local: bin('protoc-gen-ts_proto'), out: join(into, t.outDir), opt: t.options }],
    });
    const paths = t.protoPaths.flatMap((p) => ['--path', join('proto', p)]);
    execFileSync(bin('buf'), ['generate', '--template', template, ...paths, 'proto'], { cwd: root, stdio: 'inherit' });
  }
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

if (process.argv.includes('--check')) {
  const tmp = mkdtempSync(join(tmpdir(), 'mallbots-proto-'));
  try {
    generate(tmp);
    const stale: string[] = [];
    for (const t of targets) {
      const want = files(join(tmp, t.outDir));
      const have = files(join(root, t.outDir));
      for (const f of new Set([...want, ...have])) {
        const a = join(tmp, t.outDir, f);
        const b = join(root, t.outDir, f);
        if (!existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8')) stale.push(relative(root, b));
      }
    }
    if (stale.length) {
      console.error(`generated code is stale; run \`npm run proto:gen\` and commit:\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log('generated code is up to date');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  const tmp = mkdtempSync(join(tmpdir(), 'mallbots-proto-'));
  try {
    generate(tmp);
    for (const t of targets) {
      rmSync(join(root, t.outDir), { recursive: true, force: true });
      mkdirSync(join(root, t.outDir), { recursive: true });
      cpSync(join(tmp, t.outDir), join(root, t.outDir), { recursive: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
