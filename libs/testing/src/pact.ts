// Pact plumbing shared by every contract test (`*.pact.spec.ts`): where the pact files live, how a consumer test
// checks the pact it produced against the committed one, and how a provider verifies every committed pact that
// names it — or, in CI with a broker, the broker's pacts, publishing the results. Import it as
// `@mallbots/testing/pact` (kept out of the main entry so integration tests do not load Pact's native core).
import { deepStrictEqual } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  MessageProviderPact,
  PactV4,
  Verifier,
  type MessageProviders,
  type MessageStateHandlers,
  type VerifierOptions,
} from '@pact-foundation/pact';

/** The repository root: the nearest folder above the working directory that holds nx.json. */
export function workspaceRoot(from = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}: run the tests from the repository`);
  }
}

/** Committed pact files: `pacts/<consumer>-<provider>.json`. Providers verify these, never a freshly written one. */
export function pactsDir(): string {
  return join(workspaceRoot(), 'pacts');
}

export function committedPactPath(consumer: string, provider: string): string {
  return join(pactsDir(), `${consumer}-${provider}.json`);
}

export interface ConsumerContract {
  /** The Pact DSL; it writes into a private folder, so parallel test files never race on `pacts/`. */
  readonly pact: PactV4;
  /**
   * Call once all interactions have run (afterAll). Fails when the pact written by this test differs from the
   * committed one: a consumer that changes what it expects must commit the new contract (`npm run pact:update`),
   * and the providers then verify it. With PACT_UPDATE=1 it writes the committed file instead.
   */
  expectCommitted(): void;
}

export function consumerContract(consumer: string, provider: string, options: { committedDir?: string } = {}): ConsumerContract {
  // Pact checks the participants' names only at write time; catch a mismatch with the file name convention early.
  if (!/^[a-z][a-z0-9-]*$/.test(consumer) || !/^[a-z][a-z0-9-]*$/.test(provider)) {
    throw new Error(`pact participant names are lower-case kebab-case: got "${consumer}" and "${provider}"`);
  }
  const dir = mkdtempSync(join(tmpdir(), `pact-${consumer}-`));
  const pact = new PactV4({ consumer, provider, dir, logLevel: 'warn' });
  return {
    pact,
    expectCommitted() {
      const written = join(dir, `${consumer}-${provider}.json`);
      if (!existsSync(written)) throw new Error(`the test wrote no pact for ${consumer} → ${provider} (did any interaction run?)`);
      const fresh = readFileSync(written, 'utf8');
      const committed = join(options.committedDir ?? pactsDir(), `${consumer}-${provider}.json`);
      if (process.env['PACT_UPDATE'] === '1') {
        writeFileSync(committed, `${JSON.stringify(JSON.parse(fresh), null, 2)}\n`);
        return;
      }
      if (!existsSync(committed)) {
        throw new Error(`${committed} does not exist: run \`npm run pact:update\` and commit the new contract`);
      }
      try {
        deepStrictEqual(comparable(fresh), comparable(readFileSync(committed, 'utf8')));
      } catch (err) {
        throw new Error(
          `the pact ${consumer} → ${provider} written by this test differs from the committed pacts/${consumer}-${provider}.json. ` +
            `If the consumer's new expectations are intended, run \`npm run pact:update\` and commit the file so the provider verifies them.\n` +
            (err as Error).message,
        );
      }
    },
  };
}

/** A pact's contents without the writer's metadata (library versions), interactions in a stable order. */
function comparable(json: string): unknown {
  const pact = JSON.parse(json) as { consumer: unknown; provider: unknown; interactions: Array<Record<string, unknown>> };
  const key = (i: Record<string, unknown>) => `${String(i['description'])}|${JSON.stringify(i['providerStates'] ?? [])}`;
  return { consumer: pact.consumer, provider: pact.provider, interactions: [...pact.interactions].sort((a, b) => key(a).localeCompare(key(b))) };
}

/**
 * Every committed pact naming `provider` (from one of `consumers`, when given), as file paths. A provider with
 * none is a mistake in the test.
 */
