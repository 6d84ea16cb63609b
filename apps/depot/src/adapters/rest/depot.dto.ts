import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_ORDER_LINES, ShoppingListStatuses, type ShoppingListStatus } from '../../domain/index.js';
import { MAX_LIST_LIMIT } from '../../application/list-shopping-lists/list-shopping-lists.query.js';

// Types and sizes are checked here; missing values reach the domain as protojson's defaults ('' and 0) did in the
// reference, and the domain answers with its own texts ("the order id cannot be blank", "the item quantity must be a
// positive whole number"). Decorators register bottom-up: the type check (listed last) runs first, so a wrong type
// is reported as such. Unknown fields are dropped (the platform's whitelisting ValidationPipe), as protojson did.

const MAX_ID = 64;
const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

export class OrderItemBody {
  @ApiProperty({ type: String, example: 'c0ffee00-0000-4000-8000-000000000002' })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  productId?: string;

  @ApiProperty({ type: String, example: 'c0ffee00-0000-4000-8000-000000000001' })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  storeId?: string;

  /** int32 on the wire: the range is a type check; sign and zero are business rules (domain). */
  @ApiProperty({ type: Number, format: 'int32', example: 1 })
  @IsOptional()
  @Max(INT32_MAX)
  @Min(INT32_MIN)
  @IsInt()
  quantity?: number;
}

export class CreateShoppingListBody {
  @ApiProperty({ type: String })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  orderId?: string;

  @ApiProperty({ type: [OrderItemBody] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OrderItemBody)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @IsArray()
  items?: OrderItemBody[];
}

export class AssignShoppingListBody {
  @ApiProperty({ type: String, example: 'bot-7' })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  botId?: string;
}

/** `GET /api/depot/shopping?status=available&limit=10`: how a bot finds the lists it may take. */
export class ListShoppingListsParams {
  @ApiPropertyOptional({ enum: ShoppingListStatuses, example: 'available' })
  @IsOptional()
  @IsIn(ShoppingListStatuses)
  status?: ShoppingListStatus;

  @ApiPropertyOptional({ type: Number, format: 'int32', minimum: 1, maximum: MAX_LIST_LIMIT, default: 50 })
  @IsOptional()
  @Max(MAX_LIST_LIMIT)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit?: number;
}

export class CreateShoppingListResponseDto {
  @ApiProperty({ type: String }) id!: string;
}

export class ItemDto {
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: Number, format: 'int32' }) quantity!: number;
}

@ApiExtraModels(ItemDto)
export class StopDto {
  @ApiProperty({ type: String }) storeName!: string;
  @ApiProperty({ type: String }) storeLocation!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(ItemDto) }, description: 'Keyed by product id' })
  items!: Record<string, ItemDto>;
}

/** The proto's depotpb.ShoppingList in protojson's lowerCamelCase. */
@ApiExtraModels(StopDto)
export class ShoppingListDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) orderId!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(StopDto) }, description: 'Keyed by store id' })
  stops!: Record<string, StopDto>;
  @ApiProperty({ type: String, description: "'' until a bot is assigned" }) assignedBotId!: string;
  @ApiProperty({ enum: ShoppingListStatuses }) status!: ShoppingListStatus;
}

export class GetShoppingListResponseDto {
  @ApiProperty({ type: ShoppingListDto }) shoppingList!: ShoppingListDto;
}

export class ListShoppingListsResponseDto {
  @ApiProperty({ type: [ShoppingListDto] }) shoppingLists!: ShoppingListDto[];
}
