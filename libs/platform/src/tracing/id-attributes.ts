import type { Attributes } from '@opentelemetry/api';

/**
 * The identifiers of a request as span attributes (T04: the reference tagged its spans with BasketID, PaymentID, …):
 * every top-level string field named `id` or `…Id` becomes `mallbots.<snake_case>` — `basketId` →
 * `mallbots.basket_id`. Only ids, never other payload fields, so no personal data or secrets reach the traces.
 */
export function idAttributes(payload: unknown): Attributes {
  if (payload === null || typeof payload !== 'object') return {};
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value !== 'string' || value === '' || value.length > 128) continue;
    if (key !== 'id' && !/[a-z0-9]Id$/.test(key)) continue;
    attributes[`mallbots.${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`] = value;
  }
  return attributes;
}
