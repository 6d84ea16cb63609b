import { join } from 'node:path';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Client, credentials, loadPackageDefinition, Metadata, type ServiceClientConstructor, type ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import type { GetProductRequest, GetProductResponse, GetStoreRequest, GetStoreResponse } from '@mallbots/contracts/stores';
import { type DomainError, domainErrorFromGrpc, InternalError, NotFoundError, UnavailableError } from '@mallbots/ddd';
import { BrokenCircuitError, circuitBreaker, ConsecutiveBreaker, ExponentialBackoff, handleWhen, type IPolicy, retry, wrap } from 'cockatiel';
import { tracingClientInterceptor } from '@mallbots/platform';
import type { StoresService } from '../../application/ports/stores-service.port.js';
import type { Product, Store } from '../../domain/index.js';

export interface StoresClientOptions {
  /** Per-call deadline (architecture §4.2: every client call has one). Default 2 s. */
  readonly deadlineMs?: number;
  /** Consecutive downstream failures that open the circuit. Default 5. */
  readonly breakAfterFailures?: number;
  /** How long the circuit stays open before a trial call is let through. Default 10 s. */
  readonly halfOpenAfterMs?: number;
  /** Extra attempts for a call that could not reach Stores (UNAVAILABLE); the reads are idempotent. Default 1. */
  readonly retries?: number;
}

type Callback<T> = (err: ServiceError | null, response?: T) => void;
type Unary = <Req, Res>(request: Req, metadata: Metadata, options: { deadline: number }, callback: Callback<Res>) => void;

/** Failures that say something about Stores' health (they open the circuit); NOT_FOUND and the like do not. */
const downstreamFault = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED, status.INTERNAL, status.UNKNOWN]);

function grpcCode(err: unknown): number | undefined {
  const code = (err as Partial<ServiceError> | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * The StoresService client of the cache fallbacks (reference-behaviour §3.4). The reference's depot dialled its own
 * gRPC address here (§14.1 item 10), so every cache miss failed with Unimplemented in microservice mode; this client
 * dials RPC_SERVICES[STORES]. Unlike the reference, which also dialled a new connection per lookup with no deadline
 * (§14.5 item 44), it keeps one channel, gives every call a deadline, retries a call that could not reach Stores once (GetStore/GetProduct are idempotent reads)
 * and guards Stores with a circuit breaker (cockatiel): after consecutive faults, calls fail at once with
 * UnavailableError (HTTP 503) instead of each waiting for its deadline while the request holds a transaction.
 * gRPC statuses become typed DomainErrors (`domainErrorFromGrpc`). Closed on shutdown.
 */
export class StoresGrpcClient implements StoresService, OnApplicationShutdown {
  private readonly logger = new Logger('StoresClient');
  private readonly client: Client & Record<string, Unary>;
  private readonly deadlineMs: number;
  private readonly policy: IPolicy;

  constructor(
    readonly address: string,
    options: StoresClientOptions = {},
  ) {
    const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles.stores), grpcLoaderOptions()));
    const Service = (definition[grpcPackages.stores] as Record<string, ServiceClientConstructor>)[grpcServices.stores]!;
    // The interceptor continues the caller’s trace in stores (traceparent in the call metadata, T02).
    this.client = new Service(address, credentials.createInsecure(), { interceptors: [tracingClientInterceptor] }) as unknown as Client & Record<string, Unary>;
    this.deadlineMs = options.deadlineMs ?? 2_000;
    const breaker = circuitBreaker(
      handleWhen((err) => downstreamFault.has(grpcCode(err) ?? -1)),
      { halfOpenAfter: options.halfOpenAfterMs ?? 10_000, breaker: new ConsecutiveBreaker(options.breakAfterFailures ?? 5) },
    );
    breaker.onBreak(() => this.logger.warn(`stores at ${address} is failing: circuit open`));
    breaker.onReset(() => this.logger.log(`stores at ${address} answers again: circuit closed`));
    const retries = retry(
      handleWhen((err) => grpcCode(err) === status.UNAVAILABLE),
      { maxAttempts: options.retries ?? 1, backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 250 }) },
    );
    // Retry outside the breaker: every attempt counts towards opening it, and an open circuit is not retried.
    this.policy = wrap(retries, breaker);
  }

  async getStore(id: string): Promise<Store> {
    const { store } = await this.call<GetStoreRequest, GetStoreResponse>('getStore', { id });
    if (!store) throw new NotFoundError(`store ${id} not found`);
    return { id: store.id, name: store.name, location: store.location };
  }

  async getProduct(id: string): Promise<Product> {
    const { product } = await this.call<GetProductRequest, GetProductResponse>('getProduct', { id });
    if (!product) throw new NotFoundError(`product ${id} not found`);
    return { id: product.id, storeId: product.storeId, name: product.name };
  }

  close(): void {
    this.client.close();
  }

  onApplicationShutdown(): void {
    this.close();
  }

  private async call<Req, Res>(method: string, request: Req): Promise<Res> {
    try {
      return await this.policy.execute(() => this.unary<Req, Res>(method, request));
    } catch (err) {
      throw toDomainError(err, this.logger);
    }
  }

  private unary<Req, Res>(method: string, request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.client[method]!<Req, Res>(request, new Metadata(), { deadline: Date.now() + this.deadlineMs }, (err, response) => (err ? reject(err) : resolve(response!)));
    });
  }
}

/**
 * gRPC status → typed error. Stores' own answers (NOT_FOUND, INVALID_ARGUMENT, …) keep their text; transport
 * failures get a fixed text, because grpc-js's details name addresses and resolver notes that are nobody's business
 * outside this process (they are logged instead).
 */
function toDomainError(err: unknown, logger: Logger): unknown {
  if (err instanceof BrokenCircuitError) return new UnavailableError('the stores service is unavailable (circuit open)', [], { cause: err });
  const code = grpcCode(err);
  if (code === undefined) return err;
  const details = (err as ServiceError).details || (err as ServiceError).message;
  const transport = transportFailures[code];
  if (transport) logger.warn(`stores call failed: ${status[code]} ${details}`);
  const error: DomainError = transport ? transport() : domainErrorFromGrpc(code, details);
  return Object.assign(error, { cause: err });
}

const transportFailures: Partial<Record<number, () => DomainError>> = {
  [status.UNAVAILABLE]: () => new UnavailableError('the stores service is unavailable'),
  [status.DEADLINE_EXCEEDED]: () => new UnavailableError('the stores service did not answer in time'),
  [status.RESOURCE_EXHAUSTED]: () => new UnavailableError('the stores service is overloaded'),
  [status.INTERNAL]: () => new InternalError('the stores service failed'),
  [status.UNKNOWN]: () => new InternalError('the stores service failed'),
};
