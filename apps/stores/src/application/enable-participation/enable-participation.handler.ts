import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { STORE_REPOSITORY, type StoreRepository } from '../ports/store.repository.port.js';
import { EnableParticipationCommand } from './enable-participation.command.js';

@CommandHandler(EnableParticipationCommand)
export class EnableParticipationHandler implements ICommandHandler<EnableParticipationCommand> {
  constructor(@Inject(STORE_REPOSITORY) private readonly stores: StoreRepository) {}

  async execute(command: EnableParticipationCommand): Promise<void> {
    const store = await this.stores.get(command.id);
    store.enableParticipation();
    await this.stores.save(store);
  }
}
