import { Command } from '@nestjs/cqrs';
import type { Money } from '@mallbots/ddd';

/** `price` is the new absolute price (as in the reference API), not the change; the domain records the delta. */
export class IncreaseProductPriceCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly price: Money,
  ) {
    super();
  }
}
