/**
 * Runs once as the server starts. Only the Node.js server has a session to seal (the app has no
 * Edge runtime code, but Next compiles this file for both).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseToStartWithoutSessionSecret } = await import('./instrumentation-node');
  refuseToStartWithoutSessionSecret();
}
