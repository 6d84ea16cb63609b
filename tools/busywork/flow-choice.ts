// Which unit of work a kiosk does next: the reference's draw exactly (reference-behaviour §10): a coin flip between
// two groups, then rand(4) in the shoppers' group and rand(10) in the store owners' and newcomers' group.
import type { Rng } from './rng.ts';

export const FLOW_KINDS = ['justBrowsing', 'buyingItems', 'registerCustomer', 'setupAStore', 'addNewInventory', 'rebrandStore', 'rebrandProduct'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** The overall probabilities the draw below produces (§10's table), for the README and the distribution test. */
export const FLOW_SHARES: Readonly<Record<FlowKind, number>> = {
  justBrowsing: 0.375,
  buyingItems: 0.125,
  registerCustomer: 0.2,
  setupAStore: 0.05,
  addNewInventory: 0.15,
  rebrandStore: 0.05,
  rebrandProduct: 0.05,
};

const GROUP_1: readonly FlowKind[] = [
  'registerCustomer', // 0
  'setupAStore', // 1
  'addNewInventory', // 2
  'rebrandStore', // 3
  'rebrandProduct', // 4
  'registerCustomer', // 5
  'registerCustomer', // 6
  'registerCustomer', // 7
  'addNewInventory', // 8
  'addNewInventory', // 9
];

export function chooseFlow(rng: Rng): FlowKind {
  if (rng.int(2) === 0) return rng.int(4) === 3 ? 'buyingItems' : 'justBrowsing';
  return GROUP_1[rng.int(10)]!;
}
