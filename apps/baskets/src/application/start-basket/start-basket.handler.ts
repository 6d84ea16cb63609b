import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@mallbots/ddd';
import { Basket } from '../../domain/index.js';
import { BASKET_REPOSITORY, type BasketRepository } from '../ports/basket.repository.port.js';
import { StartBasketCommand } from './start-basket.command.js';

/** A new basket (random UUID) for a customer; its BasketStarted reaches the outbox in the same transaction. */
@CommandHandler(StartBasketCommand)
export class StartBasketHandler implements ICommandHandler<StartBasketCommand> {
  constructor(@Inject(BASKET_REPOSITORY) private readonly baskets: BasketRepository) {}

  async execute(command: StartBasketCommand): Promise<{ id: string }> {
    const basket = Basket.start(newId(), command.customerId);
    await this.baskets.save(basket);
    return { id: basket.id };
  }
}
