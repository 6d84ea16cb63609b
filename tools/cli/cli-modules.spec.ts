// The command line runs on Node's type stripping, not through Jest's transform: load its lazily imported commands
// the way `npm start` and `npm run demo` do, so syntax Node cannot strip (or a missing module) fails here.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '../infra/infra.ts';

describe('the command line modules', () => {
  it.each(['tools/cli/start.ts', 'tools/demo/demo-data.ts', 'tools/pact/pact-command.ts', 'tools/cli/main.ts'])('%s loads under plain Node', (file) => {
    // main.ts runs on import: with no command it prints its usage and exits 2, after loading its static imports.
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(join(workspaceRoot, file))})`], { encoding: 'utf8', cwd: workspaceRoot });
    const expected = file.endsWith('main.ts') ? 2 : 0;
    expect({ status: run.status, error: run.stderr.includes('Error') ? run.stderr : '' }).toEqual({ status: expected, error: '' });
  });
});
