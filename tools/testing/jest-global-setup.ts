// Jest global setup shared by every project: makes sure a real PostgreSQL and a real NATS JetStream are reachable
// and exports their URLs to the test workers (MALLBOTS_PG_URL, MALLBOTS_NATS_URL).
// 1. `npm test` already started throwaway servers and set the variables: use them.
// 2. A Docker engine is reachable: start containers with testcontainers.
// 3. Otherwise: start local servers from the machine's packages (tools/infra), stopped in the global teardown.
// Nothing is skipped for lack of Docker.
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { startInfra, infraEnv, destroyInfra, dataRoot } from '../infra/infra.ts';

type Started = { kind: 'local'; name: string } | { kind: 'containers'; stop: () => Promise<void> };
declare global {
  var __MALLBOTS_TEST_INFRA__: Started | undefined;
}

function dockerLikely(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

async function startContainers(): Promise<Record<string, string> | undefined> {
  const { GenericContainer, Wait } = await import('testcontainers');
  try {
    const password = randomBytes(12).toString('hex');
    const pg = await new GenericContainer('postgres:16-alpine')
      .withEnvironment({ POSTGRES_USER: 'mallbots', POSTGRES_PASSWORD: password, POSTGRES_DB: 'postgres' })
      .withCommand(['postgres', '-c', 'fsync=off', '-c', 'max_connections=300'])
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    const nats = await new GenericContainer('nats:2.10-alpine').withCommand(['-js']).withExposedPorts(4222).start();
    globalThis.__MALLBOTS_TEST_INFRA__ = {
      kind: 'containers',
      stop: async () => {
        await Promise.all([pg.stop(), nats.stop()]);
      },
    };
    return {
      MALLBOTS_PG_URL: `postgres://mallbots:${password}@${pg.getHost()}:${pg.getMappedPort(5432)}/postgres`,
      MALLBOTS_NATS_URL: `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`,
    };
  } catch (err) {
    process.stderr.write(`[mallbots] Docker engine not usable (${(err as Error).message.split('\n')[0]}); using local servers\n`);
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Servers of earlier Jest runs that died before their teardown (killed, crashed worker): stop and delete them. */
async function reapAbandoned(): Promise<void> {
  if (!existsSync(dataRoot)) return;
  for (const name of readdirSync(dataRoot)) {
    const pid = Number(/^jest-(\d+)$/.exec(name)?.[1]);
    if (pid && !alive(pid)) await destroyInfra(name).catch(() => undefined);
  }
}

export default async function globalSetup(): Promise<void> {
  if (process.env.MALLBOTS_PG_URL && process.env.MALLBOTS_NATS_URL) return;
  await reapAbandoned();
  let env = dockerLikely() ? await startContainers() : undefined;
  if (!env) {
    const name = `jest-${process.pid}`;
    env = infraEnv(await startInfra({ name, profile: 'test' }));
    globalThis.__MALLBOTS_TEST_INFRA__ = { kind: 'local', name };
  }
  Object.assign(process.env, env);
}
