// The CI pipeline can only call what exists: every `npm run …` in .github/workflows/ci.yml is a package.json
// script, the test job runs exactly the README's test command, and every service in the deploy gate has pacts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { workspaceRoot } from '../infra/infra.ts';
import { pacticipantsOf, readPacts } from './pact-files.ts';

interface Workflow {
  jobs: Record<string, { steps: Array<{ run?: string }>; strategy?: { matrix?: { service?: string[] } } }>;
}

const workflow = parse(readFileSync(join(workspaceRoot, '.github/workflows/ci.yml'), 'utf8')) as Workflow;
const scripts = (JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])));

describe('.github/workflows/ci.yml', () => {
  it('tests with `npm test`, like .ci/run', () => {
    expect(workflow.jobs['test']!.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm test']);
    expect(readFileSync(join(workspaceRoot, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it.each(runs.filter((r) => r.startsWith('npm run ')))('`%s` is a package.json script', (run) => {
    const script = run.slice('npm run '.length).split(' ')[0]!;
    expect(Object.keys(scripts)).toContain(script);
  });

  it('gates only services that have pacts', () => {
    const services = workflow.jobs['can-i-deploy']!.strategy!.matrix!.service!;
    const pacts = readPacts(workspaceRoot);
    expect(services.filter((s) => pacticipantsOf(s, pacts).length === 0)).toEqual([]);
  });
});
