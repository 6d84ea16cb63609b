import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type Client, credentials, loadPackageDefinition, Metadata, type ServiceClientConstructor, type ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { type ContractContext, grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import { type DomainError, domainErrorFromGrpc, InternalError, UnavailableError } from '@mallbots/ddd';
import { BrokenCircuitError, circuitBreaker, ConsecutiveBreaker, ExponentialBackoff, handleWhen, type IPolicy, retry, wrap } from 'cockatiel';
import { tracingClientInterceptor } from '@mallbots/platform';

export interface FallbackClientOptions {
  /** Per-call deadline (architecture §4.2: every client call has one). Default 2 s. */
  readonly deadlineMs?: number;
  /** Consecutive downstream faults that open the circuit. Default 5. */
  readonly breakAfterFailures?: number;
  /** How long the circuit stays open before a trial call is let through. Default 10 s. */
  readonly halfOpenAfterMs?: number;
  /** Extra attempts for a call that could not reach the service (UNAVAILABLE); the lookups are idempotent reads. Default 1. */
  readonly retries?: number;
}

type Callback<T> = (err: ServiceError | null, response?: T) => void;
type Unary = <Req, Res>(request: Req, metadata: Metadata, options: { deadline: number }, callback: Callback<Res>) => void;

/** Failures that say something about the service's health (they open the circuit); NOT_FOUND and the like do not. */
const downstreamFault = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED, status.INTERNAL, status.UNKNOWN]);

const grpcCode = (err: unknown): number | undefined => {
  const code = (err as Partial<ServiceError> | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * A unary gRPC client for the cache fallbacks (reference-behaviour §3.8; requirement table 3.10). Unlike the
 * reference, which dialled a new connection per lookup with no deadline (§14.5 item 44), it keeps one channel,
 * gives every call a deadline, retries a call that could not reach the service once, and guards the service with a
 * circuit breaker (cockatiel): after consecutive faults calls fail at once with UnavailableError, instead of each
 * waiting for its deadline while the message's transaction is open. gRPC statuses become typed DomainErrors.
 */
export class FallbackGrpcClient {
  private readonly logger: Logger;
  private readonly client: Client & Record<string, Unary>;
  private readonly deadlineMs: number;
  private readonly policy: IPolicy;

  constructor(
    private readonly context: ContractContext,
    readonly address: string,
    options: FallbackClientOptions = {},
  ) {
    this.logger = new Logger(`${context}Client`);
    const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles[context]), grpcLoaderOptions()));
    const Service = (definition[grpcPackages[context]] as Record<string, ServiceClientConstructor>)[grpcServices[context]]!;
    // The interceptor continues the caller’s trace in the owning service (traceparent in the call metadata, T02).
    this.client = new Service(address, credentials.createInsecure(), { interceptors: [tracingClientInterceptor] }) as unknown as Client & Record<string, Unary>;
    this.deadlineMs = options.deadlineMs ?? 2_000;
    const breaker = circuitBreaker(handleWhen((err) => downstreamFault.has(grpcCode(err) ?? -1)), {
      halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakAfterFailures ?? 5),
    });
    breaker.onBreak(() => this.logger.warn(`${context} at ${address} is failing: circuit open`));
    breaker.onReset(() => this.logger.log(`${context} at ${address} answers again: circuit closed`));
    const retries = retry(handleWhen((err) => grpcCode(err) === status.UNAVAILABLE), {
      maxAttempts: options.retries ?? 1,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 250 }),
    });
    // Retry outside the breaker: every attempt counts towards opening it, and an open circuit is not retried.
    this.policy = wrap(retries, breaker);
  }

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

  private unary<Req, Res>(method: string, request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.client[method]!<Req, Res>(request, new Metadata(), { deadline: Date.now() + this.deadlineMs }, (err, response) => (err ? reject(err) : resolve(response!)));
    });
  }

  /**
   * The service's own answers (NOT_FOUND, INVALID_ARGUMENT, …) keep their text; transport failures get a fixed text,
   * because grpc-js's details name addresses that are nobody's business outside this process (they are logged).
   */
  private toDomainError(err: unknown): unknown {
    const service = `the ${this.context} service`;
    if (err instanceof BrokenCircuitError) return new UnavailableError(`${service} is unavailable (circuit open)`, [], { cause: err });
    const code = grpcCode(err);
    if (code === undefined) return err;
    const details = (err as ServiceError).details || (err as ServiceError).message;
    const transport: Partial<Record<number, () => DomainError>> = {
      [status.UNAVAILABLE]: () => new UnavailableError(`${service} is unavailable`),
      [status.DEADLINE_EXCEEDED]: () => new UnavailableError(`${service} did not answer in time`),
      [status.RESOURCE_EXHAUSTED]: () => new UnavailableError(`${service} is overloaded`),
      [status.INTERNAL]: () => new InternalError(`${service} failed`),
      [status.UNKNOWN]: () => new InternalError(`${service} failed`),
    };
    const known = transport[code];
    if (known) this.logger.warn(`${this.context} call failed: ${status[code]} ${details}`);
    return Object.assign(known ? known() : domainErrorFromGrpc(code, details), { cause: err });
  }
}
