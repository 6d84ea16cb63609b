import { Inject } from '@nestjs/common';
import { type IncomingMessage, MessageConsumer, OnMessage } from '@mallbots/am';
import type { SagaOrchestrator } from '@mallbots/sec';
import { CREATE_ORDER_SAGA } from '../../application/ports/create-order-saga.port.js';
import type { CreateOrderData } from '../../domain/index.js';
import { CosecChannel, CosecGroup, SAGA_REPLIES } from './cosec.messages.js';

/**
 * The participants' replies (J06) on cosec's own durable group, behind the platform's inbox: the inbox row, the saga
 * row and the next command's outbox row commit together. The orchestrator ignores (acks) replies that do not answer
 * the outstanding command: duplicates, late replies after a timeout, replies after the end, foreign sagas.
 */
@MessageConsumer({ subject: CosecChannel.Replies, group: CosecGroup.Replies })
export class SagaRepliesConsumer {
  constructor(@Inject(CREATE_ORDER_SAGA) private readonly saga: SagaOrchestrator<CreateOrderData>) {}

  @OnMessage(...SAGA_REPLIES)
  onReply(message: IncomingMessage): Promise<void> {
    return this.saga.handleReply(message);
  }
}
