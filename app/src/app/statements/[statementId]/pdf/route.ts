import { notFound } from 'next/navigation';
import { loadBillingGroup } from '@/loaders/billing-groups';
import { loadStatement } from '@/loaders/statements';
import { renderStatementPdf } from '@/pdf/statement-pdf';

/** The statement as a PDF, rendered on the server with the session's key. */
export async function GET(_request: Request, { params }: RouteContext<'/statements/[statementId]/pdf'>) {
  const { statementId } = await params;
  const statement = await loadStatement(statementId);
  if (!statement.ok) {
    if (statement.status === 404) notFound();
    return Response.json(statement.problem, { status: statement.status });
  }
  const group = await loadBillingGroup(statement.data.billingGroupId);
  const pdf = await renderStatementPdf(statement.data, group.ok ? group.data : null);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="statement-${statement.data.month}-${statementId}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
