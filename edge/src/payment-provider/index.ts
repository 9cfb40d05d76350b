import type { AppDeps } from '../deps';
import type { PaymentProvider } from './port';
import { sandboxPaymentProvider } from './sandbox';

/** The app's payment provider: the one its host injected, else the built-in sandbox. */
export function paymentProviderOf(deps: AppDeps): PaymentProvider {
  return deps.paymentProvider ?? sandboxPaymentProvider;
}
