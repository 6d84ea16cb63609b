// Public contract of the baskets context (Shopping Baskets; proto package `basketspb`): `@mallbots/contracts/baskets`.
// Flat exports: every message type of proto/baskets/v1 (gRPC API and integration messages; a proto package cannot
// hold two messages of the same name, so they never clash), the BasketService controller/client interfaces and the
// `BasketServiceControllerMethods` decorator. `api` and `events` give the two generated modules whole, for the few
// helpers both define (protobufFileName).
export * from './generated/baskets/v1/api.js';
export * from './generated/baskets/v1/events.js';
// Defined by both generated modules: explicit re-exports resolve the ambiguity (the values are the same, except
// protobufFileName, which here names the API file that gRPC loads).
export { protobufPackage, protobufFileName, BASKETSPB_PACKAGE_NAME, type MessageFns } from './generated/baskets/v1/api.js';
export * as api from './generated/baskets/v1/api.js';
export * as events from './generated/baskets/v1/events.js';
