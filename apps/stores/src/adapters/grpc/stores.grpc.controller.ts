import { Controller, Inject } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type AddProductRequest,
  type AddProductResponse,
  type CreateStoreRequest,
  type CreateStoreResponse,
  type DecreaseProductPriceRequest,
  type DisableParticipationRequest,
  type EnableParticipationRequest,
  type GetCatalogRequest,
  type GetCatalogResponse,
  type GetParticipatingStoresResponse,
  type GetProductRequest,
  type GetProductResponse,
  type GetStoreRequest,
  type GetStoreResponse,
  type GetStoresResponse,
  type IncreaseProductPriceRequest,
  type RebrandProductRequest,
  type RebrandStoreRequest,
  type RemoveProductRequest,
  type StoresServiceController,
  StoresServiceControllerMethods,
} from '@mallbots/contracts/stores';
import { AddProductCommand } from '../../application/add-product/add-product.command.js';
import { CreateStoreCommand } from '../../application/create-store/create-store.command.js';
import { DecreaseProductPriceCommand } from '../../application/decrease-product-price/decrease-product-price.command.js';
import { DisableParticipationCommand } from '../../application/disable-participation/disable-participation.command.js';
import { EnableParticipationCommand } from '../../application/enable-participation/enable-participation.command.js';
import { GetCatalogQuery } from '../../application/get-catalog/get-catalog.query.js';
import { GetParticipatingStoresQuery } from '../../application/get-participating-stores/get-participating-stores.query.js';
import { GetProductQuery } from '../../application/get-product/get-product.query.js';
import { GetStoreQuery } from '../../application/get-store/get-store.query.js';
import { GetStoresQuery } from '../../application/get-stores/get-stores.query.js';
import { IncreaseProductPriceCommand } from '../../application/increase-product-price/increase-product-price.command.js';
import { RebrandProductCommand } from '../../application/rebrand-product/rebrand-product.command.js';
import { RebrandStoreCommand } from '../../application/rebrand-store/rebrand-store.command.js';
import { RemoveProductCommand } from '../../application/remove-product/remove-product.command.js';
import { moneyFromWire, toProductMessage, toStoreMessage } from '../wire/stores.wire.js';

/**
 * storespb.StoresService, all 14 RPCs (reference-behaviour §3.1); one transaction per call (the platform's
 * TransactionInterceptor) and errors as gRPC statuses (its ErrorFilter). Baskets, depot and search call GetStore
 * and GetProduct as their cache fallback.
 */
@Controller()
@StoresServiceControllerMethods()
export class StoresGrpcController implements StoresServiceController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  createStore(request: CreateStoreRequest): Promise<CreateStoreResponse> {
    return this.commands.execute(new CreateStoreCommand(request.name ?? '', request.location ?? ''));
  }

  async enableParticipation(request: EnableParticipationRequest): Promise<object> {
    await this.commands.execute(new EnableParticipationCommand(request.id ?? ''));
    return {};
  }

  async disableParticipation(request: DisableParticipationRequest): Promise<object> {
    await this.commands.execute(new DisableParticipationCommand(request.id ?? ''));
    return {};
  }

  async rebrandStore(request: RebrandStoreRequest): Promise<object> {
    await this.commands.execute(new RebrandStoreCommand(request.id ?? '', request.name ?? ''));
    return {};
  }

  async getStore(request: GetStoreRequest): Promise<GetStoreResponse> {
    return { store: toStoreMessage(await this.queries.execute(new GetStoreQuery(request.id ?? ''))) };
  }

  async getStores(): Promise<GetStoresResponse> {
    return { stores: (await this.queries.execute(new GetStoresQuery())).map(toStoreMessage) };
  }

  async getParticipatingStores(): Promise<GetParticipatingStoresResponse> {
    return { stores: (await this.queries.execute(new GetParticipatingStoresQuery())).map(toStoreMessage) };
  }

  async addProduct(request: AddProductRequest): Promise<AddProductResponse> {
    const { storeId, name, description, sku, price } = request;
    return this.commands.execute(new AddProductCommand(storeId ?? '', name ?? '', description ?? '', sku ?? '', moneyFromWire(price)));
  }

  async rebrandProduct(request: RebrandProductRequest): Promise<object> {
    await this.commands.execute(new RebrandProductCommand(request.id ?? '', request.name ?? '', request.description ?? ''));
    return {};
  }

  async increaseProductPrice(request: IncreaseProductPriceRequest): Promise<object> {
    await this.commands.execute(new IncreaseProductPriceCommand(request.id ?? '', moneyFromWire(request.price)));
    return {};
  }

  async decreaseProductPrice(request: DecreaseProductPriceRequest): Promise<object> {
    await this.commands.execute(new DecreaseProductPriceCommand(request.id ?? '', moneyFromWire(request.price)));
    return {};
  }

  async removeProduct(request: RemoveProductRequest): Promise<object> {
    await this.commands.execute(new RemoveProductCommand(request.id ?? ''));
    return {};
  }

  async getProduct(request: GetProductRequest): Promise<GetProductResponse> {
    return { product: toProductMessage(await this.queries.execute(new GetProductQuery(request.id ?? ''))) };
  }

  async getCatalog(request: GetCatalogRequest): Promise<GetCatalogResponse> {
    return { products: (await this.queries.execute(new GetCatalogQuery(request.storeId ?? ''))).map(toProductMessage) };
  }
}
