// Demo data for a freshly started MallBots, loaded through the gateway like any client would: a few stores (two of
// them taking part in the mall), their products, and two customers. Loading twice adds nothing the second time.
import { JsonClient } from '../system/json-client.ts';

export interface DemoStore {
  readonly name: string;
  readonly location: string;
  readonly participating: boolean;
  readonly products: ReadonlyArray<{ name: string; description: string; sku: string; price: number }>;
}

export const DEMO_PREFIX = 'Demo: ';

export const DEMO_STORES: readonly DemoStore[] = [
  {
    name: `${DEMO_PREFIX}Corner Books`,
    location: 'Level 1, east wing',
    participating: true,
    products: [
      { name: 'Event-Driven Architecture in Golang', description: 'Paperback', sku: 'BOOK-EDA', price: 39.99 },
      { name: 'Domain-Driven Design Distilled', description: 'Paperback', sku: 'BOOK-DDD', price: 29.5 },
      { name: 'Reading light', description: 'Clip-on LED light', sku: 'BOOK-LIGHT', price: 12.0 },
    ],
  },
  {
    name: `${DEMO_PREFIX}Tech Hub`,
    location: 'Level 2, food court side',
    participating: true,
    products: [
      { name: 'USB-C cable', description: '2 m, braided', sku: 'TECH-USBC', price: 9.99 },
      { name: 'Wireless mouse', description: 'Silent clicks', sku: 'TECH-MOUSE', price: 24.0 },
      { name: 'Power bank', description: '10,000 mAh', sku: 'TECH-POWER', price: 35.0 },
    ],
  },
  {
    name: `${DEMO_PREFIX}Garden Centre`,
    location: 'Ground floor, outside',
    participating: false,
    products: [{ name: 'Basil plant', description: 'In a 12 cm pot', sku: 'GARDEN-BASIL', price: 3.49 }],
  },
];

export const DEMO_CUSTOMERS = [
  { name: `${DEMO_PREFIX}Ada Shopper`, smsNumber: '555-0100' },
  { name: `${DEMO_PREFIX}Ben Browser`, smsNumber: '555-0101' },
];

/** Loads the demo data through the gateway at `gateway` (e.g. http://127.0.0.1:8080); returns false if already there. */
export async function loadDemoData(gateway: string, log: (line: string) => void = () => {}): Promise<boolean> {
  const api = new JsonClient(gateway);
  const existing = (await api.ok('GET', '/api/stores')).stores as Array<{ name: string }> | undefined;
  if (existing?.some((s) => s.name.startsWith(DEMO_PREFIX))) {
    log('demo data is already loaded');
    return false;
  }
  log('loading demo data: stores, products and customers…');
  for (const store of DEMO_STORES) {
    const { id } = await api.ok<{ id: string }>('POST', '/api/stores', { name: store.name, location: store.location });
    if (store.participating) await api.ok('PUT', `/api/stores/${id}/participating`, {});
    for (const product of store.products) await api.ok('POST', `/api/stores/${id}/products`, product);
    log(`  store ${store.name} (${id}): ${store.products.length} products${store.participating ? ', participating' : ''}`);
  }
  for (const customer of DEMO_CUSTOMERS) {
    const { id } = await api.ok<{ id: string }>('POST', '/api/customers', customer);
    log(`  customer ${customer.name} (${id})`);
  }
  log('demo data loaded: browse it with `curl <gateway>/api/stores/participating`');
  return true;
}
