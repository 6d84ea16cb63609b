import { createServer, type Server } from 'node:net';
import { freePort, portInUse } from './ports.ts';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('ports', () => {
  it('freePort returns a port that portInUse reports as free', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(await portInUse(port)).toBe(false);
  });

  it('portInUse is true while a server listens on the port and false once it has closed', async () => {
    const server = await listen(0);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await portInUse(port)).toBe(true);
    } finally {
      await close(server);
    }
    expect(await portInUse(port)).toBe(false);
  });
});
