import { Command } from '@nestjs/cqrs';
import type { CreatedOrder } from '../../domain/index.js';

/** OrderCreated arrived: run the create-order saga for the order. */
export class StartCreateOrderSagaCommand extends Command<void> {
  constructor(
    readonly order: CreatedOrder,
    /** The OrderCreated message id: the first command's causation id. */
    readonly triggeredBy: string,
  ) {
    super();
  }
}
