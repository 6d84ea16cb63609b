export { OrderStatus, laterStatus, parseStatus, statusRank } from './order-status.js';
export { type CreatedOrder, type OrderLine, type OrderRecord, type ResolvedNames, recordOfCreatedOrder } from './order-record.js';
export { type CursorPosition, decodeCursor, encodeCursor, filtersKey } from './cursor.js';
export {
  DEFAULT_LIMIT,
  MAX_IDS,
  MAX_LIMIT,
  parseSearch,
  type SearchCriteria,
  type SearchFilters,
  type SearchPage,
  type SearchRequest,
} from './search-criteria.js';
