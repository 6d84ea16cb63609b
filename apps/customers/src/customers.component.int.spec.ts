import { randomUUID } from 'node:crypto';
import { commandMessage, decodeEnvelope, Header, JetStreamPublisher, type MessageRegistry, SuccessReply, FailureReply } from '@mallbots/am';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { CustomersModule } from './customers.module.js';
import { CustomersChannel, CustomersMessage, customersRegistry } from './adapters/messaging/customers.messages.js';
import { fileURLToPath } from 'node:url';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const REPLIES = 'mallbots.cosec.replies.CreateOrder';


describe('customers service (REST, gRPC and messages on real PostgreSQL and NATS)', () => {
  let svc: ServiceUnderTest;
  let grpc: GrpcTestClient;
  const registry: MessageRegistry = customersRegistry();

  const call = (method: string, request: object) => grpc.call(method, request);
  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;
  const register = async (name = 'John Smith') => (await http('POST', `${svc.httpUrl}/api/customers`, { name, smsNumber: '555-0100' })).body as { id: string };
  /** Messages the stream holds on a subject, decoded. */
  const stored = async (subject: string) => {
    const messages = [];
    const info = await svc.jetstream.jsm.streams.info('mallbots');
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await svc.jetstream.jsm.streams.getMessage('mallbots', { seq }).catch(() => undefined);
      if (m && m.subject === subject) messages.push(decodeEnvelope(m.data, m.subject));
    }
    return messages;
  };

  beforeAll(async () => {
    svc = await bootServiceForTest({
      service: 'customers',
      module: (config) => CustomersModule.forRoot(config, migrationsDir),
      grpc: { package: grpcPackages.customers, protoFile: protoFiles.customers },
      openApi: { path: 'customers-spec', title: 'Customers' },
    });
    grpc = grpcTestClient('customers', 'CustomersService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
  });

  describe('REST', () => {
    it('registers, reads, disables and enables a customer with the reference’s paths and bodies', async () => {
      const created = await http('POST', `${svc.httpUrl}/api/customers`, { name: 'John Smith', smsNumber: '555-0100', unknownField: 1 });
      expect(created.status).toBe(200);
      const { id } = created.body as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);

      expect(await http('GET', `${svc.httpUrl}/api/customers/${id}`)).toMatchObject({ status: 200, body: { customer: { id, name: 'John Smith', smsNumber: '555-0100', enabled: true } } });
      expect(await http('PUT', `${svc.httpUrl}/api/customers/${id}/disable`, {})).toMatchObject({ status: 200, body: {} });
      expect(await http('PUT', `${svc.httpUrl}/api/customers/${id}/change-sms`, { smsNumber: '555-0199' })).toMatchObject({ status: 200, body: {} });
      expect(await http('GET', `${svc.httpUrl}/api/customers/${id}`)).toMatchObject({ body: { customer: { enabled: false, smsNumber: '555-0199' } } });
      expect(await http('PUT', `${svc.httpUrl}/api/customers/${id}/enable`, {})).toMatchObject({ status: 200 });
    });

    it.each([
      [{ name: '', smsNumber: '555' }, 'the customer name cannot be blank'],
      [{ name: 'Jane', smsNumber: '  ' }, 'the SMS number cannot be blank'],
      [{ name: 42, smsNumber: '555' }, 'name must be a string'],
      ['{not json', undefined],
    ])('answers bad input %p with 400 and a JSON error, changing nothing', async (body, message) => {
      const before = await rows('SELECT count(*)::int AS n FROM customers');
      const response = await http('POST', `${svc.httpUrl}/api/customers`, body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      expect(response.body).toMatchObject({ code: 3, details: [] });
      if (message) expect((response.body as { message: string }).message).toBe(message);
      expect(await rows('SELECT count(*)::int AS n FROM customers')).toEqual(before);
    });

    it('answers an unknown id with 404 and never creates anything', async () => {
      const unknown = randomUUID();
      expect(await http('GET', `${svc.httpUrl}/api/customers/${unknown}`)).toMatchObject({ status: 404, body: { code: 5, message: `customer ${unknown} not found` } });
      expect(await http('PUT', `${svc.httpUrl}/api/customers/${unknown}/enable`, {})).toMatchObject({ status: 404 });
      expect(await rows('SELECT id FROM customers WHERE id = $1', [unknown])).toEqual([]);
    });

    it('refuses to enable an enabled customer (400, the reference’s text)', async () => {
      const { id } = await register();
      expect(await http('PUT', `${svc.httpUrl}/api/customers/${id}/enable`, {})).toMatchObject({ status: 400, body: { code: 3, message: 'the customer is already enabled' } });
    });

    it('echoes the caller’s x-request-id, or makes one', async () => {
      const given = await fetch(`${svc.httpUrl}/api/customers/${randomUUID()}`, { headers: { 'x-request-id': 'kiosk-7:42' } });
      expect(given.headers.get('x-request-id')).toBe('kiosk-7:42');
      const made = await fetch(`${svc.httpUrl}/liveness`);
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('serves liveness, readiness, metrics and the OpenAPI document', async () => {
      expect(await http('GET', `${svc.httpUrl}/liveness`)).toMatchObject({ status: 200, body: '.' });
      expect(await http('GET', `${svc.httpUrl}/readiness`)).toMatchObject({ status: 200, body: { status: 'ok', checks: { postgres: 'ok', nats: 'ok' } } });
      await register();
      const metrics = (await http('GET', `${svc.httpUrl}/metrics`)).body as string;
      expect(metrics).toMatch(/customers_registered_count \d+/);
      expect(metrics).toContain('outbox_backlog');
      const spec = await http('GET', `${svc.httpUrl}/customers-spec/api.swagger.json`);
      expect(Object.keys((spec.body as { paths: object }).paths)).toEqual(expect.arrayContaining(['/api/customers', '/api/customers/{id}', '/api/customers/{id}/enable']));
    });
  });

  describe('integration events', () => {
    it('publishes CustomerRegistered, CustomerSmsChanged and CustomerDisabled through the outbox', async () => {
      const { id } = await register('Event Person');
      await http('PUT', `${svc.httpUrl}/api/customers/${id}/change-sms`, { smsNumber: '555-0142' });
      await http('PUT', `${svc.httpUrl}/api/customers/${id}/disable`, {});
      const mine = await eventually(async () => {
        const messages = (await stored(CustomersChannel.Events)).filter((m) => (registry.deserialize<{ id: string }>(m.name, m.payload)).id === id);
        return messages.length === 3 ? messages : undefined;
      });
      expect(mine!.map((m) => m.name)).toEqual([CustomersMessage.CustomerRegistered, CustomersMessage.CustomerSmsChanged, CustomersMessage.CustomerDisabled]);
      expect(registry.deserialize(mine![0]!.name, mine![0]!.payload)).toEqual({ id, name: 'Event Person', smsNumber: '555-0100' });
      expect(registry.deserialize(mine![1]!.name, mine![1]!.payload)).toEqual({ id, smsNumber: '555-0142' });
    });
  });

  describe('gRPC', () => {
    it('serves customerspb.CustomersService with typed errors as gRPC statuses', async () => {
      const { id } = (await call('registerCustomer', { name: 'Grpc Person', smsNumber: '555-0101' })) as { id: string };
      expect(await call('getCustomer', { id })).toEqual({ customer: { id, name: 'Grpc Person', smsNumber: '555-0101', enabled: true } });
      await call('authorizeCustomer', { id });
      await call('disableCustomer', { id });
      await expect(call('authorizeCustomer', { id })).rejects.toMatchObject({ code: 16, details: 'customer is not authorized' });
      await expect(call('getCustomer', { id: 'nope' })).rejects.toMatchObject({ code: 5 });
      await expect(call('registerCustomer', { name: '', smsNumber: '1' })).rejects.toMatchObject({ code: 3, details: 'the customer name cannot be blank' });
    });
  });

  describe('AuthorizeCustomer command', () => {
    const publisher = () => new JetStreamPublisher(svc.jetstream);
    const command = (customerId: string, sagaId = randomUUID()) =>
      commandMessage(registry, CustomersChannel.Commands, { id: randomUUID(), name: CustomersMessage.AuthorizeCustomer, payload: { id: customerId }, occurredAt: new Date() }, { replyChannel: REPLIES, sagaId, sagaName: 'cosec.CreateOrder' });
    const replies = async (sagaId: string) => (await stored(REPLIES)).filter((m) => m.headers[Header.ReplySagaId] === sagaId);

    it('replies Success for an enabled customer and Failure with the reason for a disabled one', async () => {
      const { id: enabled } = await register();
      const { id: disabled } = await register();
      await http('PUT', `${svc.httpUrl}/api/customers/${disabled}/disable`, {});
      const ok = command(enabled);
      const refused = command(disabled);
      await publisher().publish([ok, refused]);

      const [okReply] = (await eventually(async () => ((await replies(ok.headers[Header.CommandSagaId]!)).length ? replies(ok.headers[Header.CommandSagaId]!) : undefined)))!;
      expect(okReply).toMatchObject({ name: SuccessReply, headers: { [Header.ReplyOutcome]: 'SUCCESS', [Header.ReplySagaName]: 'cosec.CreateOrder' } });
      const [refusedReply] = (await eventually(async () => ((await replies(refused.headers[Header.CommandSagaId]!)).length ? replies(refused.headers[Header.CommandSagaId]!) : undefined)))!;
      expect(refusedReply).toMatchObject({ name: FailureReply, headers: { [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: 'customer is not authorized' } });
    });

    it('handles a redelivered command once (inbox) and dead-letters a malformed message while carrying on', async () => {
      const { id } = await register();
      const first = command(id);
      // A replay marker lets the broker store the same message id again, as a redelivery would deliver it.
      await publisher().publish([first, { ...first, headers: { ...first.headers, [Header.Replay]: 'again' } }]);
      await svc.jetstream.js.publish(CustomersChannel.Commands, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-1' });
      const after = command(id);
      await publisher().publish([after]);

      await eventually(async () => (await replies(after.headers[Header.CommandSagaId]!)).length === 1);
      expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = $2', ['customer-commands', first.id])).toEqual([{ n: 1 }]);
      expect(await replies(first.headers[Header.CommandSagaId]!)).toHaveLength(1);
      const deadLetters = await eventually(async () => {
        const r = await rows("SELECT message_id, errors FROM dead_letters WHERE consumer = 'customer-commands'");
        return r.length ? r : undefined;
      });
      expect(deadLetters![0]).toMatchObject({ message_id: 'garbage-1' });
    });
  });
});
