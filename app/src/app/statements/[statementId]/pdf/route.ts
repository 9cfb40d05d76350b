import { notFound } from 'next/navigation';
import { call, edge } from '@/api/client';
import { renderStatementPdf } from '@/pdf/statement-pdf';

/** The statement as a PDF, rendered on the server with the session's key. */
export async function GET(_request: Request, { params }: RouteContext<'/statements/[statementId]/pdf'>) {
  const { statementId } = await params;
  const client = await edge();
  const statement = await call(() =>
    client.GET('/v1/statements/{statementId}', { params: { path: { statementId } } }),
  );
  if (!statement.ok) {
    if (statement.status === 404) notFound();
    return Response.json(statement.problem, { status: statement.status });
  }
  const group = await call(() =>
    client.GET('/v1/billing-groups/{billingGroupId}', {
      params: { path: { billingGroupId: statement.data.billingGroupId } },
    }),
  );
  const pdf = await renderStatementPdf(statement.data, group.ok ? group.data : null);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="statement-${statement.data.month}-${statementId}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
