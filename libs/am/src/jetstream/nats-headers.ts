/**
 * NATS header names this adapter sets besides Nats-Msg-Id. The body (the envelope) is the source of truth; these
 * copy lets operators (and the dead-letter path for undecodable bodies) read a message's name with `nats stream view` without decoding protobuf.
 */
export const NatsHeader = {
  MessageName: 'Mallbots-Message-Name',
} as const;
