// Where the .proto files of the contexts are at run time, for NestJS's gRPC transport (which loads .proto files
// with @grpc/proto-loader rather than using the generated code). The generated TypeScript of each context is in
// the sub-entries `@mallbots/contracts/<ctx>`; this entry imports nothing else, so it stays cheap to load.
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bounded contexts with a gRPC API (cosec has none). */
export const contexts = ['stores', 'baskets', 'customers', 'depot', 'ordering', 'payments', 'notifications', 'search'] as const;
export type ContractContext = (typeof contexts)[number];

/** The API file of each context, relative to protoRoot() (pass it as `protoPath`, with includeDirs [protoRoot()]). */
export const protoFiles: Readonly<Record<ContractContext, string>> = {
  stores: 'stores/v1/api.proto',
  baskets: 'baskets/v1/api.proto',
  customers: 'customers/v1/api.proto',
  depot: 'depot/v1/api.proto',
  ordering: 'ordering/v1/api.proto',
  payments: 'payments/v1/api.proto',
  notifications: 'notifications/v1/api.proto',
  search: 'search/v1/api.proto',
};

/**
 * The proto package of each context: Nest's `package` option and the first part of every gRPC method path
 * (`/storespb.StoresService/GetStore`). They are the reference's unversioned names, for wire compatibility.
 */
export const grpcPackages: Readonly<Record<ContractContext, string>> = {
  stores: 'storespb',
  baskets: 'basketspb',
  customers: 'customerspb',
  depot: 'depotpb',
  ordering: 'orderingpb',
  payments: 'paymentspb',
  notifications: 'notificationspb',
  search: 'searchpb',
};

/** The gRPC service of each context (the name `ClientGrpc.getService()` takes). */
export const grpcServices: Readonly<Record<ContractContext, string>> = {
  stores: 'StoresService',
  baskets: 'BasketService',
  customers: 'CustomersService',
  depot: 'DepotService',
  ordering: 'OrderingService',
  payments: 'PaymentsService',
  notifications: 'NotificationsService',
  search: 'SearchService',
};

const marker = join('proto', 'buf.yaml');
let found: string | undefined;

/**
 * Absolute path of the repository's `proto/` folder: the nearest folder above `from` (a file path or file URL;
 * default: this module, in src/ or dist/, also when reached through the node_modules link, which Node resolves to
 * the real path) that contains proto/buf.yaml. Throws when there is none, e.g. in an image built without the
 * proto folder.
 */
export function protoRoot(from?: string | URL): string {
  if (from === undefined && found) return found;
  const start = from ?? import.meta.url;
  const startDir = dirname(typeof start === 'string' && !start.startsWith('file:') ? start : fileURLToPath(start));
  const { root } = parse(startDir);
  let dir = startDir;
  for (;;) {
    if (existsSync(join(dir, marker))) {
      const result = join(dir, 'proto');
      if (from === undefined) found = result;
      return result;
    }
    if (dir === root) throw new Error(`no ${marker} in ${startDir} or any folder above it; the proto folder must ship with the app`);
    dir = dirname(dir);
  }
}

/**
 * @grpc/proto-loader options that give Nest's gRPC handlers and clients objects of the generated types' shape:
 * camelCase field names, int64 as number, every scalar and repeated field present (the types have no optional
 * fields; absent message fields come as null), and the proto folder as include path.
 */
export function grpcLoaderOptions(): {
  keepCase: boolean;
  longs: NumberConstructor;
  enums: StringConstructor;
  defaults: boolean;
  arrays: boolean;
  objects: boolean;
  oneofs: boolean;
  includeDirs: string[];
} {
  return { keepCase: false, longs: Number, enums: String, defaults: true, arrays: true, objects: true, oneofs: true, includeDirs: [protoRoot()] };
}
