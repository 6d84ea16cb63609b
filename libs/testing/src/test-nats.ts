// Integration-test helpers for NATS: the URL of the shared server and a unique namespace per test file, so each
// file can create its own stream and subjects (stream name and subject prefix are configurable in libs/am).
export function natsUrl(): string {
  const url = process.env.MALLBOTS_NATS_URL;
  if (!url) throw new Error('MALLBOTS_NATS_URL is not set: run tests through `npm test` or `nx test <project>` (the Jest global setup starts NATS)');
  return url;
}

/** A unique, NATS-safe token, e.g. for a stream name `t_k3j2_ab12` and subjects `t_k3j2_ab12.>`. */
export function uniqueNamespace(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
