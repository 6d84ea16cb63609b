// The contract plumbing itself: a consumer whose expectations drift from the committed pact fails, a provider that
// serialises differently fails verification, and the broker source needs the version CI publishes under.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchersV3, providerWithMetadata } from '@pact-foundation/pact';
import { consumerContract, pactSource } from './pact.js';

async function writeContract(name: string, committedDir: string): Promise<ReturnType<typeof consumerContract>> {
  const contract = consumerContract('plumbing-consumer', 'plumbing-provider', { committedDir });
  await contract.pact
    .addAsynchronousInteraction()
    .given('a thing exists', { id: 'thing-1' })
    .expectsToReceive('a ThingNamed message', (b) => b.withJSONContent({ id: MatchersV3.like('thing-1'), name: MatchersV3.like(name) }))
    .executeTest(async (message) => {
      expect((message.contents as { content: unknown }).content).toEqual({ id: 'thing-1', name });
    });
  return contract;
}

describe('consumerContract', () => {
  it('accepts a pact equal to the committed one and refuses a drifted one', async () => {
    const committedDir = mkdtempSync(join(tmpdir(), 'pacts-committed-'));
    process.env['PACT_UPDATE'] = '1';
    try {
      (await writeContract('Thing', committedDir)).expectCommitted();
    } finally {
      delete process.env['PACT_UPDATE'];
    }
    const committed = JSON.parse(readFileSync(join(committedDir, 'plumbing-consumer-plumbing-provider.json'), 'utf8'));
    expect(committed.interactions[0].contents.content).toEqual({ id: 'thing-1', name: 'Thing' });

    // The same expectations again: equal, whatever the writer's metadata.
    (await writeContract('Thing', committedDir)).expectCommitted();
    // The consumer now expects something else without committing it.
    const drifted = await writeContract('Other thing', committedDir);
    expect(() => drifted.expectCommitted()).toThrow(/differs from the committed pacts\/plumbing-consumer-plumbing-provider\.json/);
  });

  it('refuses a contract that was never committed', async () => {
    const contract = await writeContract('Thing', mkdtempSync(join(tmpdir(), 'pacts-empty-')));
    expect(() => contract.expectCommitted()).toThrow(/does not exist: run `npm run pact:update`/);
  });
});

describe('message provider verification', () => {
  it('fails when the provider serialises a field with another type', async () => {
    const { MessageProviderPact } = await import('@pact-foundation/pact');
    const committedDir = mkdtempSync(join(tmpdir(), 'pacts-verify-'));
    process.env['PACT_UPDATE'] = '1';
    try {
      (await writeContract('Thing', committedDir)).expectCommitted();
    } finally {
      delete process.env['PACT_UPDATE'];
    }
    const verify = (name: unknown) =>
      new MessageProviderPact({
        provider: 'plumbing-provider',
        pactUrls: [join(committedDir, 'plumbing-consumer-plumbing-provider.json')],
        logLevel: 'error',
        stateHandlers: { 'a thing exists': async () => undefined },
        messageProviders: { 'a ThingNamed message': providerWithMetadata(async () => ({ id: 'thing-9', name }), {}) },
      }).verify();
    await expect(verify('Another name')).resolves.toBeDefined();
    await expect(verify(42)).rejects.toBeDefined();
  });
});

describe('pactSource', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('verifies the committed files by default', () => {
    expect(() => pactSource('no-such-provider')).toThrow(/no committed pact names the provider no-such-provider/);
  });

  it('asks the broker for main, matching-branch and deployed pacts and publishes under the given version', () => {
    Object.assign(process.env, {
      PACT_VERIFY_SOURCE: 'broker',
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292',
      PACT_BROKER_TOKEN: 'token',
      PACT_PROVIDER_VERSION: 'abc123',
      PACT_PROVIDER_BRANCH: 'main',
    });
    expect(pactSource('baskets-api')).toEqual({
      pactBrokerUrl: 'http://127.0.0.1:9292',
      pactBrokerToken: 'token',
      consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      publishVerificationResult: true,
      providerVersion: 'abc123',
      providerVersionBranch: 'main',
    });
  });

  it('refuses the broker source without a provider version', () => {
    Object.assign(process.env, { PACT_VERIFY_SOURCE: 'broker', PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292', PACT_PROVIDER_BRANCH: 'main' });
    delete process.env['PACT_PROVIDER_VERSION'];
    expect(() => pactSource('baskets-api')).toThrow(/needs PACT_PROVIDER_VERSION/);
  });
});
