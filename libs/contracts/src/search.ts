// Public contract of the search context (Order Search; proto package `searchpb`): `@mallbots/contracts/search`.
// The context publishes no integration messages, so this is its gRPC API only: the message types, the SearchService
// controller/client interfaces and the `SearchServiceControllerMethods` decorator.
export * from './generated/search/v1/api.js';
// SearchOrdersRequest.Filters.after/before are google.protobuf.Timestamp ({seconds, nanos}).
export { Timestamp } from './generated/google/protobuf/timestamp.js';
