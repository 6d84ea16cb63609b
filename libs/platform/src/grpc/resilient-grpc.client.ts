import { join } from 'node:path';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Client, credentials, loadPackageDefinition, Metadata, type ServiceClientConstructor, type ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { type ContractContext, grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import { type DomainError, domainErrorFromGrpc, InternalError, UnavailableError } from '@mallbots/ddd';
import { BrokenCircuitError, circuitBreaker, ConsecutiveBreaker, ExponentialBackoff, handleWhen, type IPolicy, retry, wrap } from 'cockatiel';
import { tracingClientInterceptor } from '../tracing/grpc-client-tracing.js';

export interface ResilientGrpcClientOptions {
  /** Per-call deadline (architecture §4.2: every client call has one). Default 2 s. */
  readonly deadlineMs?: number;
  /** Consecutive downstream faults that open the circuit. Default 5. */
  readonly breakAfterFailures?: number;
  /** How long the circuit stays open before a trial call is let through. Default 10 s. */
  readonly halfOpenAfterMs?: number;
  /**
   * Extra attempts for a call that could not reach the service (UNAVAILABLE only). Default 1: the calls made through
   * this client are idempotent reads, and UNAVAILABLE usually means a connection that broke or a replica that was
   * restarting, which one quick second attempt rides out; more attempts would only hold the caller's transaction
   * longer against a service that is really down (the breaker's business).
   */
  readonly retries?: number;
}

type Callback<T> = (err: ServiceError | null, response?: T) => void;
type Unary = <Req, Res>(request: Req, metadata: Metadata, options: { deadline: number }, callback: Callback<Res>) => void;

/**
 * Failures that say something about the service's health, so they count towards opening the circuit: it cannot be
 * reached (UNAVAILABLE), does not answer in time (DEADLINE_EXCEEDED), sheds load (RESOURCE_EXHAUSTED) or breaks
 * (INTERNAL, UNKNOWN). Its answers about the request (NOT_FOUND, INVALID_ARGUMENT, FAILED_PRECONDITION, …) are a
 * healthy service speaking and never open it.
 */
const downstreamFault = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED, status.INTERNAL, status.UNKNOWN]);

const grpcCode = (err: unknown): number | undefined => {
  const code = (err as Partial<ServiceError> | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * A unary gRPC client of another context's service (libs/contracts' proto), for the cache fallbacks of baskets,
 * depot and search. Unlike the reference, which dialled a new connection per lookup with no deadline (§14.5 item 44),
 * it keeps one channel, gives every call a deadline, retries a call that could not reach the service (once by
 * default) and guards the service with a circuit breaker (cockatiel): after consecutive faults calls fail at once
 * with UnavailableError instead of each waiting for its deadline while the caller's transaction is open. gRPC
 * statuses become typed DomainErrors. Calls carry the caller's trace (`tracingClientInterceptor`). Closed on
 * shutdown. Services wrap it in a typed client of their port that keeps only their own mapping of the answers.
 */
export class ResilientGrpcClient implements OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly client: Client & Record<string, Unary | undefined>;
  private readonly deadlineMs: number;
  private readonly policy: IPolicy;

  constructor(
    private readonly context: ContractContext,
    readonly address: string,
    options: ResilientGrpcClientOptions = {},
  ) {
    this.logger = new Logger(`${context.charAt(0).toUpperCase()}${context.slice(1)}Client`);
    const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles[context]), grpcLoaderOptions()));
    const Service = (definition[grpcPackages[context]] as Record<string, ServiceClientConstructor>)[grpcServices[context]]!;
    // The interceptor continues the caller’s trace in the called service (traceparent in the call metadata, T02).
    this.client = new Service(address, credentials.createInsecure(), { interceptors: [tracingClientInterceptor] }) as unknown as typeof this.client;
    this.deadlineMs = options.deadlineMs ?? 2_000;
    const breaker = circuitBreaker(handleWhen((err) => downstreamFault.has(grpcCode(err) ?? -1)), {
      halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakAfterFailures ?? 5),
    });
    breaker.onBreak(() => this.logger.warn(`${context} at ${address} is failing: circuit open`));
    breaker.onReset(() => this.logger.log(`${context} at ${address} answers again: circuit closed`));
    // Only UNAVAILABLE is retried: the call did not reach the service (or was refused before handling), so a second
    // attempt cannot do anything twice. A call that timed out may still be running there, and retrying it would
    // double the wait the deadline exists to bound.
    const retries = retry(handleWhen((err) => grpcCode(err) === status.UNAVAILABLE), {
      maxAttempts: options.retries ?? 1,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 250 }),
    });
    // Retry outside the breaker: every attempt counts towards opening it, and an open circuit is not retried.
    this.policy = wrap(retries, breaker);
  }

  /**
   * Calls a unary method by its (lowerCamelCase) name. Rejects with a DomainError: the service's own answer
   * (NotFoundError, …) with its text, or UnavailableError / InternalError for transport failures and an open circuit.
   */
  async call<Req, Res>(method: string, request: Req): Promise<Res> {
    try {
      return await this.policy.execute(() => this.unary<Req, Res>(method, request));
    } catch (err) {
      throw this.toDomainError(err);
    }
  }

  close(): void {
    this.client.close();
  }

  onApplicationShutdown(): void {
    this.close();
  }

  private unary<Req, Res>(method: string, request: Req): Promise<Res> {
    // A programming error, not a fault of the service: it is neither retried nor counted by the breaker.
    if (typeof this.client[method] !== 'function') return Promise.reject(new Error(`${grpcPackages[this.context]}.${grpcServices[this.context]} has no method ${method}`));
    return new Promise<Res>((resolve, reject) => {
      this.client[method]!<Req, Res>(request, new Metadata(), { deadline: Date.now() + this.deadlineMs }, (err, response) => (err ? reject(err) : resolve(response!)));
    });
  }

  /**
   * The service's own answers (NOT_FOUND, INVALID_ARGUMENT, …) keep their text; transport failures get a fixed text,
   * because grpc-js's details name addresses and resolver notes that are nobody's business outside this process
   * (they are logged instead).
   */
  private toDomainError(err: unknown): unknown {
    const service = `the ${this.context} service`;
    if (err instanceof BrokenCircuitError) return new UnavailableError(`${service} is unavailable (circuit open)`, [], { cause: err });
    const code = grpcCode(err);
    if (code === undefined) return err;
    const details = (err as ServiceError).details || (err as ServiceError).message;
    const transport = transportFailures[code];
    if (transport) this.logger.warn(`${this.context} call failed: ${status[code]} ${details}`);
    return Object.assign(transport ? transport(service) : domainErrorFromGrpc(code, details), { cause: err });
  }
}

/** The transport failures (the downstream faults), each with the fixed text the caller gets. */
const transportFailures: Partial<Record<number, (service: string) => DomainError>> = {
  [status.UNAVAILABLE]: (service) => new UnavailableError(`${service} is unavailable`),
  [status.DEADLINE_EXCEEDED]: (service) => new UnavailableError(`${service} did not answer in time`),
  [status.RESOURCE_EXHAUSTED]: (service) => new UnavailableError(`${service} is overloaded`),
  [status.INTERNAL]: (service) => new InternalError(`${service} failed`),
  [status.UNKNOWN]: (service) => new InternalError(`${service} failed`),
};
