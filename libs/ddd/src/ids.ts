/** A new random UUID v4 (the reference generates every aggregate id this way, reference-behaviour §1.3). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
