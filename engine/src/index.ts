export * from './decimal';
export * from './errors';
export * from './messages';
export * from './money';
export * from './period';
export * from './types';
