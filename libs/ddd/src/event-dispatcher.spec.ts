import { EventDispatcher, createEvent, type DomainEvent } from './index.js';

describe('EventDispatcher', () => {
  it('runs matching handlers in registration order', async () => {
    const calls: string[] = [];
    const dispatcher = new EventDispatcher()
      .subscribe((e) => void calls.push(`first:${e.name}`), 'A', 'B')
      .subscribe((e) => void calls.push(`all:${e.name}`))
      .subscribe((e) => void calls.push(`onlyB:${e.name}`), 'B');

    await dispatcher.publish(createEvent('A', {}), createEvent('B', {}));

    expect(calls).toEqual(['first:A', 'all:A', 'first:B', 'all:B', 'onlyB:B']);
  });

  it('ignores events nobody subscribed to', async () => {
    const seen: DomainEvent[] = [];
    const dispatcher = new EventDispatcher().subscribe((e) => void seen.push(e), 'A');
    await dispatcher.publish(createEvent('Z', {}));
    expect(seen).toEqual([]);
  });

  it('stops at the first failing handler and rejects with its error', async () => {
    const calls: string[] = [];
    const dispatcher = new EventDispatcher()
      .subscribe(() => {
        throw new Error('boom');
      }, 'A')
      .subscribe(() => void calls.push('second'), 'A');

    await expect(dispatcher.publish(createEvent('A', {}), createEvent('A', {}))).rejects.toThrow('boom');
    expect(calls).toEqual([]);
  });
});
