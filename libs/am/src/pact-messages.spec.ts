import { Header, type Message } from './message.js';
import { fromPactMessage, pactEvent, producePactMessage, toPactMessage } from './pact-messages.js';
import { RecordingPublisher } from './recording-publisher.js';
import { MessageRegistry } from './registry.js';

// A hand-written codec standing in for a generated one: JSON bytes of { id, name }.
interface Named {
  id: string;
  name: string;
}
// Like ts-proto's encoders, it writes a missing string as "undefined"; empty bytes decode to the proto3 defaults.
const codec = {
  encode: (value: Named) => ({ finish: () => new TextEncoder().encode(JSON.stringify({ id: String(value.id), name: String(value.name) })) }),
  decode: (bytes: Uint8Array) => (bytes.length === 0 ? { id: '', name: '' } : (JSON.parse(new TextDecoder().decode(bytes)) as Named)),
};
const registry = new MessageRegistry().register('thingsapi.ThingNamed', codec);

const published: Message = {
  id: 'evt-1',
  name: 'thingsapi.ThingNamed',
  subject: 'mallbots.things.events',
  payload: registry.serialize('thingsapi.ThingNamed', { id: 't-1', name: 'Thing' }),
  headers: { [Header.CommandReplyChannel]: 'mallbots.cosec.replies', [Header.CorrelationId]: 'c-1' },
  occurredAt: new Date(0),
};

describe('toPactMessage', () => {
  it('gives the decoded payload with subject, name and the asked-for headers as metadata', () => {
    expect(toPactMessage(registry, published, [Header.CommandReplyChannel])).toEqual({
      __pactMessageMetadata: { subject: 'mallbots.things.events', name: 'thingsapi.ThingNamed', [Header.CommandReplyChannel]: 'mallbots.cosec.replies' },
      message: { id: 't-1', name: 'Thing' },
    });
  });

  it('refuses a message published without a header the contract names', () => {
    expect(() => toPactMessage(registry, published, [Header.ReplyOutcome])).toThrow(/without the header REPLY_OUTCOME/);
  });

  it('gives an empty object for a payload-less generic reply', () => {
    const reply: Message = { ...published, name: 'am.Success', payload: new Uint8Array(), headers: { [Header.ReplyOutcome]: 'SUCCESS' } };
    expect(toPactMessage(registry, reply, [Header.ReplyOutcome]).message).toEqual({});
  });
});

describe('producePactMessage', () => {
  const publishing = (outbox: RecordingPublisher, ...messages: Message[]) => () => outbox.publish(messages);

  it('answers the one message the use case published, as Pact sees it, ignoring what was published before', async () => {
    const outbox = new RecordingPublisher();
    await outbox.publish([{ ...published, id: 'evt-0', payload: registry.serialize('thingsapi.ThingNamed', { id: 't-0', name: 'Earlier' }) }]);
    await expect(producePactMessage(registry, outbox, publishing(outbox, published), [Header.CommandReplyChannel])).resolves.toEqual(
      toPactMessage(registry, published, [Header.CommandReplyChannel]),
    );
    expect((await producePactMessage(registry, outbox, publishing(outbox, published))).message).toEqual({ id: 't-1', name: 'Thing' });
  });

  it('refuses a use case that published nothing', async () => {
    const outbox = new RecordingPublisher();
    await outbox.publish([published]);
    await expect(producePactMessage(registry, outbox, async () => undefined)).rejects.toThrow('expected one message, got none');
  });

  it('refuses a use case that published more than one message, naming them', async () => {
    const outbox = new RecordingPublisher();
    const reply: Message = { ...published, name: 'am.Success', payload: new Uint8Array() };
    await expect(producePactMessage(registry, outbox, publishing(outbox, published, reply))).rejects.toThrow('expected one message, got thingsapi.ThingNamed, am.Success');
  });

  it('passes on the use case’s own failure', async () => {
    const outbox = new RecordingPublisher();
    await expect(
      producePactMessage(registry, outbox, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
  });
});

describe('fromPactMessage and pactEvent', () => {
  const delivered = {
    contents: { content: { id: 't-2', name: 'Other' }, contentType: 'application/json' },
    metadata: { subject: 'mallbots.things.events', name: 'thingsapi.ThingNamed', [Header.CommandReplyChannel]: 'mallbots.cosec.replies' },
  };

  it('encodes the content with the consumer’s codec and keeps the other metadata as headers', () => {
    const message = fromPactMessage(registry, delivered, { id: 'm-9' });
    expect(message).toMatchObject({ id: 'm-9', name: 'thingsapi.ThingNamed', subject: 'mallbots.things.events', headers: { [Header.CommandReplyChannel]: 'mallbots.cosec.replies' } });
    expect(registry.deserialize('thingsapi.ThingNamed', message.payload)).toEqual({ id: 't-2', name: 'Other' });
  });

  it('decodes to the DomainEvent a handler receives', () => {
    expect(pactEvent<Named>(registry, delivered).payload).toEqual({ id: 't-2', name: 'Other' });
  });

  it('gives a field the pact leaves out its proto3 default, as the wire would', () => {
    const partial = { contents: { content: { id: 't-3' } }, metadata: { subject: 's', name: 'thingsapi.ThingNamed' } };
    expect(pactEvent<Named>(registry, partial).payload).toEqual({ id: 't-3', name: '' });
  });

  it('refuses a pact message without subject or name metadata', () => {
    expect(() => fromPactMessage(registry, { contents: { content: {} }, metadata: { subject: 's' } })).toThrow(/needs `subject` and `name`/);
  });
});
