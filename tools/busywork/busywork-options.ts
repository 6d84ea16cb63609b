// `npm run busywork`'s options, checked before any request is sent: a bad value is an error with a message, never
// silently replaced (the reference reset an out-of-range -clients to 5).
import { isIP } from 'node:net';

export interface BusyworkOptions {
  readonly clients: number;
  readonly durationMs: number;
  /** Origin of the gateway, without a trailing slash. */
  readonly target: string;
  readonly allowRemote: boolean;
  /** undefined: a random seed is drawn (and reported, so the run can be repeated). */
  readonly seed: number | undefined;
  readonly json: string | undefined;
  readonly stress: boolean;
  readonly drainMs: number;
}

export type ParsedBusywork = { readonly help: true } | { readonly error: string } | { readonly options: BusyworkOptions };

export const LIMITS = {
  clients: { min: 1, max: 200, default: 5 },
  durationMs: { min: 1_000, max: 24 * 3_600_000, default: 60_000 },
  drainMs: { min: 0, max: 10 * 60_000, default: 15_000 },
  seed: { max: 4_294_967_295 },
} as const;

export const BUSYWORK_HELP = `Usage: npm run busywork -- [options]

Keeps MallBots busy the way kiosks would: each client repeatedly picks a unit of work (browse, buy, register,
open a store, add inventory, rebrand) with the reference busywork's mix, calls the REST API through the gateway,
follows every checked-out order until it is final, and prints a summary.

Options:
  --clients N       simulated kiosks, ${LIMITS.clients.min}–${LIMITS.clients.max} (default ${LIMITS.clients.default})
  --duration T      how long to run: 30s, 10m, 2h, 1h30m (default 60s, at most 24h)
  --target URL      the gateway (default http://127.0.0.1:$GATEWAY_PORT, i.e. http://127.0.0.1:8080)
  --allow-remote    accept a --target that is not this machine (127.0.0.0/8, ::1, localhost)
  --stress          no think time: every client works back to back
  --seed N          seed (0–${LIMITS.seed.max}) for a reproducible choice of flows; random and reported otherwise
  --drain T         at the end, wait up to T for checked-out orders to become final (default 15s, 0 to 10m)
  --json FILE       also write the summary as JSON to FILE
  -h, --help        this text

Progress goes to stderr, the summary to stdout. Ctrl-C stops early (summary printed, exit 130); a second Ctrl-C
quits at once.`;

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `30s`, `10m`, `2h`, `1h30m`, `500ms` → milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * UNITS[unit!]!;
  return Math.round(total);
}

/** 90000 → `1m30s`; for messages and the summary. */
export function formatDuration(ms: number): string {
  if (Math.round(ms) < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))}s`;
  const totalSeconds = Math.round(ms / 1_000);
  const h = Math.floor(totalSeconds / 3_600);
  const m = Math.floor((totalSeconds % 3_600) / 60);
  const s = totalSeconds % 60;
  return `${h ? `${h}h` : ''}${h || m ? `${h ? String(m).padStart(2, '0') : m}m` : ''}${String(s).padStart(2, '0')}s`;
}

/** Loopback only: the address a typo or a copied URL could otherwise turn into load on someone else's system. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host) || /^::ffff:7f[0-9a-f]{2}:/.test(host);
  return false;
}

const VALUE_OPTIONS = ['--clients', '--duration', '--target', '--seed', '--json', '--drain'] as const;
const FLAG_OPTIONS = ['--stress', '--allow-remote'] as const;

export function parseBusyworkOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ParsedBusywork {
  if (args.includes('--help') || args.includes('-h')) return { help: true };

  const given = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (name !== arg) return { error: `${name} takes no value` };
      if (given.has(name)) return { error: `${name} is given twice` };
      given.set(name, '');
    } else if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      let value: string | undefined;
      if (name !== arg) value = arg.slice(eq + 1);
      else {
        value = args[i + 1];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) return { error: `${name} needs a value` };
        i++;
      }
      if (given.has(name)) return { error: `${name} is given twice` };
      given.set(name, value);
    } else {
      return { error: arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}" (options start with --)` };
    }
  }

  const clientsText = given.get('--clients') ?? String(LIMITS.clients.default);
  const clients = Number(clientsText);
  if (!/^\d+$/.test(clientsText) || clients < LIMITS.clients.min || clients > LIMITS.clients.max) {
    return { error: `--clients must be a whole number from ${LIMITS.clients.min} to ${LIMITS.clients.max}, not "${clientsText}"` };
  }

  const durationText = given.get('--duration') ?? '60s';
  const durationMs = parseDuration(durationText);
  if (durationMs === undefined) return { error: `--duration must be a duration such as 30s, 10m, 2h or 1h30m, not "${durationText}"` };
  if (durationMs < LIMITS.durationMs.min || durationMs > LIMITS.durationMs.max) return { error: `--duration must be from 1s to 24h, not ${durationText}` };

  const drainText = given.get('--drain') ?? '15s';
  const drainMs = drainText === '0' ? 0 : parseDuration(drainText);
  if (drainMs === undefined) return { error: `--drain must be a duration such as 15s or 2m (or 0), not "${drainText}"` };
  if (drainMs > LIMITS.drainMs.max) return { error: `--drain must be at most 10m, not ${drainText}` };

  let seed: number | undefined;
  const seedText = given.get('--seed');
  if (seedText !== undefined) {
    seed = Number(seedText);
    if (!/^\d+$/.test(seedText) || seed > LIMITS.seed.max) return { error: `--seed must be a whole number from 0 to ${LIMITS.seed.max}, not "${seedText}"` };
  }

  const json = given.get('--json');
  if (json !== undefined && json.trim() === '') return { error: '--json needs a file name' };

  const allowRemote = given.has('--allow-remote');
  const targetText = given.get('--target') ?? `http://127.0.0.1:${env.GATEWAY_PORT?.trim() || 8080}`;
  let url: URL;
  try {
    url = new URL(targetText);
  } catch {
    return { error: `--target must be a URL such as http://127.0.0.1:8080, not "${targetText}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `--target must be an http:// or https:// URL, not "${targetText}"` };
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return { error: `--target must be the gateway's address only (scheme, host and port, e.g. http://127.0.0.1:8080), not "${targetText}"` };
  }
  if (!allowRemote && !isLoopbackHost(url.hostname)) {
    return { error: `--target ${url.origin} is not this machine: busywork sends load to loopback addresses only unless --allow-remote is given` };
  }

  return { options: { clients, durationMs, target: url.origin, allowRemote, seed, json, stress: given.has('--stress'), drainMs } };
}
