import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

// Types and sizes are checked here; missing values reach the domain as protojson's defaults ('' and 0) did in the
// reference, and the domain answers with its own texts ("the order has no items", "the customer id cannot be
// blank", "the item quantity must be a positive whole number"), so clients that match on them keep working.
// Decorators register bottom-up: the type check (listed last) runs first, so a wrong type is reported as such.

const MAX_ID = 64;
const MAX_NAME = 200;
/** A kiosk basket is small; a bound keeps a single request from becoming an unbounded event. */
export const MAX_ORDER_ITEMS = 100;

export class OrderItemBody {
  @ApiProperty({ type: String, example: 'c0ffee00-0000-4000-8000-000000000001' })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  storeId?: string;

  @ApiProperty({ type: String, example: 'c0ffee00-0000-4000-8000-000000000002' })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  productId?: string;

  @ApiProperty({ type: String, example: 'Corner Store' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  @IsString()
  storeName?: string;

  @ApiProperty({ type: String, example: 'Widget' })
  @IsOptional()
  @MaxLength(MAX_NAME)
  @IsString()
  productName?: string;

  @ApiProperty({ type: Number, format: 'double', example: 9.99 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  price?: number;

  @ApiProperty({ type: Number, format: 'int32', example: 1 })
  @IsOptional()
  @IsInt()
  quantity?: number;
}

export class CreateOrderBody {
  @ApiProperty({ type: [OrderItemBody] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OrderItemBody)
  @ArrayMaxSize(MAX_ORDER_ITEMS)
  @IsArray()
  items?: OrderItemBody[];

  @ApiProperty({ type: String })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  customerId?: string;

  @ApiProperty({ type: String })
  @IsOptional()
  @MaxLength(MAX_ID)
  @IsString()
  paymentId?: string;
}

export class CreateOrderResponseDto {
  @ApiProperty({ type: String }) id!: string;
}

export class OrderItemDto {
  @ApiProperty({ type: String }) storeId!: string;
  @ApiProperty({ type: String }) productId!: string;
  @ApiProperty({ type: String }) storeName!: string;
  @ApiProperty({ type: String }) productName!: string;
  @ApiProperty({ type: Number, format: 'double' }) price!: number;
  @ApiProperty({ type: Number, format: 'int32' }) quantity!: number;
}

export class OrderDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) customerId!: string;
  @ApiProperty({ type: String }) paymentId!: string;
  @ApiProperty({ type: [OrderItemDto] }) items!: OrderItemDto[];
  @ApiProperty({ type: String, enum: ['pending', 'approved', 'rejected', 'cancelled', 'ready', 'completed'] }) status!: string;
  /** Additive to the reference's response: present once the saga approved the order. */
  @ApiPropertyOptional({ type: String, description: "The depot's shopping list; present once the order is approved" }) shoppingId?: string;
  /** Additive to the reference's response: present once the order is completed. */
  @ApiPropertyOptional({ type: String, description: 'The invoice to pay (payments invoices an order under its id); present once the order is ready' }) invoiceId?: string;
}

export class GetOrderResponseDto {
  @ApiProperty({ type: OrderDto }) order!: OrderDto;
}
