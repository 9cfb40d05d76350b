export {
  SIGNATURE_HEADER,
  signatureHeader,
  type VerifiedEvent,
  type VerifyOptions,
  verifyWebhook,
  WebhookVerificationError,
} from './signature';
