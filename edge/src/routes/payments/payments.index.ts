import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  handleCreatePayment,
  handleGetPayment,
  handleListStatementPayments,
  handleRefundPayment,
  handleSettlePayment,
} from './payments.handlers';
import {
  createPayment,
  getPayment,
  listStatementPayments,
  refundPayment,
  settlePayment,
} from './payments.routes';

export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createPayment, handleCreatePayment);
  app.openapi(listStatementPayments, handleListStatementPayments);
  app.openapi(getPayment, handleGetPayment);
  app.openapi(refundPayment, handleRefundPayment);
  app.openapi(settlePayment, handleSettlePayment);
}
