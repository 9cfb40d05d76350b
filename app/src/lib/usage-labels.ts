import { type Locale, numberLocale } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { formatNumber } from '@/lib/money';

/*
 * Usage in words, for the pages and the PDF alike: counters by a readable name, units translated.
 * The words live in the messages' `pdf` section, where the PDF first needed them.
 */

/** A unit code (HOURS, GB) in words, singular or plural for `quantity`; an unknown code as it is. */
export function unitName(unit: string, quantity: string, locale: Locale): string {
  const names = messages[locale].pdf.unitNames[unit];
  if (!names) return unit;
  const plural = new Intl.PluralRules(numberLocale(locale)).select(Number(quantity));
  return plural === 'one' ? names[0] : names[1];
}

/** "100 hours", "100 시간". */
export function formatQuantity(quantity: string, unit: string, locale: Locale): string {
  return messages[locale].pdf.quantityOf(formatNumber(quantity, locale), unitName(unit, quantity, locale));
}

/** "KRW 397 per hour", "시간당 KRW 397". */
export function formatUnitPrice(price: string, unit: string, locale: Locale): string {
  return messages[locale].pdf.perUnit(price, unitName(unit, '1', locale));
}

const MACHINE_SPEC = /^c(\d+)m(\d+)$/;

/**
 * A readable name for a counter, since the price book has none: its first segment is the product
 * family, the known words are translated, a machine shape `c8m64` reads "8 vCPU, 64 GB memory", and
 * anything else (a series like `c2`, `g2.t4`) stays as written. `compute.c2.c8m8` → "Compute c2
 * (8 vCPU, 8 GB memory)", `network.floating_ip` → "Network floating IP".
 */
export function counterLabel(counterName: string, locale: Locale): string {
  const t = messages[locale].pdf;
  const [family = '', ...rest] = counterName.split('.');
  const words: string[] = [t.counterCategories[family] ?? family.replace(/_/g, ' ')];
  let series: string[] = [];
  let spec: string | null = null;
  const flushSeries = () => {
    if (series.length > 0) words.push(series.join('.'));
    series = [];
  };
  for (const segment of rest) {
    const machine = MACHINE_SPEC.exec(segment);
    const word = t.counterWords[segment];
    if (machine) spec = t.machineSpec(machine[1] as string, machine[2] as string);
    else if (word) {
      flushSeries();
      words.push(word);
    } else series.push(segment);
  }
  flushSeries();
  const name = words.filter(Boolean).join(' ');
  return spec ? `${name} (${spec})` : name;
}
