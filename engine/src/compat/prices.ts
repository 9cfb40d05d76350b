/**
 * The older system's price list, in hundredths of a won so that every price is an integer
 * (166.67 won is 16667). A counter it did not know was priced at 100 won, not refused: that is
 * the legacy rule, unlike the price book of DOMAIN §3, which rejects an unknown counter. A `Map`
 * rather than an object literal, so that names like `constructor` find no inherited price.
 */
const PRICES_IN_HUNDREDTHS: ReadonlyMap<string, number> = new Map([
  ['compute.c2.c8m8', 39700],
  ['compute.g2.t4.c8m64', 16667],
  ['storage.volume.ssd', 10000],
  ['network.floating_ip', 2500],
]);

export const COMPAT_DEFAULT_PRICE_IN_HUNDREDTHS = 10000;

export function compatPriceInHundredths(counterName: string): number {
  return PRICES_IN_HUNDREDTHS.get(counterName) ?? COMPAT_DEFAULT_PRICE_IN_HUNDREDTHS;
}

/** The unit price a line shows, in won: 16667 hundredths is 166.67. */
export function compatUnitPrice(counterName: string): number {
  return compatPriceInHundredths(counterName) / 100;
}

/** A line's amount: floor(volume × hundredths / 100), in that order, in doubles. */
export function compatLineAmount(counterName: string, volume: number): number {
  return Math.floor((volume * compatPriceInHundredths(counterName)) / 100);
}
