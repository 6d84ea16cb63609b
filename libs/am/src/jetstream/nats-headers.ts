/**
 * NATS header names this adapter sets besides Nats-Msg-Id. The body (the envelope) is the source of truth; these
 * copies let operators read a message's id and name with `nats stream view` without decoding protobuf.
 */
export const NatsHeader = {
  MessageId: 'Mallbots-Message-Id',
  MessageName: 'Mallbots-Message-Name',
} as const;
