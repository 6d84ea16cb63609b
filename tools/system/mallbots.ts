// The whole system on one machine: the nine services (each with its outbox relay, on its own database) and the
// Nginx gateway in front of them. `npm start` and the lifecycle system test both start MallBots through here, so
// the test exercises exactly what a developer runs.
import { join } from 'node:path';
import { workspaceRoot } from '../infra/infra.ts';
import { GATEWAY_CONTEXTS, startGateway, type Gateway, type GatewayContext } from '../infra/nginx.ts';
import { ALL_SERVICES, startSystem, type RunningService, type RunningSystem } from './services.ts';

export interface MallbotsOptions {
  readonly postgresUrl: string;
  readonly natsUrl: string;
  readonly databasePrefix: string;
  /** Holds logs/ (one file per service) and nginx/ (config, pid, access and error logs). */
  readonly dataDir: string;
  readonly gateway: { readonly host: string; readonly port: number };
  readonly preferredPorts?: { readonly http: number; readonly grpc: number };
  readonly logLevel?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly onUnexpectedExit?: (service: RunningService, code: number | null, signal: string | null) => void;
}

export interface Mallbots {
  readonly system: RunningSystem;
  readonly gateway: Gateway;
  /** Stops the gateway and the services together (each service drains its consumers and relay). */
  stop(): Promise<void>;
}

export async function startMallbots(options: MallbotsOptions): Promise<Mallbots> {
  const system = await startSystem({
    services: ALL_SERVICES,
    postgresUrl: options.postgresUrl,
    natsUrl: options.natsUrl,
    databasePrefix: options.databasePrefix,
    logDir: join(options.dataDir, 'logs'),
    logLevel: options.logLevel,
    preferredPorts: options.preferredPorts,
    env: options.env,
    onUnexpectedExit: options.onUnexpectedExit,
  });
  let gateway: Gateway;
  try {
    const upstreams = Object.fromEntries(GATEWAY_CONTEXTS.map((ctx) => [ctx, system.services[ctx]!.httpAddress])) as Record<GatewayContext, string>;
    gateway = await startGateway({
      dir: join(options.dataDir, 'nginx'),
      host: options.gateway.host,
      port: options.gateway.port,
      upstreams,
      templateDir: join(workspaceRoot, 'docker', 'nginx'),
    });
  } catch (err) {
    await system.stop();
    throw err;
  }
  return {
    system,
    gateway,
    async stop() {
      // Both at once: on Ctrl-C the terminal signals every process of the group, and the services must be known to
      // be stopping (not crashing) before any of them exits.
      await Promise.all([system.stop(), gateway.stop()]);
    },
  };
}
