import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@mallbots/ddd';
import { Store } from '../../domain/index.js';
import { STORE_REPOSITORY, type StoreRepository } from '../ports/store.repository.port.js';
import { CreateStoreCommand } from './create-store.command.js';

/** A new store with a server-generated id (reference §1.3); it does not participate until its owner opts in. */
@CommandHandler(CreateStoreCommand)
export class CreateStoreHandler implements ICommandHandler<CreateStoreCommand> {
  constructor(@Inject(STORE_REPOSITORY) private readonly stores: StoreRepository) {}

  async execute(command: CreateStoreCommand): Promise<{ id: string }> {
    const store = Store.create(newId(), command.name, command.location);
    await this.stores.save(store);
    return { id: store.id };
  }
}
