import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { storesAsyncApi } from './stores.asyncapi.js';

/** `/stores-asyncapi/` (the reference's path): the AsyncAPI document of the events this service publishes. */
@ApiExcludeController()
@Controller('stores-asyncapi')
export class StoresAsyncApiController {
  @Get(['', 'asyncapi.json'])
  document(): typeof storesAsyncApi {
    return storesAsyncApi;
  }
}
