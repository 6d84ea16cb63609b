import { MessageRegistry } from '@mallbots/am';
import { AuthorizeCustomer, CustomerDisabled, CustomerEnabled, CustomerRegistered, CustomerSmsChanged } from '@mallbots/contracts/customers';

/** The reference's channels and message names (reference-behaviour §4.1): the wire contract of this context. */
export const CustomersChannel = {
  Events: 'mallbots.customers.events.Customer',
  Commands: 'mallbots.customers.commands',
} as const;

export const CustomersMessage = {
  CustomerRegistered: 'customersapi.CustomerRegistered',
  CustomerSmsChanged: 'customersapi.CustomerSmsChanged',
  CustomerEnabled: 'customersapi.CustomerEnabled',
  CustomerDisabled: 'customersapi.CustomerDisabled',
  AuthorizeCustomer: 'customersapi.AuthorizeCustomer',
} as const;

export function customersRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(CustomersMessage.CustomerRegistered, CustomerRegistered)
    .register(CustomersMessage.CustomerSmsChanged, CustomerSmsChanged)
    .register(CustomersMessage.CustomerEnabled, CustomerEnabled)
    .register(CustomersMessage.CustomerDisabled, CustomerDisabled)
    .register(CustomersMessage.AuthorizeCustomer, AuthorizeCustomer);
}
