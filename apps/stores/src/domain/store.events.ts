import type { DomainEvent } from '@mallbots/ddd';

/**
 * Domain events of the Store aggregate, named as in the reference (reference-behaviour §3.1) so stored streams,
 * read-model projectors and integration mappers agree on one vocabulary. Payloads carry only what changed, never
 * the store id: that comes from the stream (event metadata `aggregate-id`, M04).
 */
export const StoreEventName = {
  Created: 'stores.StoreCreated',
  ParticipationEnabled: 'stores.StoreParticipationEnabled',
  ParticipationDisabled: 'stores.StoreParticipationDisabled',
  Rebranded: 'stores.StoreRebranded',
} as const;

export interface StoreCreatedPayload {
  readonly name: string;
  readonly location: string;
}

/**
 * Shared by both participation events, as in the reference (`StoreParticipationToggled{Participating}`): the
 * integration event `storesapi.StoreParticipatingToggled` needs the flag, and it keeps each event self-describing.
 */
export interface StoreParticipationToggledPayload<P extends boolean = boolean> {
  readonly participating: P;
}

export interface StoreRebrandedPayload {
  readonly name: string;
}

export type StoreCreated = DomainEvent<StoreCreatedPayload, typeof StoreEventName.Created>;
export type StoreParticipationEnabled = DomainEvent<StoreParticipationToggledPayload<true>, typeof StoreEventName.ParticipationEnabled>;
export type StoreParticipationDisabled = DomainEvent<StoreParticipationToggledPayload<false>, typeof StoreEventName.ParticipationDisabled>;
export type StoreRebranded = DomainEvent<StoreRebrandedPayload, typeof StoreEventName.Rebranded>;

export type StoreEvent = StoreCreated | StoreParticipationEnabled | StoreParticipationDisabled | StoreRebranded;
