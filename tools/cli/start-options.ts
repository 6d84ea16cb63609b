// `npm start`'s options and environment, checked before anything is built or started.
import { isIP } from 'node:net';

export interface StartOptions {
  readonly demo: boolean;
  readonly gatewayHost: string;
  readonly gatewayPort: number;
  readonly logLevel: string;
}

export type ParsedStart = { readonly help: true } | { readonly error: string } | { readonly options: StartOptions };

export function parseStartOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedStart {
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length) return { error: `unknown option ${unknown.join(' ')}` };

  const rawPort = env.GATEWAY_PORT?.trim() || '8080';
  const gatewayPort = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || gatewayPort < 1 || gatewayPort > 65535) return { error: `GATEWAY_PORT must be a port number (1–65535), not "${rawPort}"` };
  const gatewayHost = env.GATEWAY_HOST?.trim() || '127.0.0.1';
  if (!isIP(gatewayHost)) return { error: `GATEWAY_HOST must be an IP address to listen on (127.0.0.1, 0.0.0.0, …), not "${gatewayHost}"` };
  // LOG_LEVEL is checked by each service's own configuration (a bad one stops the start with the service's message).
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  return { options: { demo: args.includes('--demo'), gatewayHost, gatewayPort, logLevel } };
}
