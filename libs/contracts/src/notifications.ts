// Public contract of the notifications context (Notifications; proto package `notificationspb`): `@mallbots/contracts/notifications`.
// The context publishes no integration messages, so this is its gRPC API only: the message types, the NotificationsService
// controller/client interfaces and the `NotificationsServiceControllerMethods` decorator.
export * from './generated/notifications/v1/api.js';
