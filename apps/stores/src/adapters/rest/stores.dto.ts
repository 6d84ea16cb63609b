import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';

// Types and sizes are checked here; blank or missing values reach the domain (as protojson's defaults did in the
// reference), which answers with the reference's own texts ("the store name cannot be blank"), so clients that
// match on those messages keep working. Prices are decimal numbers on the wire, as in the reference; the
// controllers turn them into exact Money (more than two decimal places is refused there). Unknown fields are
// dropped (the platform's ValidationPipe whitelist), as grpc-gateway discarded them.

const NAME_MAX = 200;
const LOCATION_MAX = 200;
const DESCRIPTION_MAX = 2000;
const SKU_MAX = 100;

// Decorators register bottom-up: the type check is listed last so that it runs first and a wrong type is
// reported as such.

export class CreateStoreBody {
  @ApiProperty({ type: String, example: 'Mall Mart' })
  @IsOptional()
  @MaxLength(NAME_MAX)
  @IsString()
  name?: string;

  @ApiProperty({ type: String, example: 'Level 1, unit 12' })
  @IsOptional()
  @MaxLength(LOCATION_MAX)
  @IsString()
  location?: string;
}

export class RebrandStoreBody {
  @ApiProperty({ type: String, example: 'Mega Mart' })
  @IsOptional()
  @MaxLength(NAME_MAX)
  @IsString()
  name?: string;
}

export class AddProductBody {
  @ApiProperty({ type: String, example: 'Basket' })
  @IsOptional()
  @MaxLength(NAME_MAX)
  @IsString()
  name?: string;

  @ApiProperty({ type: String, example: 'Woven, with handles' })
  @IsOptional()
  @MaxLength(DESCRIPTION_MAX)
  @IsString()
  description?: string;

  @ApiProperty({ type: String, example: 'BSK-1' })
  @IsOptional()
  @MaxLength(SKU_MAX)
  @IsString()
  sku?: string;

  @ApiProperty({ type: Number, format: 'double', example: 9.99 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  price?: number;
}

export class RebrandProductBody {
  @ApiProperty({ type: String, example: 'Big Basket' })
  @IsOptional()
  @MaxLength(NAME_MAX)
  @IsString()
  name?: string;

  @ApiProperty({ type: String, example: 'Extra large' })
  @IsOptional()
  @MaxLength(DESCRIPTION_MAX)
  @IsString()
  description?: string;
}

/** The new absolute price, not the change (as in the reference). */
export class ChangeProductPriceBody {
  @ApiProperty({ type: Number, format: 'double', example: 10.49 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  price?: number;
}

export class IdResponseDto {
  @ApiProperty({ type: String }) id!: string;
}

export class StoreDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) location!: string;
  @ApiProperty({ type: Boolean }) participating!: boolean;
}

export class ProductDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) storeId!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) description!: string;
  @ApiProperty({ type: String }) sku!: string;
  @ApiProperty({ type: Number, format: 'double' }) price!: number;
}

export class GetStoreResponseDto {
  @ApiProperty({ type: StoreDto }) store!: StoreDto;
}

export class GetStoresResponseDto {
  @ApiProperty({ type: [StoreDto] }) stores!: StoreDto[];
}

export class GetProductResponseDto {
  @ApiProperty({ type: ProductDto }) product!: ProductDto;
}

export class GetCatalogResponseDto {
  @ApiProperty({ type: [ProductDto] }) products!: ProductDto[];
}
