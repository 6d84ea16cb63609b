/**
 * Statuses of a basket (reference-behaviour §3.2). `unknown` is a basket object that has not been started (the
 * reference's empty status); it never reaches storage, because BasketStarted is the first event of every stream.
 * `open` is the only status in which the basket can change; `checked_out` and `canceled` are final.
 */
export const BasketStatus = {
  Unknown: 'unknown',
  Open: 'open',
  CheckedOut: 'checked_out',
  Canceled: 'canceled',
} as const;

export type BasketStatus = (typeof BasketStatus)[keyof typeof BasketStatus];
