import type { Message } from './message.js';
import type { MessagePublisher } from './ports.js';

/** A MessagePublisher that keeps what it is given, for assertions (the reference's FakeEventPublisher). */
export class RecordingPublisher implements MessagePublisher {
  readonly messages: Message[] = [];

  async publish(messages: readonly Message[]): Promise<void> {
    this.messages.push(...messages);
  }

  last(): Message | undefined {
    return this.messages.at(-1);
  }
}
