import { type NextRequest, NextResponse } from 'next/server';
import { openSession } from '@/lib/open-session';
import { SESSION_COOKIE } from '@/lib/session-cookie';

/**
 * Every page but sign-in needs a session that opens: without one (none, tampered, expired, signed
 * out), go and sign in first, and drop the cookie that did not open.
 */
export async function proxy(request: NextRequest) {
  if (await openSession(request.cookies)) return NextResponse.next();
  const response = NextResponse.redirect(new URL('/sign-in', request.url));
  if (request.cookies.has(SESSION_COOKIE)) response.cookies.delete(SESSION_COOKIE);
  return response;
}

export const config = {
  matcher: ['/((?!sign-in|healthz|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
