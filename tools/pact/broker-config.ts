// Who the Pact Broker is and under which version this checkout publishes. Everything comes from the environment
// (CI secrets), never from the repository: PACT_BROKER_BASE_URL plus PACT_BROKER_TOKEN (bearer) or
// PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD (basic auth, e.g. the reference's self-hosted broker).
import { execFileSync } from 'node:child_process';

export type BrokerAuth =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'none' };

export interface BrokerConfig {
  /** Without a trailing slash. */
  readonly baseUrl: string;
  readonly auth: BrokerAuth;
}

export class PactConfigError extends Error {
  override name = 'PactConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** The broker named by the environment, or undefined when PACT_BROKER_BASE_URL is not set. */
export function brokerConfig(env: Env = process.env): BrokerConfig | undefined {
  const raw = env['PACT_BROKER_BASE_URL']?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PactConfigError(`PACT_BROKER_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PactConfigError(`PACT_BROKER_BASE_URL must be http(s): ${raw}`);
  if (url.username || url.password) {
    // A URL with credentials ends up in logs; the credentials have their own variables.
    throw new PactConfigError('PACT_BROKER_BASE_URL must not contain credentials: use PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD');
  }
  const token = env['PACT_BROKER_TOKEN'];
  const username = env['PACT_BROKER_USERNAME'];
  const password = env['PACT_BROKER_PASSWORD'];
  if (token && (username || password)) throw new PactConfigError('set either PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD, not both');
  if (Boolean(username) !== Boolean(password)) throw new PactConfigError('PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD go together');
  const auth: BrokerAuth = token ? { kind: 'token', token } : username && password ? { kind: 'basic', username, password } : { kind: 'none' };
  return { baseUrl: url.toString().replace(/\/+$/, ''), auth };
}

/** The broker, or a clear error for a command that cannot work without one. */
export function requireBroker(env: Env = process.env): BrokerConfig {
  const config = brokerConfig(env);
  if (!config) {
    throw new PactConfigError(
      'PACT_BROKER_BASE_URL is not set. Without a broker the committed pacts are verified locally by `npm test`; set PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD) to use one.',
    );
  }
  return config;
}

export function authHeaders(auth: BrokerAuth): Record<string, string> {
  switch (auth.kind) {
    case 'token':
      return { Authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
    case 'none':
      return {};
  }
}

export interface VersionInfo {
  /** The git commit: every pacticipant of the monorepo is versioned by the commit it was built from. */
  readonly version: string;
  readonly branch: string;
  readonly buildUrl?: string;
}

export type Git = (args: readonly string[]) => string;

export const git: Git = (args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The version and branch to publish under: PACT_VERSION / PACT_BRANCH when set, else the CI's variables (GitHub
 * Actions), else git. A detached HEAD has no branch to name, so it needs PACT_BRANCH.
 */
export function versionInfo(env: Env = process.env, run: Git = git): VersionInfo {
  const version = env['PACT_VERSION'] || env['GITHUB_SHA'] || run(['rev-parse', 'HEAD']);
  const branch = env['PACT_BRANCH'] || env['GITHUB_HEAD_REF'] || env['GITHUB_REF_NAME'] || run(['rev-parse', '--abbrev-ref', 'HEAD']);
  if (!/^[0-9a-f]{7,40}$/i.test(version) && !env['PACT_VERSION']) throw new PactConfigError(`not a git commit: ${version}`);
  if (branch === 'HEAD') throw new PactConfigError('the checkout is on a detached HEAD: set PACT_BRANCH to the branch being built');
  const server = env['GITHUB_SERVER_URL'];
  const buildUrl = env['PACT_BUILD_URL'] || (server && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID'] ? `${server}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}` : undefined);
  return { version, branch, ...(buildUrl ? { buildUrl } : {}) };
}
