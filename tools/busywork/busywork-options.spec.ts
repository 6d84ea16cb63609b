import { formatDuration, isLoopbackHost, parseBusyworkOptions, parseDuration } from './busywork-options.ts';

describe('busywork options', () => {
  it('defaults to 5 kiosks for 60 s against the local gateway, with think time, a 15 s drain and a random seed', () => {
    expect(parseBusyworkOptions([])).toEqual({
      options: { clients: 5, durationMs: 60_000, target: 'http://127.0.0.1:8080', allowRemote: false, seed: undefined, json: undefined, stress: false, drainMs: 15_000 },
    });
  });

  it('takes every option, as `--name value` or `--name=value`', () => {
    const args = ['--clients', '200', '--duration=2h', '--target', 'http://localhost:8081/', '--seed', '42', '--json=out/run.json', '--stress', '--drain', '1m'];
    expect(parseBusyworkOptions(args)).toEqual({
      options: { clients: 200, durationMs: 7_200_000, target: 'http://localhost:8081', allowRemote: false, seed: 42, json: 'out/run.json', stress: true, drainMs: 60_000 },
    });
  });

  it('points at the gateway port `npm start` was given (GATEWAY_PORT), as `npm run demo` does', () => {
    expect(parseBusyworkOptions([], { GATEWAY_PORT: '8081' })).toMatchObject({ options: { target: 'http://127.0.0.1:8081' } });
  });

  it('accepts loopback targets only, unless --allow-remote', () => {
    for (const target of ['http://127.0.0.1:8080', 'http://127.1.2.3', 'http://localhost:9000', 'http://[::1]:8080', 'https://api.localhost']) {
      expect([target, 'options' in parseBusyworkOptions(['--target', target])]).toEqual([target, true]);
    }
    expect(parseBusyworkOptions(['--target', 'http://10.0.0.5:8080'])).toEqual({
      error: '--target http://10.0.0.5:8080 is not this machine: busywork sends load to loopback addresses only unless --allow-remote is given',
    });
    expect(parseBusyworkOptions(['--target', 'http://10.0.0.5:8080', '--allow-remote'])).toMatchObject({ options: { target: 'http://10.0.0.5:8080', allowRemote: true } });
  });

  it.each([
    [['--clients', '0'], '--clients must be a whole number from 1 to 200, not "0"'],
    [['--clients', '201'], '--clients must be a whole number from 1 to 200, not "201"'],
    [['--clients', '2.5'], '--clients must be a whole number from 1 to 200, not "2.5"'],
    [['--clients', 'many'], '--clients must be a whole number from 1 to 200, not "many"'],
    [['--clients'], '--clients needs a value'],
    [['--clients', '--stress'], '--clients needs a value'],
    [['--duration', '30'], '--duration must be a duration such as 30s, 10m, 2h or 1h30m, not "30"'],
    [['--duration', '10 minutes'], '--duration must be a duration such as 30s, 10m, 2h or 1h30m, not "10 minutes"'],
    [['--duration', '25h'], '--duration must be from 1s to 24h, not 25h'],
    [['--duration', '500ms'], '--duration must be from 1s to 24h, not 500ms'],
    [['--drain', '11m'], '--drain must be at most 10m, not 11m'],
    [['--drain', 'soon'], '--drain must be a duration such as 15s or 2m (or 0), not "soon"'],
    [['--seed', '-1'], '--seed must be a whole number from 0 to 4294967295, not "-1"'],
    [['--seed', '4294967296'], '--seed must be a whole number from 0 to 4294967295, not "4294967296"'],
    [['--target', 'localhost:8080'], '--target must be an http:// or https:// URL, not "localhost:8080"'],
    [['--target', 'nonsense'], '--target must be a URL such as http://127.0.0.1:8080, not "nonsense"'],
    [['--target', 'http://127.0.0.1:8080/api'], '--target must be the gateway\'s address only (scheme, host and port, e.g. http://127.0.0.1:8080), not "http://127.0.0.1:8080/api"'],
    [['--json', ''], '--json needs a file name'],
    [['--stress=yes'], '--stress takes no value'],
    [['--stress', '--stress'], '--stress is given twice'],
    [['--clients', '3', '--clients', '4'], '--clients is given twice'],
    [['--client', '3'], 'unknown option --client'],
    [['10'], 'unexpected argument "10" (options start with --)'],
  ])('refuses %j: %s', (args, error) => {
    expect(parseBusyworkOptions(args)).toEqual({ error });
  });

  it('accepts the edges of the ranges', () => {
    expect(parseBusyworkOptions(['--clients', '1', '--duration', '1s', '--drain', '0', '--seed', '0'])).toMatchObject({ options: { clients: 1, durationMs: 1_000, drainMs: 0, seed: 0 } });
    expect(parseBusyworkOptions(['--duration', '24h', '--drain', '10m', '--seed', '4294967295'])).toMatchObject({ options: { durationMs: 86_400_000, drainMs: 600_000, seed: 4_294_967_295 } });
  });

  it('answers --help before looking at anything else', () => {
    expect(parseBusyworkOptions(['--clients', '0', '-h'])).toEqual({ help: true });
    expect(parseBusyworkOptions(['--help'])).toEqual({ help: true });
  });
});

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['1.5s', 1_500],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 's', '-5s', '1d', '5 s', '1h 30m'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it.each([
    [450, '450ms'],
    [999.7, '1s'],
    [1_500, '1.5s'],
    [59_000, '59s'],
    [90_000, '1m30s'],
    [600_000, '10m00s'],
    [5_400_000, '1h30m00s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('loopback hosts', () => {
  it.each(['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', 'kiosk.localhost', '[::1]', '::1', '[::ffff:127.0.0.1]'])('%s is this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '10.0.0.1', '128.0.0.1', 'example.com', 'localhost.example.com', '[::]', '[2001:db8::1]', '[::ffff:10.0.0.1]'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
