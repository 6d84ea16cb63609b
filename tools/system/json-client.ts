// A small JSON client for the system tests: pointed at the gateway it calls the API as a kiosk or a bot would;
// pointed at cosec or notifications (which the gateway does not expose) it reads their operator endpoints.
import { eventually } from '@mallbots/testing';

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

export class JsonClient {
  constructor(readonly baseUrl: string) {}

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A call that must succeed; the error names the call and the answer. */
  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.send(method, path, body);
    if (reply.status !== 200) throw new Error(`${method} ${path} answered ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body as T;
  }

  /** Polls a GET until `accept` holds for its 200 body (the system is eventually consistent between services). */
  async until<T = Record<string, unknown>>(path: string, accept: (body: T) => boolean, timeoutMs = 20_000): Promise<T> {
    let last: unknown;
    try {
      return await eventually<T | undefined>(
        async () => {
          const reply = await this.send('GET', path);
          last = `${reply.status} ${JSON.stringify(reply.body)}`;
          return reply.status === 200 && accept(reply.body as T) ? (reply.body as T) : undefined;
        },
        { timeoutMs, intervalMs: 100 },
      ) as T;
    } catch {
      throw new Error(`GET ${path} did not reach the expected state within ${timeoutMs} ms; last answer: ${String(last)}`);
    }
  }
}
