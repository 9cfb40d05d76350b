import { health } from '../../edge/src/routes/system/system.routes';
import type { Kit } from './kit';

export function systemHandlers({ http, operation }: Kit) {
  return [
    http.get(
      '/health',
      operation('getHealth', health, (call, { response }) =>
        response(200).json({ status: 'ok', checks: { database: 'ok' }, time: call.now() }),
      ),
    ),
  ];
}
