/**
 * The bare-Hono baseline (./app.ts) as a Worker of its own, which the edge benchmark serves with
 * `wrangler dev` beside the edge's (./wrangler.jsonc): the same runtime, compatibility date and
 * local proxy as the edge, none of its middleware or bindings.
 */
import { createBaselineApp } from './app';

const app = createBaselineApp();

export default {
  fetch: (request: Request) => app.fetch(request),
};
