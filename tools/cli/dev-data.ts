/** The data folder (under .data/) of `npm start` and `npm run infra:*`, and the ports its servers try first. */
export const DEV = 'dev';
export const DEV_INFRA_PORTS = { postgres: 5439, nats: 4229, natsMonitor: 8229 };
