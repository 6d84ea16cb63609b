/** Encodes and decodes one message type; ts-proto's generated `const X = { encode, decode }` objects fit as-is. */
export interface MessageCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

export class UnregisteredMessageError extends Error {
  constructor(name: string) {
    super(`message type "${name}" is not registered`);
    this.name = 'UnregisteredMessageError';
  }
}

/**
 * Maps message names to codecs (protobuf serde by name, M05). One type may be registered under several names
 * (the reference registers ProductPriceChanged as both ProductPriceIncreased and ProductPriceDecreased).
 */
export class MessageRegistry {
  private readonly codecs = new Map<string, MessageCodec<unknown>>();

  register<T>(name: string, codec: MessageCodec<T>): this {
    if (this.codecs.has(name)) throw new Error(`message type "${name}" is already registered`);
    this.codecs.set(name, codec as MessageCodec<unknown>);
    return this;
  }

  has(name: string): boolean {
    return this.codecs.has(name);
  }

  serialize<T>(name: string, value: T): Uint8Array {
    return this.codec<T>(name).encode(value).finish();
  }

  deserialize<T>(name: string, data: Uint8Array): T {
    return this.codec<T>(name).decode(data);
  }

  private codec<T>(name: string): MessageCodec<T> {
    const codec = this.codecs.get(name);
    if (!codec) throw new UnregisteredMessageError(name);
    return codec as MessageCodec<T>;
  }
}
