import { Command } from '@nestjs/cqrs';

export class DisableParticipationCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
