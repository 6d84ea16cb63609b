import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MalformedMessageError, MessageConsumer, OnEvent } from '@mallbots/am';
import type { OrderCreated } from '@mallbots/contracts/ordering';
import { type DomainEvent, InvalidArgumentError } from '@mallbots/ddd';
import { StartCreateOrderSagaCommand } from '../../application/start-create-order-saga/start-create-order-saga.command.js';
import { CosecChannel, CosecGroup, CosecMessage } from './cosec.messages.js';

/** OrderCreated starts the create-order saga (reference-behaviour §3.9, requirements J01). */
@MessageConsumer({ subject: CosecChannel.OrderEvents, group: CosecGroup.Ordering })
export class OrderEventsConsumer {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @OnEvent(CosecMessage.OrderCreated)
  async onOrderCreated(event: DomainEvent<OrderCreated>): Promise<void> {
    const { id, customerId, paymentId, items } = event.payload;
    try {
      await this.commands.execute(new StartCreateOrderSagaCommand({ id, customerId, paymentId, items }, event.id));
    } catch (err) {
      // An order the saga can never run (no items, a blank id, a fraction of a cent) fails the same way on every
      // delivery: dead-letter it at once, with the reason, instead of spending every backoff round first.
      if (err instanceof InvalidArgumentError) throw new MalformedMessageError(`OrderCreated cannot start the saga: ${err.message}`, { cause: err });
      throw err;
    }
  }
}
