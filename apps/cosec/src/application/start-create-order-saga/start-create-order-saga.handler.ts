import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createOrderData } from '../../domain/index.js';
import { CREATE_ORDER_SAGA, type CreateOrderSaga } from '../ports/create-order-saga.port.js';
import { StartCreateOrderSagaCommand } from './start-create-order-saga.command.js';

/**
 * Starts the saga under the **order id** (the reference used the OrderCreated message id, §14.3 #32): saga, order
 * and every command then share one correlation id, and a second OrderCreated for the order — a redelivery, or a
 * republish under a new id — finds the saga started and changes nothing. Runs in the message's transaction, so the
 * inbox row, the saga row and the first command (AuthorizeCustomer) in the outbox commit together.
 */
@CommandHandler(StartCreateOrderSagaCommand)
export class StartCreateOrderSagaHandler implements ICommandHandler<StartCreateOrderSagaCommand> {
  constructor(@Inject(CREATE_ORDER_SAGA) private readonly saga: CreateOrderSaga) {}

  async execute(command: StartCreateOrderSagaCommand): Promise<void> {
    const data = createOrderData(command.order);
    await this.saga.start(data.orderId, data, { causationId: command.triggeredBy });
  }
}
