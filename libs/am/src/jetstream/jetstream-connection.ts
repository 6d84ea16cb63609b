import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';

export interface JetStreamConnectionOptions {
  /** Capture the caller's stack for every request (debugging aid, costly at high rates). Default false. */
  asyncTraces?: boolean;
  /** NATS URL(s), e.g. `nats://127.0.0.1:4222` (NATS_URL is required, O03). */
  servers: string | readonly string[];
  /** Client name shown by the server's monitoring, e.g. the service name. */
  name: string;
  /** JetStream domain, for leaf-node deployments; absent: the account's own JetStream. */
  domain?: string;
  /** Timeout of JetStream API requests and publish acks, in ms. Default 5 s. */
  timeoutMs?: number;
  /**
   * Pause between reconnect attempts, in ms (default 2 s). The connection retries for ever: nats.js's default gives up
   * after 10 attempts, and a service whose broker was down for longer would keep running with a closed connection
   * (its relay retrying a publish that can never succeed).
   */
  reconnectWaitMs?: number;
}

export class JetStreamUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JetStreamUnavailableError';
  }
}

/** One NATS connection with its JetStream client and manager, shared by the publisher and the subscribers. */
export class JetStreamConnection {
  constructor(
    readonly nc: NatsConnection,
    readonly jsm: JetStreamManager,
    readonly js: JetStreamClient,
    /** Timeout of JetStream API requests and publish acks, in ms. */
    readonly timeoutMs = 5_000,
  ) {}

  /**
   * Drains the connection: pending publishes are flushed and subscriptions finish before the socket closes (O06).
   * Drain the subscriptions (Subscription.drain) first so their handlers can still ack.
   */
  async close(): Promise<void> {
    if (this.nc.isClosed()) return;
    await this.nc.drain();
  }
}

/**
 * Connects and checks that JetStream answers. A server without JetStream would otherwise accept the connection
 * and fail every publish later; failing at start-up makes the misconfiguration obvious (O03).
 */
export async function connectJetStream(options: JetStreamConnectionOptions): Promise<JetStreamConnection> {
  const timeout = options.timeoutMs ?? 5_000;
  // noAsyncTraces: nats.js otherwise builds an Error (capturing a stack) for every request up front, in case it
  // times out; at relay rates that is ~15% of the CPU. Timeouts still reject, with the client's own error.
  const nc = await connect({
    servers: [...toArray(options.servers)],
    name: options.name,
    timeout,
    noAsyncTraces: options.asyncTraces !== true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectWaitMs ?? 2_000,
  });
  try {
    // checkAPI (the default) asks the server for the account's JetStream info and throws if nobody answers.
    const jsm = await jetstreamManager(nc, { timeout, ...(options.domain ? { domain: options.domain } : {}) });
    return new JetStreamConnection(nc, jsm, jsm.jetstream(), timeout);
  } catch (err) {
    await nc.close();
    throw new JetStreamUnavailableError(
      `JetStream is not available on ${nc.getServer()}${options.domain ? ` (domain ${options.domain})` : ''}: ` +
        `start nats-server with JetStream enabled (-js): ${(err as Error).message}`,
      { cause: err },
    );
  }
}

function toArray(servers: string | readonly string[]): readonly string[] {
  return typeof servers === 'string' ? [servers] : servers;
}
