// `npm run trace -- <trace.zip>`: opens Playwright's trace viewer on a local port (these machines
// have no window to open it in). Then browse to the printed address.
import { spawn } from 'node:child_process';

const trace = process.argv[2];
if (!trace) {
  console.error('usage: npm run trace -- test-results/<test>/trace.zip');
  process.exit(2);
}
const port = process.env.TRACE_PORT ?? '9323';
console.log(`trace viewer: http://127.0.0.1:${port}`);
spawn('npx', ['playwright', 'show-trace', '--host', '127.0.0.1', '--port', port, trace], {
  stdio: 'inherit',
}).on('exit', (code) => process.exit(code ?? 0));
