import { NotFoundError, newId } from '@mallbots/ddd';
import { Header, type Message } from './message.js';
import type { DeadLetterStore, MessagePublisher } from './ports.js';

/**
 * The id under which a broker de-duplicates a publish (JetStream `Nats-Msg-Id`). Normally the message id (O05);
 * for a replayed dead letter `<id>:replay:<token>`, so the replay is not dropped as a duplicate of the original
 * publish, while the message itself keeps its id and the consumers' inboxes still recognise it.
 */
export function brokerMessageId(message: Message): string {
  const token = message.headers[Header.Replay];
  return token ? `${message.id}:replay:${token}` : message.id;
}

/**
 * Republishes a dead letter to its original subject with its ORIGINAL id and a fresh `mallbots-replay` token, then
 * marks it replayed. Every consumer group of that subject receives it again: groups that already processed it skip
 * it through their inbox; the group that dead-lettered it (its inbox row was rolled back) handles it anew.
 * Publish first, then mark: a crash in between leaves it open to replay again, which the inboxes make harmless.
 */
export async function replayDeadLetter(store: DeadLetterStore, publisher: MessagePublisher, consumer: string, id: string): Promise<Message> {
  const deadLetter = await store.get(consumer, id);
  if (!deadLetter) throw new NotFoundError(`no dead letter ${id} for consumer ${consumer}`);
  const { sentAt: _sentAt, ...original } = deadLetter.message;
  const replay: Message = { ...original, headers: { ...original.headers, [Header.Replay]: newId() } };
  await publisher.publish([replay]);
  await store.markReplayed(consumer, id);
  return replay;
}
