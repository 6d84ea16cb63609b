// The run-time side of the contracts: NestJS's gRPC transport loads the .proto files (not the generated code), so
// the files must be found from wherever the library runs, and must define the reference's services, RPC names and
// method paths (/<package>.<Service>/<Rpc>), which is what a reference client calls.
import { describe, expect, it } from '@jest/globals';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as baskets from './baskets.js';
import * as customers from './customers.js';
import * as depot from './depot.js';
import { type ContractContext, contexts, grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from './index.js';
import * as notifications from './notifications.js';
import * as ordering from './ordering.js';
import * as payments from './payments.js';
import * as search from './search.js';
import * as stores from './stores.js';

const repository = fileURLToPath(new URL('../../..', import.meta.url));

// The reference's RPCs per service (reference-behaviour §3), in declaration order.
const rpcs: Record<ContractContext, string[]> = {
  stores: [
    'CreateStore',
    'EnableParticipation',
    'DisableParticipation',
    'RebrandStore',
    'GetStore',
    'GetStores',
    'GetParticipatingStores',
    'AddProduct',
    'RebrandProduct',
    'IncreaseProductPrice',
    'DecreaseProductPrice',
    'RemoveProduct',
    'GetProduct',
    'GetCatalog',
  ],
  baskets: ['StartBasket', 'CancelBasket', 'CheckoutBasket', 'AddItem', 'RemoveItem', 'GetBasket'],
  customers: ['RegisterCustomer', 'EnableCustomer', 'DisableCustomer', 'ChangeSmsNumber', 'AuthorizeCustomer', 'GetCustomer'],
  depot: ['CreateShoppingList', 'CancelShoppingList', 'AssignShoppingList', 'CompleteShoppingList'],
  ordering: ['CreateOrder', 'GetOrder', 'CancelOrder', 'ReadyOrder', 'CompleteOrder'],
  payments: ['AuthorizePayment', 'ConfirmPayment', 'CreateInvoice', 'AdjustInvoice', 'PayInvoice', 'CancelInvoice'],
  notifications: ['NotifyOrderCreated', 'NotifyOrderCanceled', 'NotifyOrderReady'],
  search: ['SearchOrders', 'GetOrder'],
};

// The generated modules' own package and service name constants, to check the maps of index.ts against.
const generated: Record<ContractContext, { packageName: string; serviceName: string }> = {
  stores: { packageName: stores.STORESPB_PACKAGE_NAME, serviceName: stores.STORES_SERVICE_NAME },
  baskets: { packageName: baskets.BASKETSPB_PACKAGE_NAME, serviceName: baskets.BASKET_SERVICE_NAME },
  customers: { packageName: customers.CUSTOMERSPB_PACKAGE_NAME, serviceName: customers.CUSTOMERS_SERVICE_NAME },
  depot: { packageName: depot.DEPOTPB_PACKAGE_NAME, serviceName: depot.DEPOT_SERVICE_NAME },
  ordering: { packageName: ordering.ORDERINGPB_PACKAGE_NAME, serviceName: ordering.ORDERING_SERVICE_NAME },
  payments: { packageName: payments.PAYMENTSPB_PACKAGE_NAME, serviceName: payments.PAYMENTS_SERVICE_NAME },
  notifications: { packageName: notifications.NOTIFICATIONSPB_PACKAGE_NAME, serviceName: notifications.NOTIFICATIONS_SERVICE_NAME },
  search: { packageName: search.SEARCHPB_PACKAGE_NAME, serviceName: search.SEARCH_SERVICE_NAME },
};

function loadService(context: ContractContext): grpc.ServiceClientConstructor {
  const definition = protoLoader.loadSync(protoFiles[context], grpcLoaderOptions());
  const pkg = grpc.loadPackageDefinition(definition)[grpcPackages[context]] as grpc.GrpcObject;
  return pkg[grpcServices[context]] as grpc.ServiceClientConstructor;
}

describe('protoRoot', () => {
  it("finds the repository's proto folder from the library's own location", () => {
    const root = protoRoot();
    expect(isAbsolute(root)).toBe(true);
    expect(root).toBe(join(repository, 'proto'));
    expect(existsSync(join(root, 'buf.yaml'))).toBe(true);
  });

  it('finds it from the build output too (libs/contracts/dist), which need not exist yet', () => {
    expect(protoRoot(join(repository, 'libs/contracts/dist/index.js'))).toBe(join(repository, 'proto'));
    expect(protoRoot(new URL('../dist/index.js', import.meta.url))).toBe(join(repository, 'proto'));
  });

  it('fails with a clear error outside the repository', () => {
    expect(() => protoRoot(join(tmpdir(), 'app', 'main.js'))).toThrow(/no proto\/buf\.yaml in .* or any folder above it/);
  });

  it.each(contexts.map((c) => [c, protoFiles[c]]))('lists an existing API file for %s (%s)', (_context, file) => {
    expect(existsSync(join(protoRoot(), file))).toBe(true);
  });
});

describe('gRPC services loaded from the .proto files', () => {
  it('cover the reference: 8 services, 46 RPCs (reference-behaviour §0; cosec has no API)', () => {
    expect(contexts).toHaveLength(8);
    expect(Object.values(rpcs).flat()).toHaveLength(46);
  });

  it.each(contexts.map((c) => [c, `${grpcPackages[c]}.${grpcServices[c]}`] as const))('%s serves %s with the reference RPC names and paths', (context) => {
    const service = loadService(context);
    expect(typeof service).toBe('function');
    expect(Object.keys(service.service)).toEqual(rpcs[context]);
    for (const rpc of rpcs[context]) {
      expect(service.service[rpc]!.path).toBe(`/${grpcPackages[context]}.${grpcServices[context]}/${rpc}`);
    }
  });

  it.each(contexts)('%s: the package and service maps agree with the generated code', (context) => {
    expect(generated[context]).toEqual({ packageName: grpcPackages[context], serviceName: grpcServices[context] });
  });
});

describe('grpcLoaderOptions', () => {
  it("make proto-loader objects look like the generated types (what Nest's handlers receive)", () => {
    const getProduct = loadService('stores').service.GetProduct!;
    const response: stores.GetProductResponse = {
      product: { id: 'p', storeId: 's', name: 'n', description: '', sku: '', price: 0 },
    };
    // Zero values are not on the wire; the loader fills them in, as ts-proto's decode does.
    expect(getProduct.responseDeserialize(Buffer.from(stores.GetProductResponse.encode(response).finish()))).toEqual(response);

    const searchOrders = loadService('search').service.SearchOrders!;
    const request: search.SearchOrdersRequest = {
      filters: {
        customerId: 'c',
        after: { seconds: 1700000000, nanos: 5 },
        before: { seconds: 1800000000, nanos: 0 },
        storeIds: ['s'],
        productIds: [],
        minTotal: 1.5,
        maxTotal: 0,
        status: '',
      },
      next: '',
      limit: 10,
    };
    // Timestamps arrive as {seconds, nanos} with seconds as a number: why the generated types do not use Date.
    expect(searchOrders.requestDeserialize(Buffer.from(search.SearchOrdersRequest.encode(request).finish()))).toEqual(request);
  });

  it('turn int64 into numbers, as the generated types declare them', () => {
    const getOrder = loadService('search').service.GetOrder!;
    const item: search.Order_Item = { productId: 'p', storeId: 's', productName: '', storeName: '', price: 1, quantity: 3 };
    const response: search.GetOrderResponse = {
      order: { orderId: 'o', customerId: 'c', customerName: '', items: [item], total: 3, status: 'New' },
    };
    expect(getOrder.responseDeserialize(Buffer.from(search.GetOrderResponse.encode(response).finish()))).toEqual(response);
  });

  it('encode the same bytes as the generated code, so Nest (proto-loader) and NATS (ts-proto) paths agree', () => {
    const addItem = loadService('baskets').service.AddItem!;
    const request: baskets.AddItemRequest = { id: 'b', productId: 'p', quantity: 2 };
    expect(Buffer.from(addItem.requestSerialize(request)).toString('hex')).toBe(Buffer.from(baskets.AddItemRequest.encode(request).finish()).toString('hex'));
  });
});
