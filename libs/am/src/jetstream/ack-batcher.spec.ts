import type { JsMsg } from '@nats-io/jetstream';
import { AckBatcher } from './ack-batcher.js';

function fakeMessage(log: string[], name: string): JsMsg {
  return { ack: () => log.push(name) } as unknown as JsMsg;
}

describe('AckBatcher', () => {
  it('sends the acks of one event-loop turn together, after the turn', async () => {
    const log: string[] = [];
    const acks = new AckBatcher();
    acks.ack(fakeMessage(log, 'a'));
    await Promise.resolve();
    acks.ack(fakeMessage(log, 'b'));
    expect(log).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a', 'b']);
    acks.ack(fakeMessage(log, 'c'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('flush sends what is queued at once and nothing twice', async () => {
    const log: string[] = [];
    const acks = new AckBatcher();
    acks.ack(fakeMessage(log, 'a'));
    acks.flush();
    expect(log).toEqual(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a']);
  });
});
