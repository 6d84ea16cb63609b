// Cancelling an order, and holding up the order checks so that an order stays pending long enough to be
// cancelled (@outage scenarios: see support/system-control.ts).
import { When } from '@cucumber/cucumber';
import { accepted } from '../support/mall-api.ts';
import { startService, stopService } from '../support/system-control.ts';
import type { MallWorld } from '../support/world.ts';

/** The create-order saga's coordinator: while it is down, new orders wait for their checks, pending. */
const ORDER_CHECKS = 'cosec';

When('the checks on new orders are held up', async function (this: MallWorld) {
  await stopService(ORDER_CHECKS);
});

When('the checks on new orders resume', async function (this: MallWorld) {
  await startService(ORDER_CHECKS);
});

When('{word} cancels her/his/their order', async function (this: MallWorld, customer: string) {
  accepted(await this.api.cancelOrder(this.order(customer).id), `${customer} cancelling the order`);
});

When('{word} tries to cancel her/his/their order', async function (this: MallWorld, customer: string) {
  this.attempt = await this.api.cancelOrder(this.order(customer).id);
});
