import { type INestApplication, Logger, type ModuleMetadata, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type GrpcOptions, Transport } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { grpcLoaderOptions, protoRoot } from '@mallbots/contracts';
import { Logger as PinoLogger } from 'nestjs-pino';
import { join } from 'node:path';
import type { ServiceConfig } from './service-config.js';
import { startTracing } from './tracing/tracing-sdk.js';

export interface ServiceAppOptions {
  readonly config: ServiceConfig;
  /** The service's root module (it imports PlatformModule.forRoot). */
  readonly module: NonNullable<ModuleMetadata['imports']>[number];
  /** gRPC server: the proto package (e.g. `customerspb`) and its api.proto relative to proto/. */
  readonly grpc?: { readonly package: string; readonly protoFile: string };
  /** OpenAPI document served at `/<path>/` (the reference's `/<ctx>-spec/`). */
  readonly openApi?: { readonly path: string; readonly title: string; readonly description?: string };
}

/**
 * Builds the service's Nest application: REST (Express) with input validation — unknown fields are dropped, as the
 * reference's grpc-gateway discards them — the OpenAPI UI, and the gRPC server on the same application (one
 * process, one set of providers). Call `listen` (or use runService) to serve.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module as never, { bodyParser: true, abortOnError: false, bufferLogs: true });
  // Nest's own logs (bootstrap, errors) go through pino too, as JSON with the service name.
  app.useLogger(app.get(PinoLogger));
  // Bounded bodies: a kiosk request is small; a huge one is refused with 413 before it costs anything.
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true, forbidUnknownValues: false, stopAtFirstError: true }));
  app.enableShutdownHooks();
  if (options.openApi) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle(options.openApi.title).setDescription(options.openApi.description ?? '').setVersion('1.0').build(),
    );
    SwaggerModule.setup(options.openApi.path, app, document, { jsonDocumentUrl: `${options.openApi.path}/api.swagger.json` });
  }
  if (options.grpc) {
    app.connectMicroservice<GrpcOptions>(
      {
        transport: Transport.GRPC,
        options: {
          package: options.grpc.package,
          protoPath: join(protoRoot(), options.grpc.protoFile),
          url: `${options.config.grpc.host}:${options.config.grpc.port}`,
          loader: grpcLoaderOptions(),
        },
      },
      { inheritAppConfig: true },
    );
  }
  return app;
}

/** Serves HTTP and gRPC until SIGTERM/SIGINT; the shutdown hooks then drain consumers, stop the relay, close pools. */
export async function runService(options: ServiceAppOptions): Promise<INestApplication> {
  const logger = new Logger('Bootstrap');
  // Before the app exists, so every span it makes goes to the provider; stopped last by PlatformModule.
  const tracing = startTracing({ service: options.config.service });
  const app = await createServiceApp(options);
  // Nest's shutdown hooks run on these signals too; this only bounds how long they may take (SHUTDOWN_TIMEOUT).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error(`shutdown did not finish within ${options.config.shutdownTimeoutMs} ms; exiting`);
        process.exit(1);
      }, options.config.shutdownTimeoutMs).unref();
    });
  }
  await app.startAllMicroservices();
  await app.listen(options.config.http.port, options.config.http.host);
  if (tracing.recording) logger.log('exporting traces over OTLP/gRPC');
  logger.log(`${options.config.service} serving HTTP on ${options.config.http.host}:${options.config.http.port}${options.grpc ? ` and gRPC on ${options.config.grpc.host}:${options.config.grpc.port}` : ''}`);
  return app;
}
