// The harness's hand on the running system, for the few scenarios that need a situation the gateway cannot create:
// an order that stays pending long enough to be cancelled. That takes the create-order coordinator (cosec) being
// down for a moment — its OrderCreated waits in JetStream and is handled when it is back — exactly what an outage
// or a deployment does. The run-features runner, which started the system, provides this; the scenarios that use
// it are tagged @outage. No request of a scenario goes anywhere but through the gateway: this only stops and starts
// a process.
//
// Cucumber imports the support code into the runner's own process (runCucumber, not parallel workers), by the same
// file URL as the runner, so this module is one instance shared by both.

export interface SystemControl {
  /** Stops one service gracefully; its messages wait in JetStream meanwhile. */
  stopService(name: string): Promise<void>;
  /** Starts it again on the same ports and database and waits until it is ready. */
  startService(name: string): Promise<void>;
}

let provided: SystemControl | undefined;
const stopped = new Set<string>();

export function provideSystemControl(control: SystemControl | undefined): void {
  provided = control;
}

function control(): SystemControl {
  if (!provided) throw new Error('no system control: @outage scenarios run only under tools/e2e/run-features.ts, which starts the system');
  return provided;
}

export async function stopService(name: string): Promise<void> {
  stopped.add(name);
  await control().stopService(name);
}

export async function startService(name: string): Promise<void> {
  await control().startService(name);
  stopped.delete(name);
}

/** After every scenario: nothing a scenario stopped stays down for the next one. */
export async function restartStoppedServices(): Promise<void> {
  for (const name of [...stopped]) await startService(name);
}
