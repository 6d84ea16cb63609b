// Names and words for the data busywork creates: customers, companies (stores), departments (store locations),
// products, marketing "bs" (product descriptions) and product adjectives (SKUs), the kinds of values the reference
// took from go-faker. Small lists written here: variety enough to tell records apart, no dependency.
import type { Rng } from './rng.ts';

const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wei', 'Xena', 'Yusuf', 'Zoe'];
const LAST_NAMES = ['Abbott', 'Baker', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Weber', 'Yilmaz', 'Zhang'];
const COMPANY_WORDS = ['Acme', 'Blue Harbor', 'Copper Leaf', 'Dawn', 'Evergreen', 'Foxglove', 'Golden Gate', 'Highland', 'Ironwood', 'Juniper', 'Keystone', 'Lakeside', 'Maple', 'Northwind', 'Oakridge', 'Pinecrest', 'Quarry', 'Redstone', 'Silverline', 'Tidewater', 'Union', 'Vantage', 'Westfield', 'Yellowtail', 'Zenith'];
const COMPANY_SUFFIXES = ['& Co', 'Group', 'Inc', 'LLC', 'and Sons', 'Outfitters', 'Traders', 'Supply', 'Emporium', 'Goods'];
const DEPARTMENTS = ['Books', 'Movies', 'Music', 'Games', 'Electronics', 'Computers', 'Home', 'Garden', 'Tools', 'Grocery', 'Health', 'Beauty', 'Toys', 'Kids', 'Baby', 'Clothing', 'Shoes', 'Jewelry', 'Sports', 'Outdoors', 'Automotive', 'Industrial'];
const PRODUCT_ADJECTIVES = ['Small', 'Ergonomic', 'Rustic', 'Intelligent', 'Gorgeous', 'Incredible', 'Fantastic', 'Practical', 'Sleek', 'Awesome', 'Enormous', 'Mediocre', 'Synergistic', 'Heavy Duty', 'Lightweight', 'Aerodynamic', 'Durable'];
const PRODUCT_MATERIALS = ['Steel', 'Wooden', 'Concrete', 'Plastic', 'Cotton', 'Granite', 'Rubber', 'Leather', 'Silk', 'Wool', 'Linen', 'Marble', 'Iron', 'Bronze', 'Copper', 'Aluminum', 'Paper'];
const PRODUCT_NOUNS = ['Chair', 'Car', 'Computer', 'Gloves', 'Pants', 'Shirt', 'Table', 'Shoes', 'Hat', 'Plate', 'Knife', 'Bottle', 'Coat', 'Lamp', 'Keyboard', 'Bag', 'Bench', 'Clock', 'Watch', 'Wallet'];
const BS_VERBS = ['implement', 'utilize', 'integrate', 'streamline', 'optimize', 'evolve', 'transform', 'embrace', 'enable', 'orchestrate', 'leverage', 'reinvent', 'aggregate', 'architect', 'enhance', 'incentivize', 'morph', 'empower', 'envisioneer', 'monetize', 'harness', 'facilitate', 'seize', 'disintermediate', 'synergize'];
const BS_ADJECTIVES = ['clicks-and-mortar', 'value-added', 'vertical', 'proactive', 'robust', 'revolutionary', 'scalable', 'leading-edge', 'innovative', 'intuitive', 'strategic', 'e-business', 'mission-critical', 'sticky', 'one-to-one', '24/7', 'end-to-end', 'global', 'B2B', 'B2C', 'granular', 'frictionless', 'virtual', 'viral', 'dynamic'];
const BS_NOUNS = ['synergies', 'web-readiness', 'paradigms', 'markets', 'partnerships', 'infrastructures', 'platforms', 'initiatives', 'channels', 'eyeballs', 'communities', 'ROI', 'solutions', 'e-tailers', 'e-services', 'action-items', 'portals', 'niches', 'technologies', 'content', 'vortals', 'supply-chains', 'convergence', 'relationships', 'architectures'];

export function customerName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** A North American 555 number (reserved for fiction), well within customers' 32-character limit. */
export function smsNumber(rng: Rng): string {
  return `555-${String(100 + rng.int(900))}-${String(rng.int(10_000)).padStart(4, '0')}`;
}

export function companyName(rng: Rng): string {
  return `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`;
}

export function department(rng: Rng): string {
  return rng.pick(DEPARTMENTS);
}

export function productName(rng: Rng): string {
  return `${rng.pick(PRODUCT_ADJECTIVES)} ${rng.pick(PRODUCT_MATERIALS)} ${rng.pick(PRODUCT_NOUNS)}`;
}

export function productAdjective(rng: Rng): string {
  return rng.pick(PRODUCT_ADJECTIVES);
}

export function bs(rng: Rng): string {
  return `${rng.pick(BS_VERBS)} ${rng.pick(BS_ADJECTIVES)} ${rng.pick(BS_NOUNS)}`;
}

/** The reference's (500 + rand(700)) / 100: 5.00–11.99, in cents so that sums stay exact. */
export function priceCents(rng: Rng): number {
  return 500 + rng.int(700);
}
