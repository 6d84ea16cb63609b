import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { SagaStatus } from '@mallbots/sec';

export const SAGA_STATUSES: readonly SagaStatus[] = ['running', 'compensating', 'completed', 'compensated', 'failed'];

/** `GET /api/cosec/sagas?status=failed&limit=20` */
export class ListSagasParams {
  @ApiPropertyOptional({ enum: SAGA_STATUSES })
  @IsOptional()
  @IsIn(SAGA_STATUSES)
  status?: SagaStatus;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Max(500)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit?: number;
}
