// ResilientGrpcClient against a real gRPC server on loopback (OwnersStub from ../testing.ts): deadlines, the retry of
// unreachable calls, the circuit breaker, the mapping of gRPC statuses to typed errors and the caller's trace in the
// call metadata. No other infrastructure needed.
import { jest } from '@jest/globals';
import { status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import type { GetCustomerResponse } from '@mallbots/contracts/customers';
import type { GetProductResponse, GetStoreResponse } from '@mallbots/contracts/stores';
import { InternalError, InvalidArgumentError, NotFoundError, UnavailableError } from '@mallbots/ddd';
import { OwnersStub } from '../testing.js';
import { shutdownTracing, startTracing } from '../tracing/tracing-sdk.js';
import { ResilientGrpcClient } from './resilient-grpc.client.js';

describe('ResilientGrpcClient', () => {
  let stub: OwnersStub;
  let client: ResilientGrpcClient;
  const getStore = (id: string) => client.call<{ id: string }, GetStoreResponse>('getStore', { id });
  const getProduct = (id: string) => client.call<{ id: string }, GetProductResponse>('getProduct', { id });
  const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as Error);

  beforeEach(async () => {
    stub = await new OwnersStub().start();
    stub.stores.set('s-1', { id: 's-1', name: 'Store One', location: 'Upper level', participating: true });
    stub.products.set('p-1', { id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal', description: '', sku: 'W1', price: 9.99 });
    client = new ResilientGrpcClient('stores', stub.address, { deadlineMs: 300, breakAfterFailures: 3, halfOpenAfterMs: 300, retries: 1 });
  });

  afterEach(async () => {
    client.close();
    await stub.stop();
    jest.restoreAllMocks();
  });

  it('calls a unary method by name and resolves with the answer', async () => {
    expect(await getStore('s-1')).toEqual({ store: { id: 's-1', name: 'Store One', location: 'Upper level', participating: true } });
    expect((await getProduct('p-1')).product).toMatchObject({ id: 'p-1', price: 9.99 });
    expect(stub.calls).toEqual([{ method: 'GetStore', id: 's-1' }, { method: 'GetProduct', id: 'p-1' }]);
  });

  it('serves any context of libs/contracts, naming it in its errors', async () => {
    const customers = new ResilientGrpcClient('customers', stub.address, { deadlineMs: 300 });
    try {
      stub.customers.set('c-1', { id: 'c-1', name: 'Pat', smsNumber: '555', enabled: true });
      expect((await customers.call<{ id: string }, GetCustomerResponse>('getCustomer', { id: 'c-1' })).customer).toMatchObject({ name: 'Pat' });
      stub.failures.push({ code: status.INTERNAL, details: 'boom' });
      await expect(customers.call('getCustomer', { id: 'c-1' })).rejects.toMatchObject({ name: 'InternalError', message: 'the customers service failed' });
    } finally {
      customers.close();
    }
  });

  it('answers NOT_FOUND as NotFoundError with the service’s text, which never opens the circuit', async () => {
    for (let i = 0; i < 5; i++) await expect(getProduct('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStore('nope')).rejects.toThrow('store with that ID does not exist');
    expect(stub.callsFor('nope')).toBe(6); // answers about the request are not retried either
    await expect(getProduct('p-1')).resolves.toMatchObject({ product: { id: 'p-1' } });
  });

  it.each([
    ['UNAVAILABLE', UnavailableError, 'the stores service is unavailable'],
    ['RESOURCE_EXHAUSTED', UnavailableError, 'the stores service is overloaded'],
    ['INTERNAL', InternalError, 'the stores service failed'],
    ['UNKNOWN', InternalError, 'the stores service failed'],
    ['INVALID_ARGUMENT', InvalidArgumentError, 'id is required at 10.0.0.7'], // the service's own answer: its text
  ] as const)('maps %s to %p, a transport failure without the transport’s details', async (name, type, message) => {
    const code = status[name];
    stub.failures.push({ code, details: 'id is required at 10.0.0.7' }, { code, details: 'id is required at 10.0.0.7' });
    const err = await errorOf(getStore('s-1'));
    expect(err).toBeInstanceOf(type);
    expect(err).toMatchObject({ message, cause: { code } });
  });

  it('ends a call that gets no answer at its deadline (UnavailableError), without retrying it', async () => {
    stub.failures.push('hang');
    const started = Date.now();
    const err = await errorOf(getProduct('p-1'));
    expect(err).toBeInstanceOf(UnavailableError);
    expect(err?.message).toBe('the stores service did not answer in time');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stub.callsFor('p-1')).toBe(1);
  });

  it('retries a call that could not reach the service once (by default), and not at all with retries: 0', async () => {
    stub.failures.push({ code: status.UNAVAILABLE, details: 'connection reset' });
    await expect(getProduct('p-1')).resolves.toMatchObject({ product: { id: 'p-1' } });
    expect(stub.callsFor('p-1')).toBe(2);

    const defaults = new ResilientGrpcClient('stores', stub.address);
    const once = new ResilientGrpcClient('stores', stub.address, { retries: 0 });
    try {
      stub.failures.push({ code: status.UNAVAILABLE, details: 'down' }, { code: status.UNAVAILABLE, details: 'down' });
      await expect(defaults.call('getStore', { id: 's-1' })).rejects.toMatchObject({ message: 'the stores service is unavailable' });
      expect(stub.callsFor('s-1')).toBe(2);
      stub.failures.push({ code: status.UNAVAILABLE, details: 'down' });
      await expect(once.call('getStore', { id: 's-1' })).rejects.toBeInstanceOf(UnavailableError);
      expect(stub.callsFor('s-1')).toBe(3);
    } finally {
      defaults.close();
      once.close();
    }
  });

  it('opens the circuit after consecutive faults (logged), fails fast while open, and closes again once the service answers', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    for (let i = 0; i < 3; i++) stub.failures.push({ code: status.INTERNAL, details: 'boom' });
    for (let i = 0; i < 3; i++) await expect(getProduct('p-1')).rejects.toMatchObject({ name: 'InternalError', message: 'the stores service failed' });
    expect(stub.callsFor('p-1')).toBe(3);
    expect(warn).toHaveBeenCalledWith(`stores at ${stub.address} is failing: circuit open`);

    const open = await errorOf(getProduct('p-1'));
    expect(open).toBeInstanceOf(UnavailableError);
    expect(open?.message).toBe('the stores service is unavailable (circuit open)');
    expect(stub.callsFor('p-1')).toBe(3); // never reached the service

    await new Promise((resolve) => setTimeout(resolve, 350)); // halfOpenAfterMs: the next call is a trial
    await expect(getProduct('p-1')).resolves.toMatchObject({ product: { id: 'p-1' } });
    expect(log).toHaveBeenCalledWith(`stores at ${stub.address} answers again: circuit closed`);
    await expect(getStore('s-1')).resolves.toMatchObject({ store: { id: 's-1' } });
  });

  it('counts every attempt of a retried call towards the breaker, and does not retry an open circuit', async () => {
    const strict = new ResilientGrpcClient('stores', stub.address, { deadlineMs: 300, breakAfterFailures: 2, halfOpenAfterMs: 60_000, retries: 3 });
    try {
      stub.failures.push({ code: status.UNAVAILABLE, details: 'down' }, { code: status.UNAVAILABLE, details: 'down' }, { code: status.UNAVAILABLE, details: 'down' });
      await expect(strict.call('getStore', { id: 's-1' })).rejects.toMatchObject({ message: 'the stores service is unavailable (circuit open)' });
      expect(stub.callsFor('s-1')).toBe(2);
    } finally {
      strict.close();
    }
  });

  it('maps an unreachable service to UnavailableError, without the transport’s details (address) in the text', async () => {
    const nowhere = new ResilientGrpcClient('stores', '127.0.0.1:1', { deadlineMs: 300, retries: 0 });
    try {
      const err = await errorOf(nowhere.call('getStore', { id: 's-1' }));
      expect(err).toMatchObject({ name: 'UnavailableError', message: 'the stores service is unavailable' });
    } finally {
      nowhere.close();
    }
  });

  it('refuses a method the service does not have, as a programming error that never opens the circuit', async () => {
    for (let i = 0; i < 4; i++) await expect(client.call('getStoreee', { id: 's-1' })).rejects.toThrow('StoresService has no method getStoreee');
    expect(stub.calls).toEqual([]);
    await expect(getStore('s-1')).resolves.toMatchObject({ store: { id: 's-1' } });
  });

  it('closes its channel on application shutdown', async () => {
    await getStore('s-1');
    client.onApplicationShutdown();
    await expect(getStore('s-1')).rejects.toThrow();
    expect(stub.callsFor('s-1')).toBe(1);
  });

  describe('tracing', () => {
    const exporter = new InMemorySpanExporter();
    beforeAll(() => startTracing({ service: 'test', spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
    afterAll(() => shutdownTracing());

    it('continues the caller’s trace: a CLIENT span and its traceparent in the call metadata (tracingClientInterceptor)', async () => {
      const parent = trace.getTracer('test').startSpan('handling a message');
      await context.with(trace.setSpan(context.active(), parent), () => getStore('s-1'));
      parent.end();
      const [traceparent] = stub.metadata.at(-1)!.get('traceparent');
      expect(String(traceparent)).toMatch(new RegExp(`^00-${parent.spanContext().traceId}-[0-9a-f]{16}-01$`));
      expect(exporter.getFinishedSpans().map((s) => s.name)).toContain('storespb.StoresService/GetStore');
    });
  });
});
