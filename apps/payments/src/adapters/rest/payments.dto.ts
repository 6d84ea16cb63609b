import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { InvoiceStatus } from '../../domain/index.js';

// Types and sizes are checked here; blank or missing values reach the domain (as protojson's defaults did in the
// reference), which answers with its own texts ("the customer id cannot be blank", "the payment amount must be
// greater than zero"). Amounts are the wire's decimal numbers; the controller converts them to exact cents.

export class AuthorizePaymentBody {
  @ApiProperty({
    type: String,
    required: false,
    format: 'uuid',
    description: 'Optional operation id chosen by the caller (not in the reference): a retry with the same id, customer and amount returns the same payment instead of authorizing twice. A new UUID when absent.',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: String, example: '6d6c1c1e-3c3a-4a59-9a1e-0d3f6c1f2b7a' })
  @IsOptional()
  @MaxLength(64)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  customerId?: string;

  @ApiProperty({ type: Number, format: 'double', example: 42.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount?: number;
}

export class AuthorizePaymentResponseDto {
  @ApiProperty({ type: String }) id!: string;
}

export class InvoiceDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) orderId!: string;
  @ApiProperty({ type: String }) paymentId!: string;
  @ApiProperty({ type: Number, format: 'double' }) amount!: number;
  @ApiProperty({ enum: Object.values(InvoiceStatus) }) status!: string;
}

export class GetInvoiceResponseDto {
  @ApiProperty({ type: InvoiceDto }) invoice!: InvoiceDto;
}
