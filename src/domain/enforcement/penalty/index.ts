export * from './reference';
export * from './lifecycle';
