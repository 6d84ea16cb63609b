import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { commandMessage, decodeEnvelope, eventMessage, FailureReply, Header, JetStreamPublisher, type Message, type MessageRegistry, SuccessReply } from '@mallbots/am';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import type { ConfirmPayment } from '@mallbots/contracts/payments';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { OrderingChannel, OrderingMessage, PaymentsChannel, PaymentsGroup, PaymentsMessage, paymentsRegistry } from './adapters/messaging/payments.messages.js';
import { PaymentsModule } from './payments.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const REPLIES = 'mallbots.cosec.replies.CreateOrder';


describe('payments service (REST, gRPC and messages on real PostgreSQL and NATS)', () => {
  let svc: ServiceUnderTest;
  let grpc: GrpcTestClient;
  const registry: MessageRegistry = paymentsRegistry();

  const call = (method: string, request: object) => grpc.call(method, request);
  const rows = async (sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows;
  const tables = async () => rows('SELECT (SELECT count(*)::int FROM payments) AS payments, (SELECT count(*)::int FROM invoices) AS invoices');
  const invoiceRow = async (id: string) => (await rows('SELECT id, order_id, payment_id, amount_cents::int AS cents, status, version FROM invoices WHERE id = $1', [id]))[0];
  const authorize = async (amount = 100) => (await http('POST', `${svc.httpUrl}/api/payments`, { customerId: 'customer-1', amount })).body as { id: string };
  /** A pending invoice for a new order, through the gRPC CreateInvoice RPC. */
  const newInvoice = async (amount = 25.5) => (await call('createInvoice', { orderId: randomUUID(), paymentId: 'payment-1', amount })) as { id: string };
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
  const publish = (...messages: Message[]) => new JetStreamPublisher(svc.jetstream).publish(messages);
  const handled = async (group: string, messageId: string) =>
    (await rows('SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2', [group, messageId])).length === 1;
  const deadLetter = async (group: string, messageId: string) =>
    eventually(async () => (await rows('SELECT message_id, errors FROM dead_letters WHERE consumer = $1 AND message_id = $2', [group, messageId]))[0]);

  const orderReadied = (orderId: string, total: number, paymentId = 'payment-1') =>
    eventMessage(registry, OrderingChannel.OrderEvents, {
      id: randomUUID(),
      name: OrderingMessage.OrderReadied,
      payload: { id: orderId, customerId: 'customer-1', paymentId, total },
      occurredAt: new Date(),
    });
  const orderCanceled = (orderId: string) =>
    eventMessage(registry, OrderingChannel.OrderEvents, {
      id: randomUUID(),
      name: OrderingMessage.OrderCanceled,
      payload: { id: orderId, customerId: 'customer-1', paymentId: 'payment-1' },
      occurredAt: new Date(),
    });

  beforeAll(async () => {
    svc = await bootServiceForTest({
      service: 'payments',
      module: (config) => PaymentsModule.forRoot(config, migrationsDir),
      grpc: { package: grpcPackages.payments, protoFile: protoFiles.payments },
      openApi: { path: 'payments-spec', title: 'Payments' },
    });
    grpc = grpcTestClient('payments', 'PaymentsService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    await svc?.close();
  });

  describe('REST', () => {
    it('authorizes a payment (POST /api/payments) and stores its amount exactly', async () => {
      const response = await http('POST', `${svc.httpUrl}/api/payments`, { customerId: 'customer-1', amount: 12.34, unknownField: 1 });
      expect(response.status).toBe(200);
      const { id } = response.body as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await rows('SELECT customer_id, amount_cents::int AS cents FROM payments WHERE id = $1', [id])).toEqual([{ customer_id: 'customer-1', cents: 1234 }]);
    });

    it('is idempotent on a caller-chosen payment id, and refuses the id with other data (409)', async () => {
      const id = randomUUID();
      const first = await http('POST', `${svc.httpUrl}/api/payments`, { id, customerId: 'customer-1', amount: 10 });
      const again = await http('POST', `${svc.httpUrl}/api/payments`, { id, customerId: 'customer-1', amount: 10 });
      expect([first, again]).toMatchObject([
        { status: 200, body: { id } },
        { status: 200, body: { id } },
      ]);
      expect(await http('POST', `${svc.httpUrl}/api/payments`, { id, customerId: 'customer-1', amount: 11 })).toMatchObject({ status: 409, body: { code: 6 } });
      expect(await rows('SELECT amount_cents::int AS cents FROM payments WHERE id = $1', [id])).toEqual([{ cents: 1000 }]);
    });

    it.each([
      [{ customerId: '', amount: 10 }, 'the customer id cannot be blank'],
      [{ amount: 10 }, 'the customer id cannot be blank'],
      [{ customerId: 'customer-1', amount: 0 }, 'the payment amount must be greater than zero'],
      [{ customerId: 'customer-1' }, 'the payment amount must be greater than zero'],
      [{ customerId: 'customer-1', amount: -5 }, 'the payment amount must be greater than zero'],
      [{ customerId: 'customer-1', amount: 1.234 }, 'the amount 1.234 has more than two decimal places'],
      [{ customerId: 42, amount: 10 }, 'customerId must be a string'],
      [{ customerId: 'x'.repeat(65), amount: 10 }, 'customerId must be shorter than or equal to 64 characters'],
      [{ customerId: 'customer-1', amount: '10' }, 'amount must be a number conforming to the specified constraints'],
      [{ customerId: 'customer-1', amount: 10, id: 'not-a-uuid' }, 'id must be a UUID'],
      ['{not json', undefined],
    ])('answers bad input %p with 400 and a JSON error, changing nothing', async (body, message) => {
      const before = await tables();
      const response = await http('POST', `${svc.httpUrl}/api/payments`, body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/json');
      expect(response.body).toMatchObject({ code: 3, details: [] });
      if (message) expect((response.body as { message: string }).message).toBe(message);
      expect(await tables()).toEqual(before);
    });

    it('pays an invoice (PUT /api/payments/invoices/{id}/pay), again without error, and shows it paid', async () => {
      const { id } = await newInvoice(25.5);
      expect(await http('PUT', `${svc.httpUrl}/api/payments/invoices/${id}/pay`, {})).toMatchObject({ status: 200, body: {} });
      expect(await http('PUT', `${svc.httpUrl}/api/payments/invoices/${id}/pay`, {})).toMatchObject({ status: 200, body: {} });
      expect(await http('GET', `${svc.httpUrl}/api/payments/invoices/${id}`)).toMatchObject({
        status: 200,
        body: { invoice: { id, orderId: id, paymentId: 'payment-1', amount: 25.5, status: 'paid' } },
      });
      expect(await invoiceRow(id)).toMatchObject({ status: 'paid', version: 2 });
      // A paid invoice cannot be canceled (400 with its own text and INVALID_ARGUMENT, as the reference), and stays paid.
      expect(await http('PUT', `${svc.httpUrl}/api/payments/invoices/${id}/cancel`, {})).toMatchObject({ status: 400, body: { code: 3, message: 'invoice cannot be canceled' } });
      expect(await invoiceRow(id)).toMatchObject({ status: 'paid', version: 2 });
    });

    it('cancels a pending invoice (PUT …/cancel), reads it back canceled (#38) and refuses to pay it', async () => {
      const { id } = await newInvoice(3);
      expect(await http('PUT', `${svc.httpUrl}/api/payments/invoices/${id}/cancel`, {})).toMatchObject({ status: 200, body: {} });
      expect(await http('GET', `${svc.httpUrl}/api/payments/invoices/${id}`)).toMatchObject({ status: 200, body: { invoice: { status: 'canceled', amount: 3 } } });
      expect(await http('PUT', `${svc.httpUrl}/api/payments/invoices/${id}/pay`, {})).toMatchObject({ status: 400, body: { code: 3, message: 'invoice cannot be paid for' } });
      expect(await invoiceRow(id)).toMatchObject({ status: 'canceled', version: 2 });
    });

    it('answers unknown invoice ids with 404 and never creates anything', async () => {
      const unknown = randomUUID();
      const before = await tables();
      for (const [method, path] of [
        ['PUT', `invoices/${unknown}/pay`],
        ['PUT', `invoices/${unknown}/cancel`],
        ['GET', `invoices/${unknown}`],
      ] as const) {
        expect(await http(method, `${svc.httpUrl}/api/payments/${path}`, method === 'PUT' ? {} : undefined)).toMatchObject({ status: 404, body: { code: 5, message: 'invoice not found' } });
      }
      expect(await tables()).toEqual(before);
    });

    it('serves liveness, readiness, metrics and the OpenAPI document titled Payments', async () => {
      expect(await http('GET', `${svc.httpUrl}/liveness`)).toMatchObject({ status: 200, body: '.' });
      expect(await http('GET', `${svc.httpUrl}/readiness`)).toMatchObject({ status: 200, body: { status: 'ok', checks: { postgres: 'ok', nats: 'ok' } } });
      expect((await http('GET', `${svc.httpUrl}/metrics`)).body).toContain('outbox_backlog');
      const spec = (await http('GET', `${svc.httpUrl}/payments-spec/api.swagger.json`)).body as { info: { title: string }; paths: Record<string, Record<string, { operationId: string }>> };
      expect(spec.info.title).toBe('Payments');
      expect(spec.paths['/api/payments']?.post?.operationId).toBe('authorizePayment');
      expect(spec.paths['/api/payments/invoices/{id}/pay']?.put?.operationId).toBe('payInvoice');
    });
  });

  describe('gRPC', () => {
    it('serves the payment RPCs with typed errors as gRPC statuses', async () => {
      const { id } = (await call('authorizePayment', { customerId: 'customer-2', amount: 40 })) as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await call('confirmPayment', { id })).toEqual({});
      await expect(call('confirmPayment', { id: randomUUID() })).rejects.toMatchObject({ code: 5, details: 'payment cannot be confirmed' });
      await expect(call('authorizePayment', { customerId: 'customer-2', amount: 0 })).rejects.toMatchObject({ code: 3, details: 'the payment amount must be greater than zero' });
      await expect(call('authorizePayment', { customerId: '', amount: 1 })).rejects.toMatchObject({ code: 3, details: 'the customer id cannot be blank' });
    });

    it('serves the invoice RPCs: create (idempotent per order), adjust, pay, cancel', async () => {
      const orderId = randomUUID();
      expect(await call('createInvoice', { orderId, paymentId: 'payment-7', amount: 10.1 })).toEqual({ id: orderId });
      expect(await call('createInvoice', { orderId, paymentId: 'payment-7', amount: 10.1 })).toEqual({ id: orderId });
      await expect(call('createInvoice', { orderId, paymentId: 'payment-8', amount: 10.1 })).rejects.toMatchObject({ code: 6 });
      await expect(call('createInvoice', { orderId: randomUUID(), paymentId: '', amount: 1 })).rejects.toMatchObject({ code: 3, details: 'the payment id cannot be blank' });
      expect(await invoiceRow(orderId)).toMatchObject({ order_id: orderId, payment_id: 'payment-7', cents: 1010, status: 'pending', version: 1 });

      expect(await call('adjustInvoice', { id: orderId, amount: 0.3 })).toEqual({});
      expect(await invoiceRow(orderId)).toMatchObject({ cents: 30, version: 2 });
      await expect(call('adjustInvoice', { id: orderId, amount: 0.001 })).rejects.toMatchObject({ code: 3 });
      await expect(call('adjustInvoice', { id: orderId, amount: -1 })).rejects.toMatchObject({ code: 3, details: 'the invoice amount cannot be negative' });

      expect(await call('payInvoice', { id: orderId })).toEqual({});
      await expect(call('adjustInvoice', { id: orderId, amount: 1 })).rejects.toMatchObject({ code: 3, details: 'invoice cannot be adjusted' });
      await expect(call('cancelInvoice', { id: orderId })).rejects.toMatchObject({ code: 3, details: 'invoice cannot be canceled' });
      expect(await invoiceRow(orderId)).toMatchObject({ cents: 30, status: 'paid', version: 3 });

      const { id: other } = await newInvoice(1);
      expect(await call('cancelInvoice', { id: other })).toEqual({});
      expect(await call('cancelInvoice', { id: other })).toEqual({});
      await expect(call('payInvoice', { id: other })).rejects.toMatchObject({ code: 3, details: 'invoice cannot be paid for' });

      for (const method of ['payInvoice', 'cancelInvoice', 'adjustInvoice']) {
        await expect(call(method, { id: randomUUID(), amount: 1 })).rejects.toMatchObject({ code: 5, details: 'invoice not found' });
      }
    });
  });

  describe('order events (payment-orders)', () => {
    it('invoices a readied order once, however often the event arrives, and publishes InvoicePaid when it is paid', async () => {
      const orderId = randomUUID();
      const readied = orderReadied(orderId, 123.45, 'payment-42');
      await publish(readied);
      await eventually(() => invoiceRow(orderId));
      expect(await invoiceRow(orderId)).toEqual({ id: orderId, order_id: orderId, payment_id: 'payment-42', cents: 12345, status: 'pending', version: 1 });

      // The same message again (a replay marker lets the broker store it again, as a redelivery would deliver it),
      // then the same fact under a new message id (a producer that re-published it): still one invoice.
      const republished = orderReadied(orderId, 123.45, 'payment-42');
      await publish({ ...readied, headers: { ...readied.headers, [Header.Replay]: 'again' } }, republished);
      await eventually(() => handled(PaymentsGroup.Orders, republished.id));
      expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = $2', [PaymentsGroup.Orders, readied.id])).toEqual([{ n: 1 }]);
      expect(await rows('SELECT count(*)::int AS n FROM invoices WHERE order_id = $1', [orderId])).toEqual([{ n: 1 }]);
      expect(await invoiceRow(orderId)).toMatchObject({ version: 1 });

      // Paying writes paymentsapi.InvoicePaid{id, order_id} to the outbox with the status change; the relay publishes it.
      expect(await http('PUT', `${svc.httpUrl}/api/payments/invoices/${orderId}/pay`, {})).toMatchObject({ status: 200 });
      const paid = await eventually(async () => {
        const mine = (await stored(PaymentsChannel.InvoiceEvents)).filter((m) => registry.deserialize<{ id: string }>(m.name, m.payload).id === orderId);
        return mine.length ? mine : undefined;
      });
      expect(paid).toHaveLength(1);
      expect(paid![0]).toMatchObject({ name: PaymentsMessage.InvoicePaid, subject: PaymentsChannel.InvoiceEvents });
      expect(registry.deserialize(paid![0]!.name, paid![0]!.payload)).toEqual({ id: orderId, orderId });

      // Paying again succeeds and writes no second InvoicePaid.
      const outboxRows = async () => rows('SELECT count(*)::int AS n FROM outbox WHERE name = $1', [PaymentsMessage.InvoicePaid]);
      const before = await outboxRows();
      expect(await http('PUT', `${svc.httpUrl}/api/payments/invoices/${orderId}/pay`, {})).toMatchObject({ status: 200 });
      expect(await outboxRows()).toEqual(before);
    });

    it('cancels the pending invoice of a canceled order (#5) and ignores a canceled order that has none', async () => {
      const orderId = randomUUID();
      await publish(orderReadied(orderId, 9.99));
      await eventually(() => invoiceRow(orderId));

      await publish(orderCanceled(orderId));
      await eventually(async () => (await invoiceRow(orderId))?.status === 'canceled');
      expect(await http('GET', `${svc.httpUrl}/api/payments/invoices/${orderId}`)).toMatchObject({ status: 200, body: { invoice: { status: 'canceled', amount: 9.99 } } });

      const withoutInvoice = orderCanceled(randomUUID());
      const before = await tables();
      await publish(withoutInvoice);
      await eventually(() => handled(PaymentsGroup.Orders, withoutInvoice.id));
      expect(await tables()).toEqual(before);
      expect(await rows('SELECT 1 FROM dead_letters WHERE message_id = $1', [withoutInvoice.id])).toEqual([]);
    });

    it('dead-letters malformed messages and refused events at once, and carries on', async () => {
      await svc.jetstream.js.publish(OrderingChannel.OrderEvents, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-orders-1' });
      const blankPayment = orderReadied(randomUUID(), 5, '');
      await publish(blankPayment);
      const next = randomUUID();
      await publish(orderReadied(next, 1));

      await eventually(() => invoiceRow(next));
      expect(await deadLetter(PaymentsGroup.Orders, 'garbage-orders-1')).toMatchObject({ message_id: 'garbage-orders-1' });
      const refused = await deadLetter(PaymentsGroup.Orders, blankPayment.id);
      // One failed delivery, with the domain's reason: the refusal did not spend the retries.
      expect(refused.errors).toEqual([expect.objectContaining({ attempt: 1, error: expect.stringContaining('the payment id cannot be blank') })]);
      expect(await rows('SELECT 1 FROM invoices WHERE order_id = $1', [blankPayment.id])).toEqual([]);
    });
  });

  describe('ConfirmPayment command (payment-commands)', () => {
    const command = (paymentId: string, amount: number, customerId = '', sagaId = randomUUID()) =>
      commandMessage(
        registry,
        PaymentsChannel.Commands,
        { id: randomUUID(), name: PaymentsMessage.ConfirmPayment, payload: { id: paymentId, amount, customerId } satisfies ConfirmPayment, occurredAt: new Date() },
        { replyChannel: REPLIES, sagaId, sagaName: 'cosec.CreateOrder' },
      );
    const replyTo = async (message: Message) =>
      eventually(async () => (await stored(REPLIES)).find((m) => m.headers[Header.ReplySagaId] === message.headers[Header.CommandSagaId]));

    it('replies Success for a covered amount, and Failure with the reason otherwise', async () => {
      const { id } = await authorize(50);
      const ok = command(id, 49.99);
      const unknown = command(randomUUID(), 1);
      const tooMuch = command(id, 50.01);
      await publish(ok, unknown, tooMuch);

      expect(await replyTo(ok)).toMatchObject({ name: SuccessReply, headers: { [Header.ReplyOutcome]: 'SUCCESS', [Header.ReplySagaName]: 'cosec.CreateOrder' } });
      expect(await replyTo(unknown)).toMatchObject({ name: FailureReply, headers: { [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: 'payment cannot be confirmed' } });
      expect(await replyTo(tooMuch)).toMatchObject({ name: FailureReply, headers: { [Header.ReplyError]: 'the amount to confirm exceeds the authorized amount' } });
    });

    it('refuses a payment authorized for another customer than the one given, and checks no customer when none is given', async () => {
      const { id } = await authorize(50); // for customer-1
      const payer = command(id, 10, 'customer-1');
      const other = command(id, 10, 'customer-2');
      const noCustomer = command(id, 10);
      await publish(payer, other, noCustomer);

      expect(await replyTo(payer)).toMatchObject({ name: SuccessReply, headers: { [Header.ReplyOutcome]: 'SUCCESS' } });
      expect(await replyTo(other)).toMatchObject({ name: FailureReply, headers: { [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: 'the payment was authorized for another customer' } });
      expect(await replyTo(noCustomer)).toMatchObject({ name: SuccessReply, headers: { [Header.ReplyOutcome]: 'SUCCESS' } });
    });

    it('answers a redelivered command once (inbox) and dead-letters a malformed one while carrying on', async () => {
      const { id } = await authorize(10);
      const first = command(id, 10);
      await publish(first, { ...first, headers: { ...first.headers, [Header.Replay]: 'again' } });
      await svc.jetstream.js.publish(PaymentsChannel.Commands, new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'garbage-commands-1' });
      const after = command(id, 1);
      await publish(after);

      await replyTo(after);
      expect(await rows('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = $2', [PaymentsGroup.Commands, first.id])).toEqual([{ n: 1 }]);
      expect((await stored(REPLIES)).filter((m) => m.headers[Header.ReplySagaId] === first.headers[Header.CommandSagaId])).toHaveLength(1);
      expect(await deadLetter(PaymentsGroup.Commands, 'garbage-commands-1')).toMatchObject({ message_id: 'garbage-commands-1' });
    });
  });
});
