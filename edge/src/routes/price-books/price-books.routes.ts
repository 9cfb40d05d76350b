import { DEFAULT_PRICE_BOOK } from '@billing/engine';
import { createRoute, z } from '@hono/zod-openapi';
import {
  BODY_PROBLEMS,
  Currency,
  DecimalString,
  json,
  jsonBody,
  PaginationQuery,
  pageOf,
  problems,
  security,
} from '../../openapi/schemas';

const PriceTier = z
  .object({
    from: DecimalString.openapi({ description: 'Inclusive; the first tier starts at 0', example: '0' }),
    to: DecimalString.nullable().openapi({
      description: 'Exclusive; null on the last, open-ended tier',
      example: '100',
    }),
    unitPrice: DecimalString.openapi({ example: '1000' }),
  })
  .openapi('PriceTier');

const PRICING_DESCRIPTION = {
  description: 'Tiers are half-open [from, to), contiguous from 0, the last one open-ended (DOMAIN §3)',
};

/** The three pricing models over a list of tiers, each made by `object` (open, or strict for requests). */
function pricingModels<Tier extends z.ZodTypeAny>(object: typeof z.object, tier: Tier) {
  const tiers = z.array(tier).min(1).max(100);
  return z.discriminatedUnion('model', [
    object({ model: z.literal('PER_UNIT'), unitPrice: DecimalString }),
    object({
      model: z.literal('GRADUATED'),
      tiers: tiers.openapi({ description: 'Each unit is priced by the tier it falls in' }),
    }),
    object({
      model: z.literal('VOLUME'),
      tiers: tiers.openapi({ description: 'Every unit is priced at the tier the total reaches' }),
    }),
  ]);
}

export const Pricing = pricingModels(z.object, PriceTier).openapi('Pricing', PRICING_DESCRIPTION);

const CounterName = z.string().min(1).max(200).openapi({ example: 'compute.c2.c8m8' });

const PriceBookEntry = z
  .object({
    counterName: CounterName,
    unit: z.string().min(1).max(50).openapi({ example: 'HOURS' }),
    pricing: Pricing,
  })
  .openapi('PriceBookEntry');

export const PriceBook = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: Currency,
    entries: z.array(PriceBookEntry),
    builtIn: z
      .boolean()
      .openapi({ description: `True for the read-only built-in book ${DEFAULT_PRICE_BOOK.id}` }),
    createdAt: z.string().nullable().openapi({ description: 'Null for the built-in book' }),
  })
  .openapi('PriceBook');

/**
 * The request's forms of the above: strict at every level, so a field the API does not know (a tier's
 * `note`, a pricing's `currency`) is refused (422 `unknown-field`), never dropped. The answers keep
 * their open schemas.
 */
const PriceTierInput = z
  .strictObject({ from: PriceTier.shape.from, to: PriceTier.shape.to, unitPrice: PriceTier.shape.unitPrice })
  .openapi('PriceTierInput');

export const PricingInput = pricingModels(z.strictObject as typeof z.object, PriceTierInput).openapi(
  'PricingInput',
  PRICING_DESCRIPTION,
);

const PriceBookEntryInput = z
  .strictObject({
    counterName: CounterName,
    unit: PriceBookEntry.shape.unit,
    pricing: PricingInput,
  })
  .openapi('PriceBookEntryInput');

const NewPriceBook = z
  .strictObject({
    name: z.string().min(1).max(200),
    currency: Currency,
    entries: z.array(PriceBookEntryInput).min(1).max(500).openapi({ description: 'One entry per counter' }),
  })
  .openapi('NewPriceBook');

const PriceBookParams = z.object({ priceBookId: z.string().min(1).max(100) });

const BILLING_FROM_A_BOOK =
  'A billing group is billed from its `priceBookId`, which must be a book of its own currency; with ' +
  `none it uses the built-in default of its currency. Only KRW has one (\`${DEFAULT_PRICE_BOOK.id}\`), so ` +
  'a statement of a non-KRW group without a price book answers 409 `/problems/price-book-required`: ' +
  'create a book in that currency and set it on the group.';

export const createPriceBook = createRoute({
  method: 'post',
  path: '/v1/price-books',
  operationId: 'createPriceBook',
  tags: ['Pricing'],
  summary: 'Create a price book: a unit and a pricing model (PER_UNIT, GRADUATED, VOLUME) per counter',
  description:
    'Checked by the engine’s rules: each 422 error names the field (e.g. `entries[1].pricing.tiers[0].from`) ' +
    `and the rule (e.g. \`tiers-start-at-zero\`, \`tiers-contiguous\`, \`unique\`). ${BILLING_FROM_A_BOOK}`,
  security,
  request: { body: jsonBody(NewPriceBook) },
  responses: { 201: json(PriceBook, 'The price book'), ...problems(...BODY_PROBLEMS) },
});

export const listPriceBooks = createRoute({
  method: 'get',
  path: '/v1/price-books',
  operationId: 'listPriceBooks',
  tags: ['Pricing'],
  summary: `The tenant’s price books and the built-in ${DEFAULT_PRICE_BOOK.id}, in id order`,
  description: BILLING_FROM_A_BOOK,
  security,
  request: { query: PaginationQuery },
  responses: {
    200: json(pageOf(PriceBook, 'PriceBookPage'), 'A page of price books'),
    ...problems(400, 401, 422, 429),
  },
});

export const getPriceBook = createRoute({
  method: 'get',
  path: '/v1/price-books/{priceBookId}',
  operationId: 'getPriceBook',
  tags: ['Pricing'],
  summary: `One price book (the tenant’s own, or the built-in ${DEFAULT_PRICE_BOOK.id})`,
  security,
  request: { params: PriceBookParams },
  responses: { 200: json(PriceBook, 'The price book'), ...problems(401, 404, 429) },
});
