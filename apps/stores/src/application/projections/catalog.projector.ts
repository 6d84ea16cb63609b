import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventDispatcher } from '@mallbots/ddd';
import {
  ProductEventName,
  type ProductAdded,
  type ProductPriceDecreased,
  type ProductPriceIncreased,
  type ProductRebranded,
  type ProductRemoved,
} from '../../domain/index.js';
import { aggregateIdOf } from '../aggregate-id.js';
import { CATALOG_REPOSITORY, type CatalogRepository } from '../ports/catalog.repository.port.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';

/**
 * Keeps the catalog read model in step with the Product streams (the reference's handlers/catalog.go), inside the
 * transaction that appends the events. Price events apply their exact delta; the reference's projector asserted a
 * pointer payload it never got and crashed the service on every price change (§14.1 item 8). Removed products
 * leave the catalog.
 */
@Injectable()
export class CatalogProjector implements OnModuleInit {
  constructor(
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(CATALOG_REPOSITORY) private readonly catalog: CatalogRepository,
  ) {}

  onModuleInit(): void {
    this.events
      .subscribe<ProductAdded>((e) => {
        const { storeId, name, description, sku, price } = e.payload;
        return this.catalog.add({ id: aggregateIdOf(e), storeId, name, description, sku, price });
      }, ProductEventName.Added)
      .subscribe<ProductRebranded>((e) => this.catalog.rebrand(aggregateIdOf(e), e.payload.name, e.payload.description), ProductEventName.Rebranded)
      .subscribe<ProductPriceIncreased | ProductPriceDecreased>(
        (e) => this.catalog.changePrice(aggregateIdOf(e), e.payload.delta),
        ProductEventName.PriceIncreased,
        ProductEventName.PriceDecreased,
      )
      .subscribe<ProductRemoved>((e) => this.catalog.remove(aggregateIdOf(e)), ProductEventName.Removed);
  }
}
