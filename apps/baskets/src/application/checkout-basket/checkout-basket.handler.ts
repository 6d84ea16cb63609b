import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BASKET_REPOSITORY, type BasketRepository } from '../ports/basket.repository.port.js';
import { CheckoutBasketCommand } from './checkout-basket.command.js';

/** Hands the basket over to Ordering: BasketCheckedOut (with the lines) reaches the outbox in the same transaction. */
@CommandHandler(CheckoutBasketCommand)
export class CheckoutBasketHandler implements ICommandHandler<CheckoutBasketCommand> {
  constructor(@Inject(BASKET_REPOSITORY) private readonly baskets: BasketRepository) {}

  async execute(command: CheckoutBasketCommand): Promise<void> {
    const basket = await this.baskets.get(command.id);
    basket.checkout(command.paymentId);
    await this.baskets.save(basket);
  }
}
