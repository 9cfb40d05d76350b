import { notFound } from 'next/navigation';
import { currentLocale } from '@/i18n/server';
import { loadStatementPdf } from '@/loaders/statement-pdf';
import { renderStatementPdf } from '@/pdf/statement-pdf';

/** The statement as a PDF, rendered on the server with the session's key, in the page's language. */
export async function GET(_request: Request, { params }: RouteContext<'/statements/[statementId]/pdf'>) {
  const { statementId } = await params;
  const input = await loadStatementPdf(statementId, await currentLocale());
  if (!input.ok) {
    if (input.status === 404) notFound();
    return Response.json(input.problem, { status: input.status });
  }
  const pdf = await renderStatementPdf(input.data);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="statement-${input.data.statement.month}-${statementId}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
