/** The logging the background jobs need; pino loggers fit as they are (`logger.warn({ err }, 'msg')`). */
export interface TmLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Default when none is given: errors must never vanish silently (the reference's relay only logged once, #16). */
export const consoleLogger: TmLogger = {
  info: (fields, message) => console.log(JSON.stringify({ level: 'info', msg: message, ...serialisable(fields) })),
  warn: (fields, message) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...serialisable(fields) })),
  error: (fields, message) => console.error(JSON.stringify({ level: 'error', msg: message, ...serialisable(fields) })),
};

function serialisable(fields: object): object {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { name: v.name, message: v.message } : v]));
}
