import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { STORE_REPOSITORY, type StoreRepository } from '../ports/store.repository.port.js';
import { RebrandStoreCommand } from './rebrand-store.command.js';

@CommandHandler(RebrandStoreCommand)
export class RebrandStoreHandler implements ICommandHandler<RebrandStoreCommand> {
  constructor(@Inject(STORE_REPOSITORY) private readonly stores: StoreRepository) {}

  async execute(command: RebrandStoreCommand): Promise<void> {
    const store = await this.stores.get(command.id);
    store.rebrand(command.name);
    await this.stores.save(store);
  }
}
