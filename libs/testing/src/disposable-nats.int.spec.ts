import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startDisposableNats, type DisposableNats } from './disposable-nats.js';

describe('startDisposableNats', () => {
  let nats: DisposableNats | undefined;
  afterEach(async () => {
    await nats?.close();
  });

  /** Messages in stream `kept` on a fresh connection (no reconnect logic involved). */
  const keptMessages = async (url: string) => {
    const nc = await connect({ servers: url, reconnect: false });
    try {
      return (await (await jetstreamManager(nc)).streams.info('kept')).state.messages;
    } finally {
      await nc.close();
    }
  };
  const reachable = (url: string) =>
    connect({ servers: url, reconnect: false, timeout: 1_000 }).then(
      (nc) => nc.close().then(() => true),
      () => false,
    );

  it('stops and starts a JetStream server on the same port and store, and close shuts it down', async () => {
    nats = await startDisposableNats();
    const nc = await connect({ servers: nats.url, reconnect: false });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'kept', subjects: ['kept.>'] });
    await jsm.jetstream().publish('kept.one', 'x');
    await nc.close();

    await nats.stop();
    expect(await reachable(nats.url)).toBe(false);

    await nats.start();
    // Same URL, and the file store survived the restart: same stream, same message.
    expect(await keptMessages(nats.url)).toBe(1);

    await nats.close();
    expect(await reachable(nats.url)).toBe(false);
    nats = undefined;
  });
});
