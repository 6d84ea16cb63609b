// A stand-in Pact Broker on the loopback interface for the tests: it records every request and answers with what
// the test's handler returns. The real broker cannot run here; this proves the scripts up to the network call.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FakeAnswer {
  readonly status: number;
  readonly body?: unknown;
}

export type FakeHandler = (request: RecordedRequest) => FakeAnswer;

export interface FakeBroker {
  readonly url: string;
  readonly requests: RecordedRequest[];
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

export async function startFakeBroker(): Promise<FakeBroker> {
  const requests: RecordedRequest[] = [];
  let handler: FakeHandler = () => ({ status: 404, body: { error: 'no handler' } });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const answer = handler(recorded);
      res.writeHead(answer.status, { 'Content-Type': 'application/hal+json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
