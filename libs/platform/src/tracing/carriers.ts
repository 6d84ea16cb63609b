import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** What the interceptors need of grpc-js's Metadata (the Nest gRPC context is one). */
export interface GrpcMetadataLike {
  get(key: string): unknown[];
  set?(key: string, value: string): void;
  getMap?(): Record<string, unknown>;
}

/** Reads trace headers from an incoming HTTP request's headers (Node lower-cases the names). */
export const httpCarrierGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};

/** Reads trace headers from gRPC metadata (string values only; binary `-bin` keys are not trace headers). */
export const metadataCarrierGetter: TextMapGetter<GrpcMetadataLike> = {
  keys: (carrier) => Object.keys(carrier.getMap?.() ?? {}),
  get: (carrier, key) => {
    const values = carrier.get(key).filter((v): v is string => typeof v === 'string');
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  },
};

export const metadataCarrierSetter: TextMapSetter<GrpcMetadataLike> = {
  set: (carrier, key, value) => carrier.set?.(key, value),
};
