import { parseStartOptions } from './start-options.ts';

describe('npm start options', () => {
  it('defaults to a loopback gateway on 8080, info logs, no demo data', () => {
    expect(parseStartOptions([], {})).toEqual({ options: { demo: false, gatewayHost: '127.0.0.1', gatewayPort: 8080, logLevel: 'info' } });
  });

  it('takes --demo and the environment', () => {
    expect(parseStartOptions(['--demo'], { GATEWAY_PORT: '8081', GATEWAY_HOST: '0.0.0.0', LOG_LEVEL: 'debug' })).toEqual({
      options: { demo: true, gatewayHost: '0.0.0.0', gatewayPort: 8081, logLevel: 'debug' },
    });
  });

  it.each([
    [['--demo', '--fast'], {}, 'unknown option --fast'],
    [[], { GATEWAY_PORT: 'abc' }, 'GATEWAY_PORT must be a port number (1–65535), not "abc"'],
    [[], { GATEWAY_PORT: '70000' }, 'GATEWAY_PORT must be a port number (1–65535), not "70000"'],
    [[], { GATEWAY_PORT: '80.5' }, 'GATEWAY_PORT must be a port number (1–65535), not "80.5"'],
    [[], { GATEWAY_HOST: 'my laptop' }, 'GATEWAY_HOST must be an IP address to listen on (127.0.0.1, 0.0.0.0, …), not "my laptop"'],
  ])('refuses %j %j with a clear message', (args, env, error) => {
    expect(parseStartOptions(args, env)).toEqual({ error });
  });

  it('answers --help before looking at anything else', () => {
    expect(parseStartOptions(['--help', '--nonsense'], { GATEWAY_PORT: 'x' })).toEqual({ help: true });
  });
});
