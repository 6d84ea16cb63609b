import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './infra.ts';
import { GATEWAY_CONTEXTS, mainConfig, renderTemplate } from './nginx.ts';

const template = readFileSync(join(workspaceRoot, 'docker', 'nginx', 'gateway.conf.template'), 'utf8');
const values: Record<string, string> = {
  GATEWAY_LISTEN: '127.0.0.1:8080',
  GATEWAY_ACCESS_LOG: '/dev/stdout',
  ...Object.fromEntries(GATEWAY_CONTEXTS.map((ctx, i) => [`${ctx.toUpperCase()}_UPSTREAM`, `127.0.0.1:${8101 + i}`])),
};

describe('the gateway template', () => {
  it('renders every placeholder and leaves nginx variables alone', () => {
    const conf = renderTemplate(template, values);
    expect(conf).not.toMatch(/\$\{/);
    expect(conf).toContain('listen 127.0.0.1:8080;');
    expect(conf).toContain('upstream mallbots_ordering     { server 127.0.0.1:8104 ');
    expect(conf).toContain('proxy_set_header X-Request-Id $mallbots_request_id;');
  });

  it('routes exactly the seven REST contexts (and the stores AsyncAPI page), never cosec or notifications', () => {
    const routed = [...template.matchAll(/location (\/[\w/-]+)\s+\{ proxy_pass http:\/\/mallbots_(\w+); \}/g)].map((m) => `${m[1]}→${m[2]}`);
    const expected = GATEWAY_CONTEXTS.flatMap((ctx) => [`/api/${ctx}→${ctx}`, `/${ctx}-spec/→${ctx}`]).concat('/stores-asyncapi/→stores');
    expect(routed.sort()).toEqual(expected.sort());
    const directives = template.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n');
    expect(directives).not.toMatch(/cosec|notifications/);
    expect(template).toMatch(/server_tokens off;/);
  });

  it('refuses to render with a value missing, naming it', () => {
    const { ORDERING_UPSTREAM: _, ...without } = values;
    expect(() => renderTemplate(template, without)).toThrow('the gateway template needs values for ORDERING_UPSTREAM');
  });

  it('runs nginx in the foreground, its files in the given folder, workers unprivileged when asked', () => {
    const conf = mainConfig('/data/nginx', 'nobody nogroup');
    expect(conf).toContain('daemon off;');
    expect(conf).toContain('user nobody nogroup;');
    expect(conf).toContain('pid /data/nginx/nginx.pid;');
    expect(conf).toContain('include /data/nginx/gateway.conf;');
    expect(mainConfig('/data/nginx', undefined)).not.toContain('user ');
  });
});
