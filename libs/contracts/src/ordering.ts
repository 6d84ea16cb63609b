// Public contract of the ordering context (Order Processing; proto package `orderingpb`): `@mallbots/contracts/ordering`.
// Flat exports: every message type of proto/ordering/v1 (gRPC API and integration messages; a proto package cannot
// hold two messages of the same name, so they never clash), the OrderingService controller/client interfaces and the
// `OrderingServiceControllerMethods` decorator. `api` and `messages` give the two generated modules whole, for the few
// helpers both define (protobufFileName).
export * from './generated/ordering/v1/api.js';
export * from './generated/ordering/v1/messages.js';
// Defined by both generated modules: explicit re-exports resolve the ambiguity (the values are the same, except
// protobufFileName, which here names the API file that gRPC loads).
export { protobufPackage, protobufFileName, ORDERINGPB_PACKAGE_NAME, type MessageFns } from './generated/ordering/v1/api.js';
export * as api from './generated/ordering/v1/api.js';
export * as messages from './generated/ordering/v1/messages.js';
