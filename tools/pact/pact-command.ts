// `npm run pact:<action>`: the contract workflow around the committed pacts/ (tools/pact/README.md).
//   update                   re-run the pact specs with PACT_UPDATE=1 (rewrites pacts/), then once more to verify
//   publish                  publish pacts/ to the broker under the git commit and branch
//   verify                   verify every provider against the broker's pacts and publish the results
//   can-i-deploy <unit> --environment <env>       ask the broker before deploying a service (or one pacticipant)
//   record-deployment <unit> --environment <env>  tell the broker the service now runs there
import { parseArgs } from 'node:util';
import { workspaceRoot } from '../infra/infra.ts';
import { step } from '../infra/log.ts';
import { runCommand } from '../cli/run-command.ts';
import { PactConfigError, requireBroker, versionInfo } from './broker-config.ts';
import { BrokerError, canIDeploy, publishContracts, recordDeployment } from './broker-client.ts';
import { pacticipantsOf, projectsWithPacts, readPacts } from './pact-files.ts';

const USAGE = 'usage: pact update | publish | verify | can-i-deploy <service|pacticipant> --environment <name> | record-deployment <service|pacticipant> --environment <name>';

/** Runs every project's pact specs (consumers and providers) with the given environment; 0 when all pass. */
async function runPactSpecs(env: Record<string, string>): Promise<number> {
  let failed = 0;
  for (const project of projectsWithPacts(workspaceRoot)) {
    step(`pact specs of ${project}`);
    const code = await runCommand('sh', ['tools/scripts/jest.sh', project, '\\.pact\\.spec\\.ts$'], { MALLBOTS_TEST_KIND: 'unit', PACT_DO_NOT_TRACK: 'true', ...env });
    if (code !== 0) failed++;
  }
  return failed === 0 ? 0 : 1;
}

async function update(): Promise<number> {
  // Consumers write their pact files in the first pass; providers of the same project may then still verify the
  // old file, so the second pass (without PACT_UPDATE) is the one that decides.
  await runPactSpecs({ PACT_UPDATE: '1' });
  step('pacts/ rewritten; verifying every provider against them');
  const code = await runPactSpecs({});
  if (code === 0) step('done: review `git diff pacts/` — it is the contract change — and commit it');
  return code;
}

async function publish(): Promise<number> {
  const broker = requireBroker();
  const { version, branch, buildUrl } = versionInfo();
  const pacts = readPacts(workspaceRoot);
  const consumers = [...new Set(pacts.map((p) => p.consumer))];
  for (const consumer of consumers) {
    const contracts = pacts.filter((p) => p.consumer === consumer).map((p) => ({ consumerName: p.consumer, providerName: p.provider, content: p.content }));
    step(`publishing ${contracts.length} pact(s) of ${consumer} as version ${version} on ${branch}`);
    await publishContracts(broker, { pacticipant: consumer, version, branch, buildUrl, contracts });
  }
  step(`published ${pacts.length} pacts of ${consumers.length} consumers to ${broker.baseUrl}`);
  return 0;
}

async function verify(): Promise<number> {
  const broker = requireBroker();
  const { version, branch } = versionInfo();
  step(`verifying the providers against ${broker.baseUrl} as version ${version} on ${branch}; results are published`);
  // The same provider specs as `npm test`, with the broker as the source of the pacts (libs/testing pactSource).
  return runPactSpecs({ PACT_VERIFY_SOURCE: 'broker', PACT_PROVIDER_VERSION: version, PACT_PROVIDER_BRANCH: branch });
}

function unitAndEnvironment(args: string[]): { unit: string; environment: string; pacticipants: string[] } {
  const { positionals, values } = parseArgs({ args, options: { environment: { type: 'string' } }, allowPositionals: true });
  const unit = positionals[0];
  const environment = values.environment;
  if (!unit || positionals.length > 1 || !environment) throw new PactConfigError(USAGE);
  const names = pacticipantsOf(unit, readPacts(workspaceRoot));
  if (names.length === 0) throw new PactConfigError(`no pact names ${unit} or a pacticipant ${unit}-*: nothing to ask the broker`);
  return { unit, environment, pacticipants: names };
}

async function canIDeployCommand(args: string[]): Promise<number> {
  const { unit, environment, pacticipants } = unitAndEnvironment(args);
  const broker = requireBroker();
  const { version } = versionInfo();
  let deployable = true;
  for (const pacticipant of pacticipants) {
    const answer = await canIDeploy(broker, { pacticipant, version, environment });
    step(`${answer.deployable ? 'yes' : 'NO '}  ${pacticipant} ${version} → ${environment}: ${answer.reason}`);
    deployable &&= answer.deployable;
  }
  step(deployable ? `${unit} ${version} can be deployed to ${environment}` : `${unit} ${version} must not be deployed to ${environment}`);
  return deployable ? 0 : 1;
}

async function recordDeploymentCommand(args: string[]): Promise<number> {
  const { environment, pacticipants } = unitAndEnvironment(args);
  const broker = requireBroker();
  const { version } = versionInfo();
  for (const pacticipant of pacticipants) {
    await recordDeployment(broker, { pacticipant, version, environment });
    step(`recorded ${pacticipant} ${version} as deployed to ${environment}`);
  }
  return 0;
}

export async function pactCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  try {
    switch (action) {
      case 'update':
        return await update();
      case 'publish':
        return await publish();
      case 'verify':
        return await verify();
      case 'can-i-deploy':
        return await canIDeployCommand(rest);
      case 'record-deployment':
        return await recordDeploymentCommand(rest);
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (err) {
    if (err instanceof PactConfigError) {
      console.error(`[mallbots] ${err.message}`);
      return 2;
    }
    if (err instanceof BrokerError) {
      console.error(`[mallbots] broker: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
