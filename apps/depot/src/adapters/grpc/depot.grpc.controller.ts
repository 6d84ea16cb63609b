import { Controller, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  type AssignShoppingListRequest,
  type CancelShoppingListRequest,
  type CompleteShoppingListRequest,
  type CreateShoppingListRequest,
  type CreateShoppingListResponse,
  type DepotServiceController,
  DepotServiceControllerMethods,
} from '@mallbots/contracts/depot';
import { AssignShoppingListCommand } from '../../application/assign-shopping-list/assign-shopping-list.command.js';
import { CancelShoppingListCommand } from '../../application/cancel-shopping-list/cancel-shopping-list.command.js';
import { CompleteShoppingListCommand } from '../../application/complete-shopping-list/complete-shopping-list.command.js';
import { CreateShoppingListCommand } from '../../application/create-shopping-list/create-shopping-list.command.js';

/**
 * depotpb.DepotService (reference-behaviour §3.4): the four RPCs of the reference. Missing fields arrive as protobuf
 * defaults ('' and 0) and are refused by the domain with INVALID_ARGUMENT; errors become gRPC statuses in the
 * platform's ErrorFilter, inside the platform's one-transaction-per-call interceptor.
 */
@Controller()
@DepotServiceControllerMethods()
export class DepotGrpcController implements DepotServiceController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  createShoppingList(request: CreateShoppingListRequest): Promise<CreateShoppingListResponse> {
    const items = (request.items ?? []).map((i) => ({ productId: i.productId ?? '', storeId: i.storeId ?? '', quantity: i.quantity ?? 0 }));
    return this.commands.execute(new CreateShoppingListCommand(request.orderId ?? '', items));
  }

  async cancelShoppingList(request: CancelShoppingListRequest): Promise<object> {
    await this.commands.execute(new CancelShoppingListCommand(request.id ?? ''));
    return {};
  }

  async assignShoppingList(request: AssignShoppingListRequest): Promise<object> {
    await this.commands.execute(new AssignShoppingListCommand(request.id ?? '', request.botId ?? ''));
    return {};
  }

  async completeShoppingList(request: CompleteShoppingListRequest): Promise<object> {
    await this.commands.execute(new CompleteShoppingListCommand(request.id ?? ''));
    return {};
  }
}
