import { afterEach, describe, expect, it } from '@jest/globals';
import { Injectable, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createCommand, type DomainEvent, newId } from '@mallbots/ddd';
import { eventually } from '@mallbots/testing';
import { commandMessage } from '../command-messages.js';
import { eventMessage } from '../event-messages.js';
import { InMemoryBroker } from '../in-memory-broker.js';
import { InMemoryDeadLetterStore } from '../in-memory-dead-letter-store.js';
import { Header, type IncomingMessage, SuccessReply } from '../message.js';
import type { HandlerMiddleware } from '../ports.js';
import { RecordingPublisher } from '../recording-publisher.js';
import { type MessageCodec, MessageRegistry } from '../registry.js';
import { AmModule } from './am.module.js';
import { MessageConsumer, OnCommand, OnEvent, OnMessage } from './message-consumer.decorators.js';

const json = <T>(): MessageCodec<T> => ({
  encode: (value) => ({ finish: () => new TextEncoder().encode(JSON.stringify(value)) }),
  decode: (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as T,
});
const registry = new MessageRegistry()
  .register('storesapi.StoreCreated', json<{ id: string }>())
  .register('storesapi.StoreRebranded', json<{ id: string }>())
 .register('depotapi.InitiateShopping', json<{ id: string }>());

/** Lets a test hold a handler in flight. */
class Gate {
  entered = false;
  private release!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  open(): void {
    this.release();
  }
}

@Injectable()
class Recorder {
  readonly raw: IncomingMessage[] = [];
  readonly events: DomainEvent[] = [];
  readonly commands: string[] = [];
  readonly finished: string[] = [];
  gate?: Gate;
}

@MessageConsumer({ subject: 'mallbots.stores.events.Store', group: 'test-raw' })
@Injectable()
class RawConsumer {
  constructor(private readonly recorder: Recorder) {}

  @OnMessage('storesapi.StoreCreated')
  async onStoreCreated(message: IncomingMessage): Promise<void> {
    this.recorder.raw.push(message);
    if (this.recorder.gate) {
      this.recorder.gate.entered = true;
      await this.recorder.gate.opened;
    }
    this.recorder.finished.push(message.id);
  }
}

@MessageConsumer({ subject: 'mallbots.stores.events.Store', group: 'test-events' })
@Injectable()
class EventConsumer {
  constructor(private readonly recorder: Recorder) {}

  @OnEvent('storesapi.StoreCreated')
  async onStoreCreated(event: DomainEvent): Promise<void> {
    this.recorder.events.push(event);
  }
}

@MessageConsumer({ subject: 'mallbots.depot.commands', group: 'test-commands' })
@Injectable()
class CommandConsumer {
  constructor(private readonly recorder: Recorder) {}

  @OnCommand('depotapi.InitiateShopping')
  async initiateShopping(command: { id: string }): Promise<undefined> {
    this.recorder.commands.push(command.id);
    return undefined;
  }
}

describe('AmModule', () => {
  let app: INestApplicationContext | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function boot() {
    const deadLetters = new InMemoryDeadLetterStore();
    const broker = new InMemoryBroker({ deadLetters });
    const replies = new RecordingPublisher();
    const wrapped: string[] = [];
    const middleware: HandlerMiddleware = (next) => async (m) => {
      wrapped.push(`${m.consumer}:${m.name}`);
      await next(m);
    };
    @Module({
      imports: [
        AmModule.forRoot({
          subscriber: { useValue: broker },
          middleware: { useValue: [middleware] },
          registry: { useValue: registry },
          replies: { useValue: replies },
        }),
      ],
      providers: [Recorder, RawConsumer, EventConsumer, CommandConsumer],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    await app.init();
    return { broker, replies, wrapped, deadLetters, recorder: app.get(Recorder) };
  }

  it('delivers messages to decorated handlers through the middleware, decoded by kind, replying to commands', async () => {
    const { broker, replies, wrapped, recorder } = await boot();
    const event = { id: newId(), name: 'storesapi.StoreCreated', payload: { id: 'store-1' }, occurredAt: new Date() };
    const command = createCommand('depotapi.InitiateShopping', { id: 'list-1' });
    await broker.publish([
      eventMessage(registry, 'mallbots.stores.events.Store', event),
      eventMessage(registry, 'mallbots.stores.events.Store', { ...event, id: newId(), name: 'storesapi.StoreRebranded' }),
      commandMessage(registry, 'mallbots.depot.commands', command, { replyChannel: 'mallbots.cosec.replies.CreateOrder', sagaId: 's-1' }),
    ]);

    await eventually(() => recorder.raw.length === 1 && recorder.events.length === 1 && replies.messages.length === 1);
    expect(recorder.raw[0]).toMatchObject({ id: event.id, consumer: 'test-raw' });
    expect(recorder.events[0]).toMatchObject({ id: event.id, payload: { id: 'store-1' } });
    expect(replies.last()).toMatchObject({ name: SuccessReply, subject: 'mallbots.cosec.replies.CreateOrder', headers: { [Header.ReplySagaId]: 's-1' } });
    // StoreRebranded is outside the default filter (the decorated names): acked without reaching any handler.
    expect(wrapped.sort()).toEqual(['test-commands:depotapi.InitiateShopping', 'test-events:storesapi.StoreCreated', 'test-raw:storesapi.StoreCreated']);
  });

  it('drains in-flight handlers when the application closes', async () => {
    const { broker, recorder } = await boot();
    const gate = new Gate();
    recorder.gate = gate;
    const message = eventMessage(registry, 'mallbots.stores.events.Store', { id: newId(), name: 'storesapi.StoreCreated', payload: { id: 's' }, occurredAt: new Date() });
    await broker.publish([message]);
    await eventually(() => gate.entered);

    const closing = app!.close().then(() => recorder.finished.length);
    app = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorder.finished).toEqual([]);
    gate.open();
    expect(await closing).toBe(1);

    // Closed: a later message stays with the durable group instead of reaching the closed application.
    await broker.publish([{ ...message, id: newId() }]);
    expect(recorder.raw).toHaveLength(1);
  });
});
