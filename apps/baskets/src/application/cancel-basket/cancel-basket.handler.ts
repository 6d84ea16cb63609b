import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BASKET_REPOSITORY, type BasketRepository } from '../ports/basket.repository.port.js';
import { CancelBasketCommand } from './cancel-basket.command.js';

@CommandHandler(CancelBasketCommand)
export class CancelBasketHandler implements ICommandHandler<CancelBasketCommand> {
  constructor(@Inject(BASKET_REPOSITORY) private readonly baskets: BasketRepository) {}

  async execute(command: CancelBasketCommand): Promise<void> {
    const basket = await this.baskets.get(command.id);
    basket.cancel();
    await this.baskets.save(basket);
  }
}
