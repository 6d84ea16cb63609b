// Public contract of the payments context (Payments; proto package `paymentspb`): `@mallbots/contracts/payments`.
// Flat exports: every message type of proto/payments/v1 (gRPC API and integration messages; a proto package cannot
// hold two messages of the same name, so they never clash), the PaymentsService controller/client interfaces and the
// `PaymentsServiceControllerMethods` decorator. `api` and `messages` give the two generated modules whole, for the few
// helpers both define (protobufFileName).
export * from './generated/payments/v1/api.js';
export * from './generated/payments/v1/messages.js';
// Defined by both generated modules: explicit re-exports resolve the ambiguity (the values are the same, except
// protobufFileName, which here names the API file that gRPC loads).
export { protobufPackage, protobufFileName, PAYMENTSPB_PACKAGE_NAME, type MessageFns } from './generated/payments/v1/api.js';
export * as api from './generated/payments/v1/api.js';
export * as messages from './generated/payments/v1/messages.js';
