import { ApiErrorCode, codeOfHttpStatus, KioskApiError, KioskNetworkError, KioskTimeoutError } from './errors.js';

export interface KioskClientOptions {
  /** The gateway, e.g. `http://127.0.0.1:8080`; the client appends `/api/<context>/…`. */
  readonly baseUrl: string;
  /** Deadline of each request in milliseconds, the answer's body included. Default 10 000. */
  readonly timeoutMs?: number;
  /**
   * Makes the `X-Request-Id` of each request (e.g. `() => crypto.randomUUID()`), so a kiosk's logs and the
   * services' logs name the same request. Without it the gateway makes one.
   */
  readonly requestId?: () => string;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch implementation; the global one by default. */
  readonly fetch?: typeof fetch;
}

/** Per-call settings; every method takes them as its last, optional argument. */
export interface CallOptions {
  /** Aborts the request (the caller's reason is rethrown as is). */
  readonly signal?: AbortSignal;
  /** This call's deadline, instead of the client's. */
  readonly timeoutMs?: number;
  /** This call's `X-Request-Id`, instead of the client's generator. */
  readonly requestId?: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** JSON over fetch with a deadline, an optional request id and the services' errors as KioskApiError. */
export class KioskHttp {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly requestId: (() => string) | undefined;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly fetch: typeof fetch;

  constructor(options: KioskClientOptions) {
    if (!/^https?:\/\//.test(options.baseUrl)) throw new Error(`the kiosk client needs an http(s) base URL, got "${options.baseUrl}"`);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.requestId = options.requestId;
    this.headers = options.headers ?? {};
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async request<T>(method: string, path: string, body?: unknown, call: CallOptions = {}): Promise<T> {
    const timeoutMs = call.timeoutMs ?? this.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
    const headers: Record<string, string> = { Accept: 'application/json', ...this.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const requestId = call.requestId ?? this.requestId?.();
    if (requestId) headers['X-Request-Id'] = requestId;

    let response: Response;
    let text: string;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
      // Read under the same signal: a body that stops half-way is a timeout too, not a hang.
      text = await response.text();
    } catch (err) {
      if (signal.aborted) {
        if (deadline.aborted && signal.reason === deadline.reason) throw new KioskTimeoutError(method, path, timeoutMs);
        throw signal.reason;
      }
      throw new KioskNetworkError(method, path, err);
    }

    const answeredId = response.headers.get('x-request-id') ?? requestId;
    if (!response.ok) throw apiError(method, path, response, text, answeredId);
    if (text.trim() === '') return {} as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new KioskApiError({ method, path, status: response.status, code: ApiErrorCode.UNKNOWN, message: `the answer to ${method} ${path} is not JSON`, requestId: answeredId });
    }
  }
}

/** A path segment (ids are UUIDs, but nothing a caller passes may change the route). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The services answer errors with `{code, message, details}`; anything else (the gateway's HTML error page, an
 * empty body) keeps its status, with a code derived from it.
 */
function apiError(method: string, path: string, response: Response, text: string, requestId: string | undefined): KioskApiError {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof fields['code'] === 'number' ? fields['code'] : codeOfHttpStatus(response.status);
  const message = typeof fields['message'] === 'string' && fields['message'] !== '' ? fields['message'] : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const details = Array.isArray(fields['details']) ? (fields['details'] as unknown[]) : [];
  return new KioskApiError({ method, path, status: response.status, code, message, details, requestId });
}
