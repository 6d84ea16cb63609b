// Public contract of the customers context (Customers; proto package `customerspb`): `@mallbots/contracts/customers`.
// Flat exports: every message type of proto/customers/v1 (gRPC API and integration messages; a proto package cannot
// hold two messages of the same name, so they never clash), the CustomersService controller/client interfaces and the
// `CustomersServiceControllerMethods` decorator. `api` and `messages` give the two generated modules whole, for the few
// helpers both define (protobufFileName).
export * from './generated/customers/v1/api.js';
export * from './generated/customers/v1/messages.js';
// Defined by both generated modules: explicit re-exports resolve the ambiguity (the values are the same, except
// protobufFileName, which here names the API file that gRPC loads).
export { protobufPackage, protobufFileName, CUSTOMERSPB_PACKAGE_NAME, type MessageFns } from './generated/customers/v1/api.js';
export * as api from './generated/customers/v1/api.js';
export * as messages from './generated/customers/v1/messages.js';
