import { describe, expect, it } from '@jest/globals';
import { createCommand, createEvent, createReply, type DomainEvent, FailedPreconditionError, ConflictError, NotFoundError } from '@mallbots/ddd';
import { commandHandler } from './command-handler.js';
import { commandMessage } from './command-messages.js';
import { causedBy } from './correlation.js';
import { eventHandler, eventMessage } from './event-messages.js';
import { MalformedMessageError } from './malformed-message.error.js';
import { FailureReply, Header, type IncomingMessage, type Message, SuccessReply } from './message.js';
import { type MessageCodec, MessageRegistry, UnregisteredMessageError } from './registry.js';
import { type ReceivedReply, replyHandler, replyMessage } from './reply-messages.js';
import { RecordingPublisher } from './recording-publisher.js';

/** JSON stands in for ts-proto codecs: the helpers only need encode().finish() and decode(). */
function json<T>(): MessageCodec<T> {
  return {
    encode: (value) => ({ finish: () => new TextEncoder().encode(JSON.stringify(value)) }),
    decode: (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as T,
  };
}

interface StoreCreated {
  id: string;
  name: string;
}
interface CreateShoppingList {
  orderId: string;
}
interface CreatedShoppingList {
  id: string;
}

const registry = new MessageRegistry()
  .register('storesapi.StoreCreated', json<StoreCreated>())
  .register('storesapi.StoreRebranded', json<StoreCreated>())
  .register('depotapi.CreateShoppingListCommand', json<CreateShoppingList>())
  .register('depotapi.CreatedShoppingListReply', json<CreatedShoppingList>());

function delivered(message: Message): IncomingMessage {
  return { ...message, receivedAt: new Date(), deliveryAttempt: 1, consumer: 'test-group' };
}

describe('causedBy', () => {
  it('starts the correlation at the first message and names the direct cause', () => {
    const first = delivered(eventMessage(registry, 's', createEvent('storesapi.StoreCreated', { id: '1', name: 'a' })));
    expect(causedBy(first)).toEqual({ [Header.CorrelationId]: first.id, [Header.CausationId]: first.id });

    const second = delivered({ ...first, id: 'second', headers: causedBy(first) });
    expect(causedBy(second)).toEqual({ [Header.CorrelationId]: first.id, [Header.CausationId]: 'second' });
  });
});

describe('events', () => {
  it('builds a message whose id, name, time and payload are the event’s', () => {
    const event = createEvent('storesapi.StoreCreated', { id: 's-1', name: 'Corner' }, { 'aggregate-id': 's-1' });
    const message = eventMessage(registry, 'mallbots.stores.events.Store', event, { [Header.CorrelationId]: 'c' });
    expect(message).toEqual({
      id: event.id,
      name: 'storesapi.StoreCreated',
      subject: 'mallbots.stores.events.Store',
      payload: registry.serialize('storesapi.StoreCreated', event.payload),
      // in-process aggregate metadata stays out of integration messages (§4.4)
      headers: { [Header.CorrelationId]: 'c' },
      occurredAt: event.occurredAt,
    });
  });

  it('dispatches decoded events by name and ignores names without a handler', async () => {
    const seen: DomainEvent<StoreCreated>[] = [];
    const handle = eventHandler<{ 'storesapi.StoreCreated': StoreCreated }>(registry, {
      'storesapi.StoreCreated': async (event) => void seen.push(event),
    });
    const created = createEvent('storesapi.StoreCreated', { id: 's-1', name: 'Corner' });
    await handle(delivered(eventMessage(registry, 's', created, { k: 'v' })));
    await handle(delivered(eventMessage(registry, 's', createEvent('storesapi.StoreRebranded', { id: 's-1', name: 'B' }))));
    await handle(delivered({ ...eventMessage(registry, 's', created), id: 'x', name: 'constructor' }));

    expect(seen).toEqual([{ id: created.id, name: created.name, payload: created.payload, occurredAt: created.occurredAt, metadata: { k: 'v' } }]);
  });

  it('reports a payload that does not decode as malformed, and an unregistered name as a wiring error', async () => {
    const handle = eventHandler(registry, { 'storesapi.StoreCreated': async () => undefined, 'storesapi.Unknown': async () => undefined });
    const message = eventMessage(registry, 's', createEvent('storesapi.StoreCreated', { id: '1', name: 'a' }));
    await expect(handle(delivered({ ...message, payload: new Uint8Array([0xff, 0x00]) }))).rejects.toThrow(MalformedMessageError);
    await expect(handle(delivered({ ...message, name: 'storesapi.Unknown' }))).rejects.toThrow(UnregisteredMessageError);
  });
});

describe('command handler and replies', () => {
  const replyChannel = 'mallbots.cosec.replies.CreateOrder';
  const command = createCommand('depotapi.CreateShoppingListCommand', { orderId: 'o-1' });
  const commandMsg = delivered(
    commandMessage(registry, 'mallbots.depot.commands', command, { replyChannel, sagaId: 'saga-1', sagaName: 'createOrderSaga' }, { [Header.CorrelationId]: 'corr-1' }),
  );

  async function handleWith(handler: (c: typeof command) => Promise<ReturnType<typeof createReply> | undefined>, message = commandMsg): Promise<Message> {
    const replies = new RecordingPublisher();
    await commandHandler<{ 'depotapi.CreateShoppingListCommand': CreateShoppingList }>(registry, { 'depotapi.CreateShoppingListCommand': handler }, replies)(message);
    expect(replies.messages).toHaveLength(1);
    return replies.messages[0]!;
  }

  it('answers a handled command with am.Success on the reply channel, copying COMMAND_* as REPLY_* and correlating', async () => {
    let received: unknown;
    const reply = await handleWith(async (c) => {
      received = c.payload;
      return undefined;
    });
    expect(received).toEqual({ orderId: 'o-1' });
    expect(reply).toMatchObject({ name: SuccessReply, subject: replyChannel, payload: new Uint8Array() });
    expect(reply.headers).toEqual({
      [Header.ReplyOutcome]: 'SUCCESS',
      REPLY_REPLY_CHANNEL: replyChannel,
      [Header.ReplySagaId]: 'saga-1',
      [Header.ReplySagaName]: 'createOrderSaga',
      [Header.CorrelationId]: 'corr-1',
      [Header.CausationId]: command.id,
    });
  });

  it('sends the handler’s specific reply on success', async () => {
    const reply = await handleWith(async () => createReply('depotapi.CreatedShoppingListReply', { id: 'list-1' }));
    expect(reply.name).toBe('depotapi.CreatedShoppingListReply');
    expect(registry.deserialize('depotapi.CreatedShoppingListReply', reply.payload)).toEqual({ id: 'list-1' });
  });

  it('answers a business refusal with am.Failure and the reason, and acks the command', async () => {
    const reply = await handleWith(async () => {
      throw new FailedPreconditionError('order o-1 is already cancelled');
    });
    expect(reply.name).toBe(FailureReply);
    expect(reply.headers).toMatchObject({ [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: 'order o-1 is already cancelled', [Header.ReplySagaId]: 'saga-1' });
  });

  it('re-throws bugs, outages and concurrency conflicts without replying, so the command is redelivered', async () => {
    for (const error of [new TypeError('undefined is not a function'), new ConflictError('version 3 expected')]) {
      const replies = new RecordingPublisher();
      const handle = commandHandler(registry, { 'depotapi.CreateShoppingListCommand': async () => Promise.reject(error) }, replies);
      await expect(handle(commandMsg)).rejects.toBe(error);
      expect(replies.messages).toEqual([]);
    }
  });

  it('runs the handler inside the isolation it is given, so a refusal can undo the handler’s writes', async () => {
    const log: string[] = [];
    const isolate = async <T>(work: () => Promise<T>): Promise<T> => {
      log.push('savepoint');
      try {
        return await work();
      } catch (err) {
        log.push('rolled back to savepoint');
        throw err;
      }
    };
    const replies = new RecordingPublisher();
    const refuse = async () => {
      log.push('handler wrote');
      throw new FailedPreconditionError('customer is disabled');
    };
    await commandHandler(registry, { 'depotapi.CreateShoppingListCommand': refuse }, replies, { isolate })(commandMsg);
    expect(log).toEqual(['savepoint', 'handler wrote', 'rolled back to savepoint']);
    expect(replies.last()?.headers[Header.ReplyOutcome]).toBe('FAILURE');
  });

  it('treats a command without a reply channel as malformed instead of crashing', async () => {
    const { [Header.CommandReplyChannel]: _dropped, ...headers } = commandMsg.headers;
    const handle = commandHandler(registry, { 'depotapi.CreateShoppingListCommand': async () => undefined }, new RecordingPublisher());
    await expect(handle({ ...commandMsg, headers })).rejects.toThrow(MalformedMessageError);
  });

  it('answers a command nobody handles with a failure rather than leaving the caller waiting', async () => {
    const replies = new RecordingPublisher();
    await commandHandler(registry, {}, replies)(commandMsg);
    expect(replies.last()?.headers[Header.ReplyError]).toBe('no handler for command depotapi.CreateShoppingListCommand');
  });

  it('gives a redelivered command the same reply id, so the duplicate reply is de-duplicated', async () => {
    const first = await handleWith(async () => undefined);
    const second = await handleWith(async () => undefined);
    const other = await handleWith(async () => undefined, { ...commandMsg, id: 'another-command' });
    expect(second.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('decodes replies, generic and specific, with outcome, error and saga routing', async () => {
    const seen: ReceivedReply[] = [];
    const handle = replyHandler(registry, async (reply) => void seen.push(reply));
    const failure = await handleWith(async () => {
      throw new NotFoundError('no store s-9');
    });
    const specific = await handleWith(async () => createReply('depotapi.CreatedShoppingListReply', { id: 'list-1' }));
    await handle(delivered(failure));
    await handle(delivered(specific));

    expect(seen[0]).toMatchObject({ name: FailureReply, payload: undefined, outcome: 'FAILURE', error: 'no store s-9', sagaId: 'saga-1', sagaName: 'createOrderSaga' });
    expect(seen[1]).toMatchObject({ name: 'depotapi.CreatedShoppingListReply', payload: { id: 'list-1' }, outcome: 'SUCCESS', sagaId: 'saga-1' });
    expect(seen[1]).not.toHaveProperty('error');
  });

  it('treats a reply without an outcome as malformed', async () => {
    const reply = replyMessage(registry, replyChannel, createReply(SuccessReply, undefined));
    await expect(replyHandler(registry, async () => undefined)(delivered(reply))).rejects.toThrow(MalformedMessageError);
  });
});
