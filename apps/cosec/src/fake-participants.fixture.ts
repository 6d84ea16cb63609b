// The saga's four participants (customers, depot, payments, ordering) played by the component test over real
// JetStream: durable consumers on their command subjects, answering through libs/am's real reply protocol
// (commandHandler: COMMAND_* headers copied back as REPLY_*, REPLY_OUTCOME, REPLY_ERROR). What each command gets is
// scripted per order, so tests running on one cosec never disturb each other.
import {
  commandHandler,
  Header,
  type IncomingMessage,
  JetStreamPublisher,
  JetStreamSubscriber,
  type JetStreamConnection,
  type Message,
  type MessagePublisher,
  type MessageRegistry,
  type Subscription,
} from '@mallbots/am';
import { InMemoryDeadLetterStore } from '@mallbots/am/testing';
import { createReply, FailedPreconditionError, newId, type Reply } from '@mallbots/ddd';
import { CosecChannel, CosecMessage, cosecRegistry } from './adapters/messaging/cosec.messages.js';

/** ok: success (CreateShoppingList with its specific reply); refuse: a business refusal; silent: never answer. */
export type Answer = 'ok' | 'refuse' | 'silent';

export interface ReceivedCommand {
  readonly id: string;
  readonly name: string;
  readonly payload: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

interface Script {
  readonly answers: Partial<Record<string, Answer>>;
  /** Every reply is also sent again under its own id (a redelivery) and under a new id (a participant answering twice). */
  readonly duplicateReplies: boolean;
}

const COMMAND_SUBJECTS = [CosecChannel.CustomersCommands, CosecChannel.DepotCommands, CosecChannel.PaymentsCommands, CosecChannel.OrderingCommands];
const COMMANDS = [
  CosecMessage.AuthorizeCustomer,
  CosecMessage.CreateShoppingList,
  CosecMessage.CancelShoppingList,
  CosecMessage.ConfirmPayment,
  CosecMessage.InitiateShopping,
  CosecMessage.ApproveOrder,
  CosecMessage.RejectOrder,
];

export const shoppingIdFor = (orderId: string) => `shopping-of-${orderId}`;

export class FakeParticipants {
  private readonly received: ReceivedCommand[] = [];
  private readonly scripts = new Map<string, Script>();
  /** Ids of the extra copies sent by duplicateReplies, so a test can wait until cosec has handled them. */
  readonly duplicateIds: string[] = [];
  private readonly registry: MessageRegistry = cosecRegistry();
  private readonly publisher: JetStreamPublisher;
  private subscriptions: Subscription[] = [];

  private constructor(connection: JetStreamConnection) {
    this.publisher = new JetStreamPublisher(connection);
  }

  static async start(connection: JetStreamConnection, stream = 'mallbots'): Promise<FakeParticipants> {
    const participants = new FakeParticipants(connection);
    const subscriber = new JetStreamSubscriber({ connection, stream, deadLetters: new InMemoryDeadLetterStore() });
    for (const subject of COMMAND_SUBJECTS) {
      const group = `fake-${subject.split('.')[1]}`;
      participants.subscriptions.push(await subscriber.subscribe({ subject, group }, (message) => participants.handle(message)));
    }
    return participants;
  }

  /** How the participants answer the commands of `orderId`'s saga (the saga id is the order id). */
  script(orderId: string, answers: Partial<Record<string, Answer>>, options: { duplicateReplies?: boolean } = {}): void {
    this.scripts.set(orderId, { answers, duplicateReplies: options.duplicateReplies ?? false });
  }

  commands(orderId: string): ReceivedCommand[] {
    return this.received.filter((c) => c.headers[Header.CommandSagaId] === orderId);
  }

  /** Answers a command that was left silent, long after the fact. Returns the reply's id. */
  async answerLate(command: ReceivedCommand): Promise<string> {
    const reply = await this.replyFor(command, 'ok');
    await this.publisher.publish([reply]);
    return reply.id;
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.drain()));
  }

  private async handle(message: IncomingMessage): Promise<void> {
    const sagaId = message.headers[Header.CommandSagaId] ?? '';
    const script = this.scripts.get(sagaId) ?? { answers: {}, duplicateReplies: false };
    // JetStream delivers at least once: a redelivered command is recorded once, as a participant's inbox would.
    if (!this.received.some((c) => c.id === message.id)) {
      this.received.push({ id: message.id, name: message.name, payload: this.registry.deserialize(message.name, message.payload), headers: message.headers });
    }
    const answer = script.answers[message.name] ?? 'ok';
    if (answer === 'silent') return;
    await commandHandler(this.registry, this.handlers(answer), this.repliesFor(script))(message);
  }

  private handlers(answer: Exclude<Answer, 'silent'>) {
    const handle = async (command: { name: string; metadata: Record<string, string> }): Promise<Reply | undefined> => {
      if (answer === 'refuse') throw new FailedPreconditionError(`${command.name} refused`);
      if (command.name !== CosecMessage.CreateShoppingList) return undefined;
      return createReply(CosecMessage.CreatedShoppingListReply, { id: shoppingIdFor(command.metadata[Header.CommandSagaId] ?? '') });
    };
    return Object.fromEntries(COMMANDS.map((name) => [name, handle]));
  }

  private repliesFor(script: Script): MessagePublisher {
    if (!script.duplicateReplies) return this.publisher;
    return {
      publish: async (replies: readonly Message[]) => {
        const again = replies.map((r) => ({ ...r, headers: { ...r.headers, [Header.Replay]: newId() } }));
        const fresh = replies.map((r) => ({ ...r, id: newId() }));
        this.duplicateIds.push(...fresh.map((r) => r.id));
        // In this order on one subject: once cosec's inbox holds a fresh copy, the replayed one was handled before it.
        await this.publisher.publish([...replies, ...again, ...fresh]);
      },
    };
  }

  private async replyFor(command: ReceivedCommand, answer: Exclude<Answer, 'silent'>): Promise<Message> {
    const captured: Message[] = [];
    const message: IncomingMessage = {
      ...command,
      subject: '',
      payload: this.registry.serialize(command.name, command.payload),
      occurredAt: new Date(),
      receivedAt: new Date(),
      deliveryAttempt: 1,
      consumer: 'late',
    };
    await commandHandler(this.registry, this.handlers(answer), { publish: async (m) => void captured.push(...m) })(message);
    // A new id: the original delivery was never answered, so this is the first (and late) reply to it.
    return { ...captured[0]!, id: newId() };
  }
}
