import { natsUrl, uniqueNamespace } from '@mallbots/testing';
import { rawConsumeBaseline, rawPublishBaseline } from './bench.js';
import { connectJetStream, type JetStreamConnection } from './jetstream-connection.js';
import { ensureStream } from './stream-setup.js';

const ns = uniqueNamespace('bench');
let connection: JetStreamConnection;

beforeAll(async () => {
  connection = await connectJetStream({ servers: natsUrl(), name: ns });
  await ensureStream(connection.jsm, { name: ns, subjectPrefix: ns });
});

afterAll(async () => {
  await connection.jsm.streams.delete(ns);
  await connection.close();
});

describe('raw JetStream baselines', () => {
  it('publish stores every message and consume acks every one, leaving no consumer behind', async () => {
    const subject = `${ns}.bench`;
    const published = await rawPublishBaseline(connection.js, subject, 1_200, 256, { batchSize: 500 });
    expect(published.count).toBe(1_200);
    expect(published.perSecond).toBeGreaterThan(0);
    const info = await connection.jsm.streams.info(ns);
    expect(info.state.messages).toBe(1_200);
    expect(info.state.bytes).toBeGreaterThan(1_200 * 256);

    const consumed = await rawConsumeBaseline(connection.js, { stream: ns, subject, durable: 'bench', count: 1_200 });
    expect(consumed.count).toBe(1_200);
    await expect(connection.jsm.consumers.info(ns, 'bench')).rejects.toThrow(/consumer not found/i);
  });
});
