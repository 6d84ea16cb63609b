export { CachedCustomer, type CachedCustomerState } from './cached-customer.js';
export { isNotificationKind, NotificationKinds, type NotificationKind, notificationText, SMS_SEGMENT } from './notification-kind.js';
export {
  afterFailedSend,
  checkNotificationRequest,
  composeNotification,
  type FailedSend,
  type NotificationRequest,
  type NotificationState,
  type NotificationStatus,
  SEND_BACKOFF_MS,
  type SendOutcome,
} from './notification.js';
