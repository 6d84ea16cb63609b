import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NotificationKinds } from '../../domain/index.js';

// A repeated parameter (`?customerId=a&customerId=b`) arrives as an array and fails IsString: 400, not a guess.
export class ListNotificationsParams {
  @ApiProperty({ type: String, required: false, description: 'The customer texted. customerId, orderId or both are required.' })
  @IsOptional()
  @MaxLength(64)
  @MinLength(1)
  @IsString() // evaluated first (decorators register bottom-up): a wrong type is reported as such
  customerId?: string;

  @ApiProperty({ type: String, required: false, description: 'The order the texts were about.' })
  @IsOptional()
  @MaxLength(64)
  @MinLength(1)
  @IsString()
  orderId?: string;

  @ApiProperty({ type: Number, required: false, minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit?: number;
}

export class NotificationDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) orderId!: string;
  @ApiProperty({ type: String }) customerId!: string;
  @ApiProperty({ enum: NotificationKinds }) kind!: string;
  @ApiProperty({ type: String }) smsNumber!: string;
  @ApiProperty({ type: String }) text!: string;
  @ApiProperty({ enum: ['pending', 'sent', 'suppressed', 'failed'] }) status!: string;
  @ApiProperty({ type: String, required: false, description: 'The integration event that caused it (absent for gRPC Notify* calls).' }) eventId?: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', required: false }) sentAt?: string;
  @ApiProperty({ type: String, required: false, description: 'The SMS provider’s message id.' }) smsId?: string;
  @ApiProperty({ type: Number }) attempts!: number;
  @ApiProperty({ type: String, required: false }) lastError?: string;
}

export class ListNotificationsResponseDto {
  @ApiProperty({ type: [NotificationDto] }) notifications!: NotificationDto[];
}

export class RecipientParams {
  @ApiProperty({ type: String })
  @MaxLength(64)
  @MinLength(1)
  @IsString()
  customerId!: string;
}

export class RecipientDto {
  @ApiProperty({ type: String }) customerId!: string;
  @ApiProperty({ type: String, required: false }) name?: string;
  @ApiProperty({ type: String, required: false, description: 'Absent until a customers event or a GetCustomer answer brought one.' }) smsNumber?: string;
  @ApiProperty({ type: Boolean, description: 'false: texts are withheld (suppressed).' }) enabled!: boolean;
}
