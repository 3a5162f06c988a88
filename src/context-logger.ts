import type { Logger } from './logger';

const OWN = Symbol('operation logger');

interface Holder {
  requestId: string;
  [OWN]?: Logger;
}

/**
 * `logger` for operation contexts: the app's logger with the operation's `requestId`, made on
 * first use. Most operations never log, and an idle subscription held its child logger (about
 * 0.3 kB) for its whole life. Defined on the context object Yoga extends (Yoga copies the
 * factory's result onto it, which would call a getter at once): one getter for every context,
 * reading `requestId` from it when first asked.
 */
export function lazyOperationLogger(logger: Logger): <T extends object>(context: T) => T & { readonly logger: Logger } {
  const descriptor: PropertyDescriptor = {
    configurable: true,
    enumerable: true,
    get(this: Holder) {
      this[OWN] ??= logger.child({ requestId: this.requestId });
      return this[OWN];
    },
  };
  return (context) =>
    Object.defineProperty(context, 'logger', descriptor) as typeof context & { readonly logger: Logger };
}
