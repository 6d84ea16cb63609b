// The bridge between libs/am messages and Pact message contracts (JSON, because Pact's matchers work on JSON; the
// book's JSON serde for contracts). A provider test turns the Message its real code published into what Pact
// verifies; a consumer test turns the message the pact describes back into the proto bytes its real handler reads,
// so both sides go through the generated codecs the services use on the wire.
import type { DomainEvent } from '@mallbots/ddd';
import type { Headers, IncomingMessage, Message } from './message.js';
import type { MessageRegistry } from './registry.js';
import { decodePayload } from './typed-messages.js';

/** What a Pact message producer returns: the content plus metadata (pact-js's providerWithMetadata shape). */
export interface PactMessageOutput {
  readonly __pactMessageMetadata: Record<string, string>;
  readonly message: unknown;
}

/**
 * A published Message as Pact sees it: `subject` and `name` as metadata (plus the named headers, e.g. the
 * command's COMMAND_REPLY_CHANNEL or a reply's REPLY_OUTCOME), the payload decoded by its registered codec as JSON
 * (an empty object for the payload-less generic replies).
 */
export function toPactMessage(registry: MessageRegistry, message: Message, headerKeys: readonly string[] = []): PactMessageOutput {
  const headers: Record<string, string> = {};
  for (const key of headerKeys) {
    const value = message.headers[key];
    if (value === undefined) throw new Error(`${message.name} was published without the header ${key}`);
    headers[key] = value;
  }
  const payload = message.payload.length === 0 && !registry.has(message.name) ? {} : decodePayload(registry, message);
  return {
    __pactMessageMetadata: { subject: message.subject, name: message.name, ...headers },
    message: JSON.parse(JSON.stringify(payload)) as unknown,
  };
}

/**
 * What a provider test's message producer usually does: runs one use case (`run`) against code that publishes into
 * `outbox` and answers the one message it published, as Pact sees it (`toPactMessage`). Rejects when the use case
 * published no message or more than one, so a producer never passes by answering with an older or a stray message.
 */
export async function producePactMessage(
  registry: MessageRegistry,
  outbox: { readonly messages: readonly Message[] },
  run: () => Promise<unknown>,
  headerKeys: readonly string[] = [],
): Promise<PactMessageOutput> {
  const before = outbox.messages.length;
  await run();
  const published = outbox.messages.slice(before);
  if (published.length !== 1) throw new Error(`expected one message, got ${published.map((m) => m.name).join(', ') || 'none'}`);
  return toPactMessage(registry, published[0]!, headerKeys);
}

/** The message a consumer pact interaction hands to its test (pact-js AsynchronousMessage, loosely typed). */
export interface PactDeliveredMessage {
  readonly contents: unknown;
  readonly metadata?: unknown;
}

/**
 * The IncomingMessage a consumer would receive for a pact's message: the JSON content encoded with the consumer's
 * own codec for `metadata.name`, the remaining metadata as headers. `overrides` sets id, consumer and the like.
 */
export function fromPactMessage(registry: MessageRegistry, delivered: PactDeliveredMessage, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  const contents = delivered.contents as { content?: unknown } | undefined;
  const content = contents && typeof contents === 'object' && 'content' in contents ? contents.content : contents;
  const { subject, name, ...rest } = (delivered.metadata ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || typeof subject !== 'string') throw new Error('a pact message needs `subject` and `name` metadata');
  const headers: Headers = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === 'string')) as Headers;
  // A field the pact leaves out takes its proto3 default, as on the wire: the generated encoders would otherwise
  // write a missing string as the text "undefined".
  const payload = registry.has(name)
    ? registry.serialize(name, { ...(registry.deserialize<object>(name, new Uint8Array()) as object), ...((content ?? {}) as object) })
    : new Uint8Array();
  const now = new Date();
  return {
    id: 'pact-message-1',
    name,
    subject,
    payload,
    headers,
    occurredAt: now,
    receivedAt: now,
    deliveryAttempt: 1,
    consumer: 'pact',
    ...overrides,
  };
}

/** The DomainEvent an `@OnEvent` handler receives for a pact's message, decoded as the consumer decodes it. */
export function pactEvent<P>(registry: MessageRegistry, delivered: PactDeliveredMessage, overrides: Partial<IncomingMessage> = {}): DomainEvent<P> {
  const message = fromPactMessage(registry, delivered, overrides);
  return { id: message.id, name: message.name, payload: decodePayload<P>(registry, message), occurredAt: message.occurredAt, metadata: message.headers };
}
