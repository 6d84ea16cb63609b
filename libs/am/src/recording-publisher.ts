import type { Message } from './message.js';
import type { MessagePublisher } from './ports.js';

/** A MessagePublisher that keeps what it is given, for assertions (the reference's FakeEventPublisher). */
export class RecordingPublisher implements MessagePublisher {
  readonly messages: Message[] = [];

  async publish(messages: readonly Message[]): Promise<void> {
    this.messages.push(...messages);
  }

  /** Names of the published messages, in order. */
  names(): string[] {
    return this.messages.map((m) => m.name);
  }

  last(): Message {
    const message = this.messages.at(-1);
    if (!message) throw new Error('nothing was published');
    return message;
  }
}
