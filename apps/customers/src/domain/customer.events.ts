/** Domain events of the Customer aggregate (reference-behaviour §3.3); the application maps them to integration events. */
export const CustomerEvent = {
  Registered: 'customers.CustomerRegistered',
  Authorized: 'customers.CustomerAuthorized',
  SmsChanged: 'customers.CustomerSmsChanged',
  Enabled: 'customers.CustomerEnabled',
  Disabled: 'customers.CustomerDisabled',
} as const;

export interface CustomerRegisteredPayload {
  readonly id: string;
  readonly name: string;
  readonly smsNumber: string;
}

export interface CustomerSmsChangedPayload {
  readonly id: string;
  readonly smsNumber: string;
}

export interface CustomerIdPayload {
  readonly id: string;
}
