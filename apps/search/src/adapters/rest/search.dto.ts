import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_IDS } from '../../domain/index.js';

// Types, formats and sizes are checked here (a 400 before anything runs); the rules between fields (after < before,
// min ≤ max, the status vocabulary, the cursor) are the domain's (parseSearch), shared with gRPC. Unknown fields are
// dropped, as grpc-gateway discarded them. Decorators run bottom-up: the type check comes first.

const INT32_MAX = 2_147_483_647;

export class SearchFiltersBody {
  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  customerId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'created at or after (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsString()
  after?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'created before (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsString()
  before?: string;

  @ApiPropertyOptional({ type: [String], description: 'orders holding any of these stores' })
  @IsOptional()
  @MaxLength(100, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(MAX_IDS)
  @IsArray()
  storeIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'orders holding any of these products' })
  @IsOptional()
  @MaxLength(100, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(MAX_IDS)
  @IsArray()
  productIds?: string[];

  @ApiPropertyOptional({ type: Number, format: 'double', description: 'inclusive; 0 = no bound' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minTotal?: number;

  @ApiPropertyOptional({ type: Number, format: 'double', description: 'inclusive; 0 = no bound' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maxTotal?: number;

  @ApiPropertyOptional({ type: String, enum: ['pending', 'approved', 'rejected', 'cancelled', 'ready', 'completed'], description: 'the reference labels New, Ready For Pickup, Canceled, Completed are accepted too' })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  status?: string;
}

export class SearchOrdersBody {
  @ApiPropertyOptional({ type: SearchFiltersBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchFiltersBody)
  @IsObject()
  filters?: SearchFiltersBody;

  @ApiPropertyOptional({ type: String, description: 'the opaque cursor a previous response returned as next' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  next?: string;

  @ApiPropertyOptional({ type: Number, format: 'int32', description: '0 = 20; at most 100 (larger values are capped)' })
  @IsOptional()
  @Max(INT32_MAX)
  @Min(0)
  @IsInt()
  limit?: number;
}

export class OrderItemDto {
  @ApiProperty({ type: String }) productId!: string;
  @ApiProperty({ type: String }) storeId!: string;
  @ApiProperty({ type: String }) productName!: string;
  @ApiProperty({ type: String }) storeName!: string;
  @ApiProperty({ type: Number, format: 'double', example: 9.99 }) price!: number;
  /** int64 in the contract: protojson writes it as a string, and so does this API. */
  @ApiProperty({ type: String, format: 'int64', example: '2' }) quantity!: string;
}

export class OrderDto {
  @ApiProperty({ type: String }) orderId!: string;
  @ApiProperty({ type: String }) customerId!: string;
  @ApiProperty({ type: String }) customerName!: string;
  @ApiProperty({ type: [OrderItemDto] }) items!: OrderItemDto[];
  @ApiProperty({ type: Number, format: 'double' }) total!: number;
  @ApiProperty({ type: String }) status!: string;
}

export class SearchOrdersResponseDto {
  @ApiProperty({ type: [OrderDto] }) orders!: OrderDto[];
  @ApiProperty({ type: String, description: "cursor of the next page; '' on the last page" }) next!: string;
}

export class GetOrderResponseDto {
  @ApiProperty({ type: OrderDto }) order!: OrderDto;
}
