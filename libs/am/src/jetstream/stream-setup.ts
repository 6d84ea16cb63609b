import { JetStreamApiError, StorageType } from '@nats-io/jetstream';
import type { JetStreamManager, StreamInfo } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';

export interface StreamSetupOptions {
  /** Stream name. Default `mallbots` (architecture §4.4). */
  name?: string;
  /**
   * The stream captures `${subjectPrefix}.>`. Configurable together with the name (the reference made only the
   * name configurable, so a renamed stream silently captured nothing, §14.2 #26). Default `mallbots`.
   */
  subjectPrefix?: string;
  /** Window in which a repeated Nats-Msg-Id is dropped as a duplicate (O05). Default 2 min. */
  duplicateWindowMs?: number;
}

/** JSStreamNameExistErr: a stream of that name exists with another configuration (or was created concurrently). */
const STREAM_NAME_IN_USE = 10058;

/**
 * Creates the stream if it is missing and brings its subjects and duplicate window up to date otherwise, so every
 * process can call it at start-up (O03). Safe to run twice or from several processes at once: a lost creation
 * race ends in an update of the same configuration.
 */
export async function ensureStream(jsm: JetStreamManager, options: StreamSetupOptions = {}): Promise<StreamInfo> {
  const name = options.name ?? 'mallbots';
  const subjects = [`${options.subjectPrefix ?? 'mallbots'}.>`];
  const duplicate_window = nanos(options.duplicateWindowMs ?? 120_000);
  try {
    return await jsm.streams.add({ name, subjects, duplicate_window, storage: StorageType.File });
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === STREAM_NAME_IN_USE)) throw err;
  }
  // Storage cannot change after creation, so the update leaves it as it is.
  return await jsm.streams.update(name, { subjects, duplicate_window });
}
