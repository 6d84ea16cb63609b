import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventDispatcher } from '@mallbots/ddd';
import { StoreEventName, type StoreCreated, type StoreParticipationDisabled, type StoreParticipationEnabled, type StoreRebranded } from '../../domain/index.js';
import { aggregateIdOf } from '../aggregate-id.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { MALL_REPOSITORY, type MallRepository } from '../ports/mall.repository.port.js';

/**
 * Keeps the mall read model in step with the Store streams (the reference's handlers/mall.go). It runs inside the
 * transaction that appends the events, so a query right after a command sees its effect and a failure here undoes
 * the command.
 */
@Injectable()
export class MallProjector implements OnModuleInit {
  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(MALL_REPOSITORY) private readonly mall: MallRepository,
  ) {}

  onModuleInit(): void {
    this.events
      .subscribe<StoreCreated>((e) => this.mall.add({ id: aggregateIdOf(e), name: e.payload.name, location: e.payload.location }), StoreEventName.Created)
      .subscribe<StoreParticipationEnabled | StoreParticipationDisabled>(
        (e) => this.mall.setParticipation(aggregateIdOf(e), e.payload.participating),
        StoreEventName.ParticipationEnabled,
        StoreEventName.ParticipationDisabled,
      )
      .subscribe<StoreRebranded>((e) => this.mall.rename(aggregateIdOf(e), e.payload.name), StoreEventName.Rebranded);
  }
}
