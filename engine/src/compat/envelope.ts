import { compatMessages } from './messages';
import type { CompatFailure, CompatSuccess } from './types';

/**
 * The older system's envelope. A failure has no `data` key at all (not `data: null`): the older
 * system sent the header alone, and clients test `header.isSuccessful`, never `data`.
 */
export function compatSuccess<T>(data: T): CompatSuccess<T> {
  return {
    status: 200,
    body: { header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' }, data },
  };
}

export function compatFailure(message: string): CompatFailure {
  return { status: 400, body: { header: { isSuccessful: false, resultCode: -1, resultMessage: message } } };
}

/** For a body that is not JSON at all, on any compatibility route; the parser's own words follow. */
export function compatInvalidJson(parserMessage: string): CompatFailure {
  return compatFailure(compatMessages.invalidJson(parserMessage));
}
