// Test doubles of the application's ports (not built into dist): the same contracts as the PostgreSQL adapters and
// the gRPC client, in memory.
import { NotFoundError, UnavailableError } from '@mallbots/ddd';
import type { CachedCustomer, NotificationKind, NotificationState, SendOutcome } from '../../domain/index.js';
import type { CacheSource, CustomerCache } from '../ports/customer-cache.port.js';
import type { CustomersService, RemoteCustomer } from '../ports/customers-service.port.js';
import type { NotificationFilter, NotificationRepository } from '../ports/notification.repository.port.js';
import type { Sms, SmsSender } from '../ports/sms-sender.port.js';

export class InMemoryCustomerCache implements CustomerCache {
  readonly rows = new Map<string, { customer: CachedCustomer; source: CacheSource }>();
  /** Ids whose next insert loses to a concurrent writer that cached `customer` first (a race, N03). */
  readonly racers = new Map<string, CachedCustomer>();

  async find(id: string): Promise<CachedCustomer | undefined> {
    return this.rows.get(id)?.customer;
  }

  async save(customer: CachedCustomer, isNew: boolean, source: CacheSource): Promise<boolean> {
    const racer = this.racers.get(customer.id);
    if (racer && isNew) {
      this.racers.delete(customer.id);
      this.rows.set(customer.id, { customer: racer, source: 'event' });
    }
    if (isNew && this.rows.has(customer.id)) return false;
    this.rows.set(customer.id, { customer, source });
    return true;
  }
}

export class InMemoryNotifications implements NotificationRepository {
  readonly rows: NotificationState[] = [];
  /** next_attempt_at per id, as the table keeps it. */
  private readonly due = new Map<string, Date>();

  async exists(orderId: string, kind: NotificationKind): Promise<boolean> {
    return this.rows.some((n) => n.orderId === orderId && n.kind === kind);
  }

  async add(notification: NotificationState): Promise<boolean> {
    if (await this.exists(notification.orderId, notification.kind)) return false;
    this.rows.push(notification);
    this.due.set(notification.id, notification.createdAt);
    return true;
  }

  async claimDue(now: Date, limit: number): Promise<NotificationState[]> {
    return this.rows.filter((n) => n.status === 'pending' && this.due.get(n.id)!.getTime() <= now.getTime()).slice(0, limit);
  }

  async recordAttempt(id: string, attempts: number, outcome: SendOutcome): Promise<void> {
    const index = this.rows.findIndex((n) => n.id === id);
    const row = this.rows[index]!;
    if (outcome.status === 'sent') {
      this.rows[index] = { ...row, status: 'sent', attempts, sentAt: outcome.at, smsId: outcome.smsId, lastError: undefined };
      return;
    }
    this.rows[index] = { ...row, status: outcome.status, attempts, lastError: outcome.error };
    if (outcome.retryAt) this.due.set(id, outcome.retryAt);
  }

  async list(filter: NotificationFilter): Promise<NotificationState[]> {
    return this.rows
      .filter((n) => (!filter.customerId || n.customerId === filter.customerId) && (!filter.orderId || n.orderId === filter.orderId))
      .reverse()
      .slice(0, filter.limit);
  }

  get(orderId: string, kind: NotificationKind): NotificationState | undefined {
    return this.rows.find((n) => n.orderId === orderId && n.kind === kind);
  }
}

/** Customers' GetCustomer: answers from `customers`, NOT_FOUND otherwise, or UNAVAILABLE while `down`. */
export class FakeCustomersService implements CustomersService {
  readonly customers = new Map<string, RemoteCustomer>();
  readonly calls: string[] = [];
  down = false;

  async getCustomer(id: string): Promise<RemoteCustomer> {
    this.calls.push(id);
    if (this.down) throw new UnavailableError('the customers service is unavailable');
    const customer = this.customers.get(id);
    if (!customer) throw new NotFoundError('customer not found');
    return customer;
  }
}

/** Records what it sends; refuses the next `refusals` sends. */
export class RecordingSmsSender implements SmsSender {
  readonly sent: Array<Sms & { messageId: string }> = [];
  refusals = 0;

  async send(sms: Sms): Promise<{ messageId: string }> {
    if (this.refusals > 0) {
      this.refusals--;
      throw new Error('provider refused the message');
    }
    const messageId = `sms-${this.sent.length + 1}`;
    this.sent.push({ ...sms, messageId });
    return { messageId };
  }
}
