/** The legacy calculator API (DOMAIN §9): what the edge calls; the helpers stay inside the folder. */
export { compatCalculate } from './calculate';
export { compatFailure, compatInvalidJson } from './envelope';
export { compatMessages } from './messages';
export { compatCreatePayment, compatPaymentStatements } from './payments';
export {
  COMPAT_DEFAULT_PRICE_IN_HUNDREDTHS,
  compatLineAmount,
  compatPriceInHundredths,
  compatUnitPrice,
} from './prices';
export type * from './types';
export { COMPAT_ADJUSTMENT_LEVELS, COMPAT_ADJUSTMENT_METHODS, COMPAT_ADJUSTMENT_TYPES } from './types';
export { COMPAT_DEFAULT_VAT_RATE, compatVatRate } from './vat';
