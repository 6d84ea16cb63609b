// Test support: the application wired on in-memory doubles, with a catalog of two stores and two products.
import { type DomainEvent, EventDispatcher } from '@mallbots/ddd';
import { type Product, ShoppingList, type ShoppingListStatus, type Store } from '../../domain/index.js';
import { Catalog } from '../catalog/catalog.service.js';
import { FakeStoresService } from './fake-stores.service.js';
import { InMemoryProductCache, InMemoryStoreCache } from './in-memory-caches.js';
import { InMemoryShoppingLists } from './in-memory-shopping-lists.js';

export const STORE: Store = { id: 's-1', name: 'Nic & Naks', location: 'Level 1' };
export const OTHER_STORE: Store = { id: 's-2', name: 'Broom World', location: 'Level 2' };
export const WIZARD: Product = { id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal' };
export const BROOM: Product = { id: 'p-2', storeId: 's-2', name: 'Broom' };

export class DepotFixture {
  readonly dispatcher = new EventDispatcher();
  readonly lists = new InMemoryShoppingLists();
  readonly stores = new InMemoryStoreCache();
  readonly products = new InMemoryProductCache();
  readonly remote = new FakeStoresService();
  readonly catalog = new Catalog(this.stores, this.products, this.remote);
  /** Every domain event dispatched, in order. */
  readonly dispatched: DomainEvent[] = [];

  constructor() {
    this.dispatcher.subscribe(async (event) => void this.dispatched.push(event));
  }

  /** The caches as the Stores events would have filled them. */
  async withCatalog(): Promise<this> {
    await this.stores.created(STORE);
    await this.stores.created(OTHER_STORE);
    await this.products.added(WIZARD);
    await this.products.added(BROOM);
    return this;
  }

  /** A stored list for order `orderId`, in `status` (assigned lists hold bot-1). */
  async storedList(status: ShoppingListStatus = 'pending', id = 'sl-1', orderId = 'o-1'): Promise<ShoppingList> {
    const list = ShoppingList.create(id, orderId, [{ store: STORE, product: WIZARD, quantity: 1 }]);
    await this.lists.save(list);
    const state = list.toState();
    this.lists.rows.set(id, { ...state, status, assignedBotId: status === 'assigned' || status === 'active' ? 'bot-1' : '' });
    return (await this.lists.find(id))!;
  }
}
