// JetStream adapter (see README). Exports are added as the adapter is built.
export {};
