import { Command } from '@nestjs/cqrs';

export class EnableParticipationCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