export function committedPactsFor(provider: string, consumers?: readonly string[]): string[] {
  const files = readdirSync(pactsDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(pactsDir(), f))
    .filter((f) => {
      const pact = JSON.parse(readFileSync(f, 'utf8')) as { consumer: { name: string }; provider: { name: string } };
      return pact.provider.name === provider && (!consumers || consumers.includes(pact.consumer.name));
    });
  if (files.length === 0) throw new Error(`no committed pact names the provider ${provider}${consumers ? ` for ${consumers.join(', ')}` : ''} in ${pactsDir()}`);
  return files;
}

/**
 * Where a provider's pacts come from. `npm test`: the committed files. `npm run pact:verify` (CI with a broker)
 * sets PACT_VERIFY_SOURCE=broker and the provider version/branch: the broker's pacts for the main branch, the
 * matching branch and what is deployed, with the results published back so `can-i-deploy` can answer.
 */
export function pactSource(provider: string, consumers?: readonly string[]): Partial<VerifierOptions> {
  if (process.env['PACT_VERIFY_SOURCE'] !== 'broker') return { pactUrls: committedPactsFor(provider, consumers) };
  const required = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`PACT_VERIFY_SOURCE=broker needs ${name} (npm run pact:verify sets it)`);
    return value;
  };
  const token = process.env['PACT_BROKER_TOKEN'];
  return {
    pactBrokerUrl: required('PACT_BROKER_BASE_URL'),
    ...(token
      ? { pactBrokerToken: token }
      : { pactBrokerUsername: process.env['PACT_BROKER_USERNAME'], pactBrokerPassword: process.env['PACT_BROKER_PASSWORD'] }),
    consumerVersionSelectors: (consumers ?? [undefined]).flatMap((consumer) =>
      [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }].map((selector) => (consumer ? { ...selector, consumer } : selector)),
    ),
    enablePending: true,
    publishVerificationResult: true,
    providerVersion: required('PACT_PROVIDER_VERSION'),
    providerVersionBranch: required('PACT_PROVIDER_BRANCH'),
  };
}

export interface HttpProviderVerification {
  /** The provider's pact name, e.g. `baskets-api`. */
  readonly provider: string;
  /** Base URL of the real HTTP server under test. */
  readonly providerBaseUrl: string;
  /** Provider states by name; a handler receives the state's parameters. */
  readonly stateHandlers: NonNullable<VerifierOptions['stateHandlers']>;
  /**
   * Pact files to verify instead of the provider's pact source (committed files or broker), e.g. a reference
   * pact kept outside `pacts/`. Results of such a verification are never published.
   */
  readonly pactUrls?: readonly string[];
}

/** Verifies the provider's HTTP pacts against its running server; rejects with Pact's mismatch report. */
export async function verifyHttpProvider(options: HttpProviderVerification): Promise<void> {
  await new Verifier({
    provider: options.provider,
    providerBaseUrl: options.providerBaseUrl,
    stateHandlers: options.stateHandlers,
    logLevel: 'warn',
    ...(options.pactUrls ? { pactUrls: [...options.pactUrls] } : pactSource(options.provider)),
  }).verifyProvider();
}

export interface MessageProviderVerification {
  /** The provider's pact name, e.g. `stores-pub`. */
  readonly provider: string;
  /**
   * Only the pacts of these consumers (a provider whose messages are verified by several spec files, e.g. events
   * in one and command replies in another). tools/pact checks that every committed pact is verified somewhere.
   */
  readonly consumers?: readonly string[];
  /** Message description → a function producing the message as the provider really serialises it. */
  readonly messageProviders: MessageProviders;
  readonly stateHandlers?: MessageStateHandlers;
}

/** Verifies the provider's message pacts: each description's producer runs and its output is matched. */
export async function verifyMessageProvider(options: MessageProviderVerification): Promise<void> {
  await new MessageProviderPact({
    provider: options.provider,
    messageProviders: options.messageProviders,
    stateHandlers: options.stateHandlers,
    logLevel: 'warn',
    ...(pactSource(options.provider, options.consumers) as Record<string, unknown>),
  }).verify();
}
