/** For the container's HEALTHCHECK and load balancers: the server answers. Needs no session and no edge. */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
