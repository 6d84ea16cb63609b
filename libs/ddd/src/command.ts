import { newId } from './ids.js';
import type { Metadata } from './metadata.js';

/** A request to do something, addressed to exactly one handler (S4 ch8). */
export interface Command<P = unknown, N extends string = string> {
  readonly id: string;
  readonly name: N;
  readonly payload: P;
  readonly occurredAt: Date;
  readonly metadata: Metadata;
}

/** The answer to a command: a named payload (or none, for the generic success/failure replies). */
export interface Reply<P = unknown, N extends string = string> {
  readonly id: string;
  readonly name: N;
  readonly payload: P;
  readonly occurredAt: Date;
  readonly metadata: Metadata;
}

export function createCommand<P, N extends string>(name: N, payload: P, metadata: Metadata = {}): Command<P, N> {
  return Object.freeze({ id: newId(), name, payload, occurredAt: new Date(), metadata: Object.freeze({ ...metadata }) });
}

export function createReply<P, N extends string>(name: N, payload: P, metadata: Metadata = {}): Reply<P, N> {
  return Object.freeze({ id: newId(), name, payload, occurredAt: new Date(), metadata: Object.freeze({ ...metadata }) });
}

/** Handles one command and answers with a specific reply, or `undefined` for the generic one (P01). */
export type CommandHandler<C extends Command = Command> = (command: C) => Promise<Reply | undefined>;
