import { Command } from '@nestjs/cqrs';

/** The customer (kiosk) or an admin cancels an order: DELETE /api/ordering/{id}, gRPC CancelOrder. */
export class CancelOrderCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
