import { Query } from '@nestjs/cqrs';
import type { StoreView } from '../ports/mall.repository.port.js';

export class GetParticipatingStoresQuery extends Query<StoreView[]> {}
