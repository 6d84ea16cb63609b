/**
 * The value as it comes back from a jsonb column: Dates become strings, undefined fields disappear. In-memory
 * stores and the default payload serde use it so tests against them see exactly what PostgreSQL would return.
 */
export function toJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`not JSON-serialisable: ${String(value)}`);
  return JSON.parse(text);
}
