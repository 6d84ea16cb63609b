/**
 * The little the adapter logs, in pino's argument order (context object first) so a pino logger fits as-is; the
 * default writes JSON lines to the console.
 */
export interface AdapterLogger {
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

export const consoleLogger: AdapterLogger = {
  warn: (context, message) => console.warn(JSON.stringify({ level: 'warn', msg: message, ...context })),
  error: (context, message) => console.error(JSON.stringify({ level: 'error', msg: message, ...context })),
};

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
