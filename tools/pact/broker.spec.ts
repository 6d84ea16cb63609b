// The broker side of the contract workflow, proved against a stand-in broker on the loopback interface: what is
// published and under which version, how can-i-deploy gates, how a deployment is recorded, and that a provider
// verification asks the broker for its pacts. (A real Pact Broker cannot run on this machine.)
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '../infra/infra.ts';
import { authHeaders, brokerConfig, versionInfo } from './broker-config.ts';
import { BrokerError, canIDeploy, publishContracts, recordDeployment } from './broker-client.ts';
import { startFakeBroker, type FakeBroker } from './fake-broker.ts';
import { pacticipantsOf, readPacts } from './pact-files.ts';

describe('brokerConfig', () => {
  it('is absent without PACT_BROKER_BASE_URL', () => {
    expect(brokerConfig({})).toBeUndefined();
  });

  it('takes a bearer token or basic credentials', () => {
    expect(brokerConfig({ PACT_BROKER_BASE_URL: 'https://broker.example/', PACT_BROKER_TOKEN: 't' })).toEqual({ baseUrl: 'https://broker.example', auth: { kind: 'token', token: 't' } });
    const basic = brokerConfig({ PACT_BROKER_BASE_URL: 'http://127.0.0.1:9292', PACT_BROKER_USERNAME: 'pactuser', PACT_BROKER_PASSWORD: 'pactpass' })!;
    expect(authHeaders(basic.auth)).toEqual({ Authorization: `Basic ${Buffer.from('pactuser:pactpass').toString('base64')}` });
  });

  it.each([
    [{ PACT_BROKER_BASE_URL: 'not a url' }, /not a URL/],
    [{ PACT_BROKER_BASE_URL: 'ftp://broker' }, /must be http\(s\)/],
    [{ PACT_BROKER_BASE_URL: 'https://u:p@broker' }, /must not contain credentials/],
    [{ PACT_BROKER_BASE_URL: 'https://broker', PACT_BROKER_TOKEN: 't', PACT_BROKER_USERNAME: 'u', PACT_BROKER_PASSWORD: 'p' }, /either PACT_BROKER_TOKEN or/],
    [{ PACT_BROKER_BASE_URL: 'https://broker', PACT_BROKER_USERNAME: 'u' }, /go together/],
  ])('refuses %j', (env, message) => {
    expect(() => brokerConfig(env)).toThrow(message);
  });
});

