// Static checks of the container build (docker/Dockerfile) and the compose file (docker/compose.yaml). No Docker
// engine runs here or in CI, so nothing builds or starts these files; this test at least holds their wiring to the
// code they describe: the gateway template's placeholders, the nine services and their settings, which ports are
// published, and where secrets come from.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseRpcServices } from '@mallbots/platform';
// `yaml` is not a direct dependency of the workspace yet (it is installed as a dependency of other packages);
// package.json's devDependencies should name it.
import YAML from 'yaml';
import { workspaceRoot } from '../infra/infra.ts';
import { GATEWAY_CONTEXTS } from '../infra/nginx.ts';
import { ALL_SERVICES } from '../system/services.ts';

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: unknown[];
  volumes?: string[];
  tmpfs?: string | string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
}

const dockerDir = join(workspaceRoot, 'docker');
const composeText = readFileSync(join(dockerDir, 'compose.yaml'), 'utf8');
// merge: the file shares its common parts through YAML anchors and `<<:` merge keys, as compose reads them.
const compose = YAML.parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const template = readFileSync(join(dockerDir, 'nginx', 'gateway.conf.template'), 'utf8');
const dockerfile = readFileSync(join(dockerDir, 'Dockerfile'), 'utf8');
const envExample = readFileSync(join(dockerDir, '.env.example'), 'utf8');
const initScript = readFileSync(join(dockerDir, 'database', 'init.sh'), 'utf8');

