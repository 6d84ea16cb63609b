import { Query } from '@nestjs/cqrs';

/** What notifications knows of a customer it texts: the number it would use now, and whether texts are withheld. */
export interface Recipient {
  readonly customerId: string;
  readonly name?: string;
  readonly smsNumber?: string;
  readonly enabled: boolean;
}

export class GetRecipientQuery extends Query<Recipient> {
  constructor(readonly customerId: string) {
    super();
  }
}
