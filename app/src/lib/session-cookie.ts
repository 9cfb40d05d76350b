/** The httpOnly cookie holding the API key: page scripts can never read it. */
export const SESSION_COOKIE = 'billing_session';
