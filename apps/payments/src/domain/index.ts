export { InvoiceStatus, isInvoiceStatus, parseInvoiceStatus } from './invoice-status.js';
export { Payment, type AuthorizePaymentProps, type ConfirmPaymentProps, type PaymentSnapshot } from './payment.aggregate.js';
export * from './payment.events.js';
export * from './payment.errors.js';
export { Invoice, type CreateInvoiceProps, type InvoiceSnapshot } from './invoice.aggregate.js';
export * from './invoice.events.js';
export * from './invoice.errors.js';
