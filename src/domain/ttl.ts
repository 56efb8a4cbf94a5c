/** the largest `ttl` Cosmos DB accepts, in seconds (2^31 - 1, about 68 years); a larger one is refused */
export const maxTtlSeconds = 2_147_483_647;

/**
 * A document's time to live, in whole seconds, as Cosmos DB takes it: at least 1 (0 is not a ttl,
 * and a negative one means "never expires") and at most `maxTtlSeconds`. Every ttl the product
 * computes goes through here. One that cannot be computed (from a date that is not one) keeps the
 * document for the longest time rather than none: dropping what supervisors wrote at once would
 * be the worse mistake, and the dates it is computed from are checked where they are entered.
 */
export function clampTtl(seconds: number): number {
  if (Number.isNaN(seconds)) return maxTtlSeconds;
  return Math.min(maxTtlSeconds, Math.max(1, Math.round(seconds)));
}
