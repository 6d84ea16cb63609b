import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Types and sizes are checked here; blank or missing values reach the domain (as protojson's defaults did in the
// reference), which answers with the reference's own texts ("the customer name cannot be blank"), so clients that
// match on those messages keep working.

export class RegisterCustomerBody {
  @ApiProperty({ type: String, example: 'John Smith' })
  @IsOptional()
  @MaxLength(200)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  name?: string;

  @ApiProperty({ type: String, example: '555-0100' })
  @IsOptional()
  @MaxLength(32)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  smsNumber?: string;
}

export class ChangeSmsNumberBody {
  @ApiProperty({ type: String, example: '555-0199' })
  @IsOptional()
  @MaxLength(32)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  smsNumber?: string;
}

export class RegisterCustomerResponseDto {
  @ApiProperty({ type: String }) id!: string;
}

export class CustomerDto {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) smsNumber!: string;
  @ApiProperty({ type: Boolean }) enabled!: boolean;
}

export class GetCustomerResponseDto {
  @ApiProperty({ type: CustomerDto }) customer!: CustomerDto;
}
