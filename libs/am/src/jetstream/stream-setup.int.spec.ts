import { natsUrl, uniqueNamespace } from '@mallbots/testing';
import { connectJetStream, JetStreamUnavailableError, type JetStreamConnection } from './jetstream-connection.js';
import { ensureStream } from './stream-setup.js';

const ns = uniqueNamespace('setup');
let connection: JetStreamConnection;

beforeAll(async () => {
  connection = await connectJetStream({ servers: natsUrl(), name: ns });
});

afterAll(async () => {
  await connection.close();
});

describe('ensureStream', () => {
  const stream = `${ns}_s`;
  afterAll(async () => {
    await connection.jsm.streams.delete(stream);
  });

  it('creates the stream with the configured name, subject prefix and duplicate window, and is idempotent', async () => {
    const created = await ensureStream(connection.jsm, { name: stream, subjectPrefix: ns, duplicateWindowMs: 60_000 });
    const again = await ensureStream(connection.jsm, { name: stream, subjectPrefix: ns, duplicateWindowMs: 60_000 });

    for (const info of [created, again]) {
      expect(info.config).toMatchObject({ name: stream, subjects: [`${ns}.>`], storage: 'file', duplicate_window: 60_000 * 1e6 });
    }
    expect(again.created).toEqual(created.created);
  });

  it('can run from several processes at once', async () => {
    const name = `${stream}_concurrent`;
    const infos = await Promise.all(Array.from({ length: 5 }, () => ensureStream(connection.jsm, { name, subjectPrefix: `${ns}_c` })));
    expect(new Set(infos.map((i) => i.config.name))).toEqual(new Set([name]));
    expect(infos[0]!.config.duplicate_window).toBe(120_000 * 1e6);
    await connection.jsm.streams.delete(name);
  });

  it('updates an existing stream to the configured subjects and window', async () => {
    const name = `${stream}_update`;
    await ensureStream(connection.jsm, { name, subjectPrefix: `${ns}_old` });
    const info = await ensureStream(connection.jsm, { name, subjectPrefix: `${ns}_new`, duplicateWindowMs: 30_000 });
    expect(info.config).toMatchObject({ subjects: [`${ns}_new.>`], duplicate_window: 30_000 * 1e6 });
    await connection.jsm.streams.delete(name);
  });
});

describe('connectJetStream', () => {
  it('fails fast when JetStream does not answer', async () => {
    // A JetStream domain nobody serves gets the same "no responders" a server without -js gives.
    const attempt = connectJetStream({ servers: natsUrl(), name: ns, domain: `${ns}_nowhere`, timeoutMs: 2_000 });
    await expect(attempt).rejects.toBeInstanceOf(JetStreamUnavailableError);
    await expect(attempt).rejects.toThrow(/JetStream is not available/);
  });

  it('close drains the connection', async () => {
    const other = await connectJetStream({ servers: natsUrl(), name: ns });
    await other.close();
    expect(other.nc.isClosed()).toBe(true);
    await other.close();
  });
});
