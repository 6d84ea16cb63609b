import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetRecipientQuery } from '../../application/get-recipient/get-recipient.query.js';
import { ListNotificationsQuery } from '../../application/list-notifications/list-notifications.query.js';
import { ListNotificationsParams, ListNotificationsResponseDto, RecipientDto, RecipientParams } from './notifications.dto.js';

/**
 * Read-only, for operators and tests: what was texted to whom. Not part of the reference (notifications had no REST
 * API, H04) and not routed through the public gateway — reachable on the service's own port only.
 */
@ApiTags('Notifications')
@Controller('api/notifications')
export class NotificationsRestController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'The notifications of a customer and/or an order, newest first' })
  @ApiOkResponse({ type: ListNotificationsResponseDto })
  async list(@Query() params: ListNotificationsParams): Promise<ListNotificationsResponseDto> {
    const found = await this.queries.execute(new ListNotificationsQuery({ customerId: params.customerId, orderId: params.orderId }, params.limit ?? 50));
    return { notifications: found.map(({ createdAt, sentAt, ...rest }) => ({ ...rest, createdAt: createdAt.toISOString(), sentAt: sentAt?.toISOString() })) };
  }

  @Get('recipients/:customerId')
  @ApiOperation({ operationId: 'getRecipient', summary: 'The SMS number and status notifications holds for a customer (its copy; may lag behind customers)' })
  @ApiOkResponse({ type: RecipientDto })
  async recipient(@Param() params: RecipientParams): Promise<RecipientDto> {
    return this.queries.execute(new GetRecipientQuery(params.customerId));
  }
}
