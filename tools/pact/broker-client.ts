// The few Pact Broker API calls CI needs, over fetch (the broker's HAL/JSON API; no CLI binary to download):
// publish contracts, ask can-i-deploy, record a deployment. Every call names what failed and what the broker said.
import { authHeaders, type BrokerConfig } from './broker-config.ts';

export class BrokerError extends Error {
  override name = 'BrokerError';
}

const TIMEOUT_MS = 30_000;

async function call<T>(config: BrokerConfig, method: string, path: string, body?: unknown): Promise<T> {
  const url = `${config.baseUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { Accept: 'application/hal+json, application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...authHeaders(config.auth) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new BrokerError(`${method} ${url} failed: ${(err as Error).message}`, { cause: err });
  }
  const text = await response.text();
  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403 ? ' (check PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD)' : '';
    throw new BrokerError(`${method} ${url} answered ${response.status}${hint}: ${text.slice(0, 500)}`);
  }
  try {
    return (text ? JSON.parse(text) : {}) as T;
  } catch {
    throw new BrokerError(`${method} ${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
}

export interface Contract {
  readonly consumerName: string;
  readonly providerName: string;
  /** The pact file's JSON text. */
  readonly content: string;
}

export interface Publication {
  readonly pacticipant: string;
  readonly version: string;
  readonly branch: string;
  readonly buildUrl?: string;
  readonly contracts: readonly Contract[];
}

/** POST /contracts/publish: one consumer version with its pacts, on its branch (broker ≥ 2.86). */
export async function publishContracts(config: BrokerConfig, publication: Publication): Promise<void> {
  await call(config, 'POST', '/contracts/publish', {
    pacticipantName: publication.pacticipant,
    pacticipantVersionNumber: publication.version,
    branch: publication.branch,
    ...(publication.buildUrl ? { buildUrl: publication.buildUrl } : {}),
    contracts: publication.contracts.map((c) => ({
      consumerName: c.consumerName,
      providerName: c.providerName,
      specification: 'pact',
      contentType: 'application/json',
      content: Buffer.from(c.content, 'utf8').toString('base64'),
    })),
  });
}

export interface Deployability {
  readonly deployable: boolean;
  readonly reason: string;
}

/** GET /can-i-deploy: may this version go to the environment, given what is verified and deployed there? */
export async function canIDeploy(config: BrokerConfig, query: { pacticipant: string; version: string; environment: string }): Promise<Deployability> {
  const params = new URLSearchParams({ pacticipant: query.pacticipant, version: query.version, environment: query.environment });
  const answer = await call<{ summary?: { deployable?: boolean | null; reason?: string } }>(config, 'GET', `/can-i-deploy?${params}`);
  if (!answer.summary) throw new BrokerError(`can-i-deploy for ${query.pacticipant} ${query.version} answered without a summary`);
  // null means "unknown" (e.g. a verification still running): not deployable.
  return { deployable: answer.summary.deployable === true, reason: answer.summary.reason ?? '' };
}

/** Records that the version now runs in the environment, so later can-i-deploy answers take it into account. */
export async function recordDeployment(config: BrokerConfig, deployment: { pacticipant: string; version: string; environment: string }): Promise<void> {
  const environments = await call<{ _embedded?: { environments?: Array<{ uuid: string; name: string }> } }>(
    config,
    'GET',
    `/environments?${new URLSearchParams({ name: deployment.environment })}`,
  );
  const environment = environments._embedded?.environments?.find((e) => e.name === deployment.environment);
  if (!environment) throw new BrokerError(`the broker has no environment named ${deployment.environment}`);
  const p = encodeURIComponent(deployment.pacticipant);
  const v = encodeURIComponent(deployment.version);
  await call(config, 'POST', `/pacticipants/${p}/versions/${v}/deployed-versions/environment/${encodeURIComponent(environment.uuid)}`, {});
}
