import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// Types and sizes are checked here; blank, zero or negative values reach the domain (as protojson's defaults did in
// the reference), which answers with the reference's own texts ("the item quantity cannot be negative", C03), so
// clients that match on those messages keep working.

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

export class StartBasketBody {
  @ApiProperty({ type: String, example: 'customer-id' })
  @IsOptional()
  @MaxLength(100)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  customerId?: string;
}

export class CheckoutBasketBody {
  @ApiProperty({ type: String, example: 'payment-id' })
  @IsOptional()
  @MaxLength(100)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  paymentId?: string;
}

export class ItemBody {
  @ApiProperty({ type: String, example: 'product-id' })
  @IsOptional()
  @MaxLength(100)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  productId?: string;

  /** int32 on the wire: the range is a type check; sign, zero and fractions are business rules (domain). */
  @ApiProperty({ type: Number, format: 'int32', example: 1 })
  @IsOptional()
  @Max(INT32_MAX)
  @Min(INT32_MIN)
  @IsNumber({ allowNaN: false, allowInfinity: false }) // evaluated first: a wrong type is reported as such
  quantity?: number;
}

export class StartBasketResponseDto {
  @ApiProperty({ type: String }) id!: string;
}

export class BasketItemDto {
  @ApiProperty({ type: String }) storeId!: string;
  @ApiProperty({ type: String }) productId!: string;
  @ApiProperty({ type: String }) storeName!: string;
  @ApiProperty({ type: String }) productName!: string;
  @ApiProperty({ type: Number, format: 'double', example: 9.99 }) productPrice!: number;
  @ApiProperty({ type: Number, format: 'int32' }) quantity!: number;
}

export class BasketDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: [BasketItemDto] }) items!: BasketItemDto[];
  // Additive fields the reference hid (§14.4 item 41); its clients ignore them.
  @ApiPropertyOptional({ type: String }) customerId!: string;
  @ApiPropertyOptional({ type: String, description: 'set once checked out; empty before' }) paymentId!: string;
  @ApiPropertyOptional({ type: String, enum: ['open', 'checked_out', 'canceled'] }) status!: string;
  @ApiPropertyOptional({ type: Number, format: 'double', description: 'Σ price × quantity (C09)', example: 19.98 }) total!: number;
}

export class GetBasketResponseDto {
  @ApiProperty({ type: BasketDto }) basket!: BasketDto;
}
