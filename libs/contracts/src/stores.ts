// Public contract of the stores context (Store Management; proto package `storespb`): `@mallbots/contracts/stores`.
// Flat exports: every message type of proto/stores/v1 (gRPC API and integration messages; a proto package cannot
// hold two messages of the same name, so they never clash), the StoresService controller/client interfaces and the
// `StoresServiceControllerMethods` decorator. `api` and `events` give the two generated modules whole, for the few
// helpers both define (protobufFileName).
export * from './generated/stores/v1/api.js';
export * from './generated/stores/v1/events.js';
// Defined by both generated modules: explicit re-exports resolve the ambiguity (the values are the same, except
// protobufFileName, which here names the API file that gRPC loads).
export { protobufPackage, protobufFileName, STORESPB_PACKAGE_NAME, type MessageFns } from './generated/stores/v1/api.js';
export * as api from './generated/stores/v1/api.js';
export * as events from './generated/stores/v1/events.js';
