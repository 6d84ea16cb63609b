import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { STORE_REPOSITORY, type StoreRepository } from '../ports/store.repository.port.js';
import { DisableParticipationCommand } from './disable-participation.command.js';

@CommandHandler(DisableParticipationCommand)
export class DisableParticipationHandler implements ICommandHandler<DisableParticipationCommand> {
  constructor(@Inject(STORE_REPOSITORY) private readonly stores: StoreRepository) {}

  async execute(command: DisableParticipationCommand): Promise<void> {
    const store = await this.stores.get(command.id);
    store.disableParticipation();
    await this.stores.save(store);
  }
}