/** The Dockerfile's instructions with comments dropped and continuation lines joined. */
const instructions = dockerfile
  .split('\n')
  .filter((line) => !/^\s*#/.test(line))
  .join('\n')
  .replace(/\\\n/g, ' ');
/** The instructions of each stage, split at FROM (heredoc bodies stay with the RUN they belong to). */
const stages = instructions.split(/^(?=FROM\s)/m).filter((s) => s.startsWith('FROM'));
const finalStage = stages.at(-1)!;

/** `${NAME}` placeholders, as the nginx image's envsubst step sees them. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!))].sort();
}

describe('docker/compose.yaml: the gateway', () => {
  const gateway = services.gateway!;

  it('is given a value for every placeholder of docker/nginx/gateway.conf.template', () => {
    const needed = placeholders(template);
    expect(needed).toEqual(expect.arrayContaining(['GATEWAY_ACCESS_LOG', 'GATEWAY_LISTEN', 'ORDERING_UPSTREAM']));
    const environment = gateway.environment ?? {};
    expect(needed.filter((name) => !environment[name])).toEqual([]);
    expect(environment.GATEWAY_LISTEN).toBe('8080');
    expect(environment.GATEWAY_ACCESS_LOG).toBe('/dev/stdout');
    // Every routed context's upstream is that service's HTTP port on the compose network.
    for (const ctx of GATEWAY_CONTEXTS) expect(environment[`${ctx.toUpperCase()}_UPSTREAM`]).toBe(`${ctx}:8080`);
  });

  it('mounts the template where the nginx image renders templates, and hides the image default server', () => {
    expect(gateway.image).toMatch(/^nginx:1\.27-alpine$/);
    expect(gateway.volumes).toContain('./nginx/gateway.conf.template:/etc/nginx/templates/gateway.conf.template:ro');
    // Relative bind mounts are resolved from the compose file's folder.
    expect(existsSync(join(dockerDir, 'nginx', 'gateway.conf.template'))).toBe(true);
    // default.conf (a server on port 80) is hidden by an empty tmpfs over conf.d, or replaced by a mount.
    const tmpfs = [gateway.tmpfs ?? []].flat();
    const replaced = (gateway.volumes ?? []).some((v) => v.split(':')[1] === '/etc/nginx/conf.d/default.conf');
    expect(tmpfs.some((t) => t.split(':')[0] === '/etc/nginx/conf.d') || replaced).toBe(true);
  });

  it('waits for every routed service to be healthy (nginx resolves its upstreams once, at start)', () => {
    for (const ctx of GATEWAY_CONTEXTS) expect(gateway.depends_on?.[ctx]?.condition).toBe('service_healthy');
  });
});

describe('docker/compose.yaml: the nine services', () => {
  it('has exactly the nine services, PostgreSQL, NATS and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual([...ALL_SERVICES, 'gateway', 'nats', 'postgres'].sort());
  });

  it.each(ALL_SERVICES)('%s is built from docker/Dockerfile with its SERVICE build arg, the repository root as context', (name) => {
    const build = services[name]!.build!;
    expect(resolve(dockerDir, build.context!)).toBe(workspaceRoot);
    expect(build.dockerfile).toBe('docker/Dockerfile');
    expect(existsSync(join(resolve(dockerDir, build.context!), build.dockerfile!))).toBe(true);
    expect(build.args).toEqual({ SERVICE: name });
    expect(services[name]!.image).toBe(`mallbots/${name}`);
  });

  it.each(ALL_SERVICES)('%s has its own database, NATS, its ports and every service in RPC_SERVICES', (name) => {
    const environment = services[name]!.environment!;
    const upper = name.toUpperCase();
    // Its own role and database; the password only ever through the variable compose insists on.
    expect(environment.PG_CONN).toMatch(new RegExp(`^postgres://${name}:\\$\\{${upper}_DB_PASSWORD:\\?[^}]*\\}@postgres:5432/${name}$`));
    expect(environment.NATS_URL).toBe('nats://nats:4222');
    expect(environment.WEB_PORT).toBe('8080');
    expect(environment.RPC_PORT).toBe('9000');
    // The format the services themselves parse (and refuse at start-up when it is wrong).
    const problems: string[] = [];
    const rpc = parseRpcServices(environment.RPC_SERVICES ?? '', problems);
    expect(problems).toEqual([]);
    expect(rpc).toEqual(Object.fromEntries(ALL_SERVICES.map((s) => [s.toUpperCase(), `${s}:9000`])));
  });

  it.each(ALL_SERVICES)('%s starts after PostgreSQL and NATS are healthy and has a health check of its own', (name) => {
    const service = services[name]!;
    expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(service.depends_on?.nats?.condition).toBe('service_healthy');
    expect(service.healthcheck?.test?.join(' ')).toMatch(/127\.0\.0\.1:8080\/(readiness|liveness)/);
  });
});

describe('docker/compose.yaml: exposure and secrets', () => {
  it('publishes ports only for the gateway: not the services (cosec and notifications least of all), nor PostgreSQL or NATS', () => {
    const publishing = Object.entries(services)
      .filter(([, s]) => (s.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(publishing).toEqual(['gateway']);
    expect(services.cosec!.ports).toBeUndefined();
    expect(services.notifications!.ports).toBeUndefined();
    expect(services.gateway!.ports).toHaveLength(1);
    expect(String(services.gateway!.ports![0])).toMatch(/:8080$/);
  });

  it('holds no literal password: each comes from a ${NAME:?…} variable that docker/.env.example documents', () => {
    const secretValues: string[] = [];
    for (const service of Object.values(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|TOKEN/i.test(key)) secretValues.push(value);
        // A password inside a connection URL (postgres://user:password@host) or a key=value DSN.
        const inUrl = /^[a-z]+:\/\/[^:/@\s]+:(.*)@[^@]*$/.exec(value)?.[1];
        const inDsn = /\bpassword=(\S*)/.exec(value)?.[1];
        for (const secret of [inUrl, inDsn]) if (secret !== undefined) secretValues.push(secret);
      }
    }
    expect(secretValues.length).toBeGreaterThanOrEqual(10 + ALL_SERVICES.length);
    for (const value of secretValues) expect(value).toMatch(/^\$\{[A-Z0-9_]+:\?[^}]*\}$/);
    // The same rule on the raw text, for anything the structure above does not reach: a YAML key naming a
    // secret, a key=value DSN, a URL with a password.
    expect(composeText).not.toMatch(/^\s*[\w-]*(password|secret|token)[\w-]*\s*:\s*(?!["']?\$\{)\S/im);
    expect(composeText).not.toMatch(/password=(?!\$\{)/i);
    expect(composeText).not.toMatch(/:\/\/[^:/@\s]+:(?!\$\{)[^@\s]*@/);
    // Every required variable has a line in .env.example (placeholders, not secrets).
    const settings = composeText.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    const required = [...new Set([...settings.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]!))];
    expect(required).toContain('POSTGRES_PASSWORD');
    const documented = new Set([...envExample.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    expect(required.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('creates a database and a role for each of the nine services from their password variables', () => {
    const listed = /^mallbots_services="([a-z ]+)"$/m.exec(initScript)?.[1]?.split(' ');
    expect(listed).toEqual([...ALL_SERVICES]);
    const postgres = services.postgres!;
    for (const name of ALL_SERVICES) expect(postgres.environment?.[`${name.toUpperCase()}_DB_PASSWORD`]).toBeDefined();
    expect(postgres.volumes).toContain('./database/init.sh:/docker-entrypoint-initdb.d/10-mallbots.sh:ro');
  });
});

describe('docker/Dockerfile', () => {
  it('is parameterised by the SERVICE build arg', () => {
    expect(instructions).toMatch(/^ARG SERVICE$/m);
    expect(finalStage).toMatch(/^ARG SERVICE$/m);
  });

  it('runs the service as a non-root user', () => {
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]!);
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.split(':')[0]!;
    expect(['root', '0']).not.toContain(user);
  });

  it('copies only chosen files into the final stage, never the whole build context', () => {
    const copies = [...finalStage.matchAll(/^(?:COPY|ADD)\s+(.*)$/gm)].map((m) => m[1]!);
    expect(copies.length).toBeGreaterThan(0);
    for (const args of copies) {
      const sources = args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1);
      expect(sources).not.toContain('.');
      expect(sources).not.toContain('./');
      // Everything reaches the final stage from the build stages, not straight from the context.
      expect(args).toMatch(/--from=/);
    }
  });

  it('runs the pinned Node of package.json, starts the service by its name and checks its liveness', () => {
    const pinned = (JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.node;
    expect(instructions).toMatch(new RegExp(`^ARG NODE_VERSION=${pinned!.replace(/\./g, '\\.')}$`, 'm'));
    expect(finalStage).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim/);
    expect(finalStage).toMatch(/^ENV [^\n]*MALLBOTS_SERVICE=\$\{SERVICE\}/m);
    expect(finalStage).toMatch(/^CMD \[.*apps\/\$\{MALLBOTS_SERVICE\}\/dist\/main\.js/m);
    expect(finalStage).toMatch(/^EXPOSE 8080 9000$/m);
    expect(finalStage).toMatch(/^HEALTHCHECK .*\/liveness/m);
  });

  it('has an ignore file beside it that keeps installed, built and secret files out of the build context', () => {
    const ignore = readFileSync(join(dirname(join(dockerDir, 'Dockerfile')), 'Dockerfile.dockerignore'), 'utf8').split('\n');
    for (const pattern of ['**/node_modules', '**/dist', '.nx', '.data', '.git', 'coverage', '**/.env']) expect(ignore).toContain(pattern);
  });
});
