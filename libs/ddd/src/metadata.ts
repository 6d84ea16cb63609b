/** String-keyed metadata carried by events, commands and replies (aggregate name/id/version, correlation ids). */
export type Metadata = Readonly<Record<string, string>>;

export const MetadataKeys = {
  AggregateName: 'aggregate-name',
  AggregateId: 'aggregate-id',
  AggregateVersion: 'aggregate-version',
} as const;
