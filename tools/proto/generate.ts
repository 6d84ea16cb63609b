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

// Where each proto package's TypeScript goes. Context APIs will be added here as the services are built.
const targets: Array<{ protoPath: string; outDir: string; options: string[] }> = [
  {
    protoPath: 'mallbots/am/v1',
    outDir: 'libs/am/src/generated',
    options: ['esModuleInterop=true', 'importSuffix=.js', 'useDate=true', 'env=node', 'outputJsonMethods=false', 'outputServices=false', 'outputPartialMethods=true', 'useOptionals=none'],
  },
];

function generate(into: string): void {
  for (const t of targets) {
    const template = JSON.stringify({
      version: 'v2',
      plugins: [{ local: bin('protoc-gen-ts_proto'), out: join(into, t.outDir), opt: t.options }],
    });
    execFileSync(bin('buf'), ['generate', '--template', template, '--path', join('proto', t.protoPath), 'proto'], { cwd: root, stdio: 'inherit' });
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
