// In-memory adapters of the application's ports, for the handlers' unit tests: the same contract as the
// PostgreSQL repositories (undefined for unknown ids, one invoice per order, optimistic lock, commitEvents).
import { ConflictError, type DomainEvent, EventDispatcher } from '@mallbots/ddd';
import { Invoice, type InvoiceSnapshot, Payment, type PaymentSnapshot } from '../../domain/index.js';
import type { InvoiceRepository } from '../ports/invoice.repository.port.js';
import type { PaymentRepository } from '../ports/payment.repository.port.js';

export class InMemoryPaymentRepository implements PaymentRepository {
  readonly rows = new Map<string, PaymentSnapshot>();

  async find(id: string): Promise<Payment | undefined> {
    const row = this.rows.get(id);
    return row && Payment.fromSnapshot(row);
  }

  async save(payment: Payment): Promise<void> {
    if (payment.version === 0) {
      if (this.rows.has(payment.id)) throw new ConflictError(`payment ${payment.id} was created concurrently; try again`);
      this.rows.set(payment.id, { ...payment.toSnapshot(), version: payment.pendingVersion });
    }
    payment.commitEvents();
  }
}

export class InMemoryInvoiceRepository implements InvoiceRepository {
  readonly rows = new Map<string, InvoiceSnapshot>();

  async find(id: string): Promise<Invoice | undefined> {
    const row = this.rows.get(id);
    return row && Invoice.fromSnapshot(row);
  }

  async findByOrderId(orderId: string): Promise<Invoice | undefined> {
    const row = [...this.rows.values()].find((r) => r.orderId === orderId);
    return row && Invoice.fromSnapshot(row);
  }

  async save(invoice: Invoice): Promise<void> {
    const stored = this.rows.get(invoice.id);
    if (invoice.version === 0 ? stored !== undefined || [...this.rows.values()].some((r) => r.orderId === invoice.orderId) : stored?.version !== invoice.version) {
      throw new ConflictError(`invoice ${invoice.id} was changed concurrently; try again`);
    }
    this.rows.set(invoice.id, { ...invoice.toSnapshot(), version: invoice.pendingVersion });
    invoice.commitEvents();
  }

  /** Stores an invoice as a repository would have it after `create` and the given transitions. */
  seed(snapshot: Partial<InvoiceSnapshot> & Pick<InvoiceSnapshot, 'orderId' | 'amount'>): InvoiceSnapshot {
    const row: InvoiceSnapshot = { id: snapshot.orderId, paymentId: 'payment-1', status: 'pending', version: 1, ...snapshot };
    this.rows.set(row.id, row);
    return row;
  }
}

/** An EventDispatcher that also records every event published to it. */
export function recordingDispatcher(): { events: EventDispatcher; published: DomainEvent[] } {
  const published: DomainEvent[] = [];
  const events = new EventDispatcher().subscribe(async (e) => void published.push(e));
  return { events, published };
}
