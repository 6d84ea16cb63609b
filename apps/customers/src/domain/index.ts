export { Customer, type CustomerState } from './customer.aggregate.js';
export { CustomerEvent, type CustomerIdPayload, type CustomerRegisteredPayload, type CustomerSmsChangedPayload } from './customer.events.js';
