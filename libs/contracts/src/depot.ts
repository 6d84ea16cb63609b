// Public contract of the depot context (Depot Operations; proto package `depotpb`): `@mallbots/contracts/depot`.
// Flat exports: every message type of proto/depot/v1 (gRPC API and integration messages; a proto package cannot
// hold two messages of the same name, so they never clash), the DepotService controller/client interfaces and the
// `DepotServiceControllerMethods` decorator. `api` and `messages` give the two generated modules whole, for the few
// helpers both define (protobufFileName).
export * from './generated/depot/v1/api.js';
export * from './generated/depot/v1/messages.js';
// Defined by both generated modules: explicit re-exports resolve the ambiguity (the values are the same, except
// protobufFileName, which here names the API file that gRPC loads).
export { protobufPackage, protobufFileName, DEPOTPB_PACKAGE_NAME, type MessageFns } from './generated/depot/v1/api.js';
export * as api from './generated/depot/v1/api.js';
export * as messages from './generated/depot/v1/messages.js';
