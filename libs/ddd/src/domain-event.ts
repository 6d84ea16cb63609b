import { newId } from './ids.js';
import type { Metadata } from './metadata.js';

/** Something that happened in the domain: immutable, named in the past tense, carrying only what changed. */
export interface DomainEvent<P = unknown, N extends string = string> {
  readonly id: string;
  readonly name: N;
  readonly payload: P;
  readonly occurredAt: Date;
  readonly metadata: Metadata;
}

export function createEvent<P, N extends string>(name: N, payload: P, metadata: Metadata = {}, occurredAt = new Date()): DomainEvent<P, N> {
  return Object.freeze({ id: newId(), name, payload, occurredAt, metadata: Object.freeze({ ...metadata }) });
}
