import { Money } from '@mallbots/ddd';
import { EventSourcedAggregate, type Snapshot, type Snapshotter } from '@mallbots/es';
import { isBlank } from './blank.js';
import { ProductErrors } from './product.errors.js';
import { ProductEventName, type ProductEvent } from './product.events.js';
import { fromProductSnapshot, toProductSnapshot } from './product.snapshot.js';

/** Aggregate and stream name, as in the reference (reference-behaviour §3.1). */
export const ProductAggregateName = 'stores.Product';

/** What a store owner gives to add a product. Prices are Money: adapters convert the wire's decimals at the edge. */
export interface NewProduct {
  readonly storeId: string;
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  readonly price: Money;
}

/**
 * A product in a store's catalogue (requirements B), event sourced with snapshots. Every command validates first
 * and then raises exactly one event; `apply` is the only place state changes.
 *
 * Fixes over the reference: price changes must really change the price in the named direction and never go below
 * zero; a removed product stays removed (further commands are refused); prices are exact Money.
 */
export class Product extends EventSourcedAggregate<ProductEvent> implements Snapshotter {
  private productStoreId = '';
  private productName = '';
  private productDescription = '';
  private productSku = '';
  private productPrice = Money.zero;
  private isRemoved = false;

  /** An empty product for the repository to rebuild from its stream; new products come from `Product.add`. */
  constructor(id: string) {
    super(id);
  }

  get aggregateName(): string {
    return ProductAggregateName;
  }

  get storeId(): string {
    return this.productStoreId;
  }

  get name(): string {
    return this.productName;
  }

  get description(): string {
    return this.productDescription;
  }

  get sku(): string {
    return this.productSku;
  }

  get price(): Money {
    return this.productPrice;
  }

  get removed(): boolean {
    return this.isRemoved;
  }

  /**
   * Description and SKU may be empty, as in the reference. That the store exists is the application's check: the
   * domain cannot see other aggregates (§14.4 item 41).
   */
  static add(id: string, product: NewProduct): Product {
    if (isBlank(id)) throw ProductErrors.idBlank();
    if (isBlank(product.storeId)) throw ProductErrors.storeIdBlank();
    if (isBlank(product.name)) throw ProductErrors.nameBlank();
    if (product.price.isNegative()) throw ProductErrors.priceNegative();
    const { storeId, name, description, sku, price } = product;
    const added = new Product(id);
    added.raise(ProductEventName.Added, { storeId, name, description, sku, price });
    return added;
  }

  /** The reference accepted a blank name here (§14.4 item 38). */
  rebrand(name: string, description: string): void {
    this.assertAvailable();
    if (isBlank(name)) throw ProductErrors.nameBlank();
    this.raise(ProductEventName.Rebranded, { name, description });
  }

  /**
   * Takes the new absolute price, like the reference API, and records the (positive) delta. The reference allowed
   * an equal price, recording a zero delta.
   */
  increasePrice(price: Money): void {
    this.assertAvailable();
    const delta = this.priceDelta(price);
    if (delta.isNegative()) throw ProductErrors.priceChangeIsDecrease();
    this.raise(ProductEventName.PriceIncreased, { delta });
  }

  /**
   * Takes the new absolute price and records the (negative) delta. The reference let the price go below zero
   * (§14.4 item 38).
   */
  decreasePrice(price: Money): void {
    this.assertAvailable();
    const delta = this.priceDelta(price);
    if (!delta.isNegative()) throw ProductErrors.priceChangeIsIncrease();
    this.raise(ProductEventName.PriceDecreased, { delta });
  }

  /**
   * The stream is kept (events are never deleted); the product is marked removed so that baskets and further
   * commands cannot use it (the reference's apply was a no-op, §14.4 item 36).
   */
  remove(): void {
    this.assertExists();
    if (this.isRemoved) throw ProductErrors.alreadyRemoved();
    this.raise(ProductEventName.Removed, {});
  }

  toSnapshot(): Snapshot {
    return toProductSnapshot({
      storeId: this.productStoreId,
      name: this.productName,
      description: this.productDescription,
      sku: this.productSku,
      price: this.productPrice,
      removed: this.isRemoved,
    });
  }

  applySnapshot(snapshot: Snapshot): void {
    const data = fromProductSnapshot(snapshot);
    this.productStoreId = data.storeId;
    this.productName = data.name;
    this.productDescription = data.description;
    this.productSku = data.sku;
    this.productPrice = data.price;
    this.isRemoved = data.removed;
  }

  protected apply(event: ProductEvent): void {
    switch (event.name) {
      case ProductEventName.Added:
        this.productStoreId = event.payload.storeId;
        this.productName = event.payload.name;
        this.productDescription = event.payload.description;
        this.productSku = event.payload.sku;
        this.productPrice = event.payload.price;
        return;
      case ProductEventName.Rebranded:
        this.productName = event.payload.name;
        this.productDescription = event.payload.description;
        return;
      case ProductEventName.PriceIncreased:
      case ProductEventName.PriceDecreased:
        // Deltas, as the reference and every price cache apply them; Money keeps the sum exact.
        this.productPrice = this.productPrice.plus(event.payload.delta);
        return;
      case ProductEventName.Removed:
        this.isRemoved = true;
        return;
      default: {
        // Stored events must stay applicable forever (M04); an unknown one is a wiring bug, never ignored silently.
        const unknown: never = event;
        throw new Error(`${ProductAggregateName}/${this.id}: cannot apply event ${(unknown as ProductEvent).name}`);
      }
    }
  }

  /** The delta from the current price to `price`, after the checks both directions share. */
  private priceDelta(price: Money): Money {
    if (price.isNegative()) throw ProductErrors.priceNegative();
    const delta = price.minus(this.productPrice);
    if (delta.isZero()) throw ProductErrors.priceUnchanged();
    return delta;
  }

  /** Every stream starts with ProductAdded: an aggregate without events is a product that does not exist (§14.4 item 34). */
  private assertExists(): void {
    if (this.pendingVersion === 0) throw ProductErrors.notFound();
  }

  private assertAvailable(): void {
    this.assertExists();
    if (this.isRemoved) throw ProductErrors.removed();
  }
}