describe('versionInfo', () => {
  const git = (answers: Record<string, string>) => (args: readonly string[]) => answers[args.join(' ')] ?? '';

  it('is the commit and branch of the checkout', () => {
    expect(versionInfo({}, git({ 'rev-parse HEAD': 'a1b2c3d4e5', 'rev-parse --abbrev-ref HEAD': 'main' }))).toEqual({ version: 'a1b2c3d4e5', branch: 'main' });
  });

  it('prefers the CI variables and builds the build URL', () => {
    const env = { GITHUB_SHA: 'abcdef1234', GITHUB_REF_NAME: 'feature/x', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' };
    expect(versionInfo(env, git({}))).toEqual({ version: 'abcdef1234', branch: 'feature/x', buildUrl: 'https://github.com/o/r/actions/runs/42' });
  });

  it('needs PACT_BRANCH on a detached HEAD', () => {
    expect(() => versionInfo({}, git({ 'rev-parse HEAD': 'a1b2c3d4e5', 'rev-parse --abbrev-ref HEAD': 'HEAD' }))).toThrow(/detached HEAD: set PACT_BRANCH/);
  });
});

describe('the broker client', () => {
  let broker: FakeBroker;
  beforeEach(async () => {
    broker = await startFakeBroker();
  });
  afterEach(() => broker.close());
  const config = () => ({ baseUrl: broker.url, auth: { kind: 'token' as const, token: 'secret-token' } });

  it('publishes a consumer version with its pacts, base64-encoded, on its branch', async () => {
    broker.handle(() => ({ status: 200, body: { notices: [] } }));
    await publishContracts(config(), {
      pacticipant: 'kiosk',
      version: 'abc1234',
      branch: 'main',
      contracts: [{ consumerName: 'kiosk', providerName: 'baskets-api', content: '{"a":1}' }],
    });
    const [request] = broker.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/contracts/publish' });
    expect(request!.headers['authorization']).toBe('Bearer secret-token');
    expect(JSON.parse(request!.body)).toEqual({
      pacticipantName: 'kiosk',
      pacticipantVersionNumber: 'abc1234',
      branch: 'main',
      contracts: [{ consumerName: 'kiosk', providerName: 'baskets-api', specification: 'pact', contentType: 'application/json', content: Buffer.from('{"a":1}').toString('base64') }],
    });
  });

  it.each([
    [true, true],
    [false, false],
    [null, false], // unknown: a verification has not reported yet
  ])('can-i-deploy answering deployable=%s is %s', async (answer, expected) => {
    broker.handle(() => ({ status: 200, body: { summary: { deployable: answer, reason: 'because' } } }));
    await expect(canIDeploy(config(), { pacticipant: 'baskets-api', version: 'abc1234', environment: 'production' })).resolves.toEqual({ deployable: expected, reason: 'because' });
    expect(broker.requests[0]!.url).toBe('/can-i-deploy?pacticipant=baskets-api&version=abc1234&environment=production');
  });

  it('records a deployment in the environment found by name', async () => {
    broker.handle((r) =>
      r.url.startsWith('/environments')
        ? { status: 200, body: { _embedded: { environments: [{ uuid: 'env-uuid', name: 'production' }] } } }
        : { status: 201, body: {} },
    );
    await recordDeployment(config(), { pacticipant: 'baskets-api', version: 'abc1234', environment: 'production' });
    expect(broker.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /environments?name=production',
      'POST /pacticipants/baskets-api/versions/abc1234/deployed-versions/environment/env-uuid',
    ]);
  });

  it('names the failure and hints at the credentials on 401', async () => {
    broker.handle(() => ({ status: 401, body: { error: 'unauthorized' } }));
    await expect(canIDeploy(config(), { pacticipant: 'p', version: 'v', environment: 'e' })).rejects.toThrow(/answered 401 \(check PACT_BROKER_TOKEN/);
  });

  it('names an unreachable broker', async () => {
    await broker.close();
    await expect(canIDeploy(config(), { pacticipant: 'p', version: 'v', environment: 'e' })).rejects.toBeInstanceOf(BrokerError);
    broker = await startFakeBroker(); // for afterEach
  });
});

/** Runs `main.ts pact …` under plain Node, as `npm run pact:*` does, without blocking the fake broker. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PACT_BROKER') && !k.startsWith('GITHUB_')));
    execFile(process.execPath, [join(workspaceRoot, 'tools/cli/main.ts'), 'pact', ...args], { cwd: workspaceRoot, env: { ...clean, ...env } }, (err, _stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe('npm run pact:* against a broker', () => {
  let broker: FakeBroker;
  beforeEach(async () => {
    broker = await startFakeBroker();
  });
  afterEach(() => broker.close());
  const pacts = readPacts(workspaceRoot);
  const version = { PACT_VERSION: 'abc1234def', PACT_BRANCH: 'main' };

  it('publish sends every committed pact, one publication per consumer', async () => {
    broker.handle(() => ({ status: 200, body: {} }));
    const run = await cli(['publish'], { PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: 't', ...version });
    expect(run).toMatchObject({ code: 0 });
    const consumers = [...new Set(pacts.map((p) => p.consumer))].sort();
    expect(consumers.length).toBeGreaterThan(0);
    const published = broker.requests.map((r) => JSON.parse(r.body) as { pacticipantName: string; pacticipantVersionNumber: string; branch: string; contracts: Array<{ providerName: string; content: string }> });
    expect(published.map((p) => p.pacticipantName).sort()).toEqual(consumers);
    for (const p of published) {
      expect([p.pacticipantVersionNumber, p.branch]).toEqual(['abc1234def', 'main']);
      for (const contract of p.contracts) {
        const file = pacts.find((f) => f.consumer === p.pacticipantName && f.provider === contract.providerName)!;
        expect(Buffer.from(contract.content, 'base64').toString('utf8')).toBe(file.content);
      }
    }
    expect(published.flatMap((p) => p.contracts)).toHaveLength(pacts.length);
  });

  it('can-i-deploy asks for each pacticipant of the service and fails when one may not go', async () => {
    const names = pacticipantsOf('baskets', pacts);
    expect(names.length).toBeGreaterThan(1);
    broker.handle((r) => ({ status: 200, body: { summary: { deployable: !r.url.includes(`pacticipant=${names[0]}&`), reason: 'matrix' } } }));
    const run = await cli(['can-i-deploy', 'baskets', '--environment', 'production'], { PACT_BROKER_BASE_URL: broker.url, ...version });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('baskets abc1234def must not be deployed to production');
    expect(broker.requests.map((r) => new URL(r.url, broker.url).searchParams.get('pacticipant')).sort()).toEqual(names);

    broker.handle(() => ({ status: 200, body: { summary: { deployable: true, reason: 'all verified' } } }));
    expect(await cli(['can-i-deploy', 'baskets', '--environment', 'production'], { PACT_BROKER_BASE_URL: broker.url, ...version })).toMatchObject({ code: 0 });
  });

  it('refuses to run without a broker, saying what to set', async () => {
    const run = await cli(['publish'], version);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PACT_BROKER_BASE_URL is not set');
  });

  it('refuses can-i-deploy without an environment', async () => {
    const run = await cli(['can-i-deploy', 'baskets'], { PACT_BROKER_BASE_URL: broker.url, ...version });
    expect(run.code).toBe(2);
    expect(broker.requests).toHaveLength(0);
  });
});

describe('provider verification from the broker', () => {
  let broker: FakeBroker;
  const saved = { ...process.env };
  beforeEach(async () => {
    broker = await startFakeBroker();
  });
  afterEach(async () => {
    process.env = { ...saved };
    await broker.close();
  });

  it('asks the broker for the provider’s pacts with the credentials (what pact:verify sets up)', async () => {
    const { verifyMessageProvider } = await import('@mallbots/testing/pact');
    // The broker's index without the pacts-for-verification relation: the verifier must have called it to know.
    broker.handle(() => ({ status: 200, body: { _links: {} } }));
    Object.assign(process.env, {
      PACT_VERIFY_SOURCE: 'broker',
      PACT_BROKER_BASE_URL: broker.url,
      PACT_BROKER_TOKEN: 'secret-token',
      PACT_PROVIDER_VERSION: 'abc1234def',
      PACT_PROVIDER_BRANCH: 'main',
    });
    await expect(verifyMessageProvider({ provider: 'stores-pub', messageProviders: {} })).rejects.toBeDefined();
    expect(broker.requests.length).toBeGreaterThan(0);
    expect(broker.requests[0]!.headers['authorization']).toBe('Bearer secret-token');
  });
});
